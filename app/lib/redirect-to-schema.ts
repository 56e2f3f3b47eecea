// The form field that says where to go after logging in, apart from safe-redirect.ts: the site header
// uses that module on every page, and zod would then load in the browser everywhere.

import { z } from "zod";
import { safeRedirectPath } from "./safe-redirect";

export const redirectToSchema = z
  .string()
  .optional()
  .transform((to) => safeRedirectPath(to));
