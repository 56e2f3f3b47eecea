import { z } from "zod";

/** Only paths on this site: "//evil.example" and "/\evil.example" would leave it. */
export function safeRedirectPath(to: string | null | undefined, fallback = "/"): string {
  return to && to.startsWith("/") && !to.startsWith("//") && !to.startsWith("/\\") ? to : fallback;
}

export const redirectToSchema = z
  .string()
  .optional()
  .transform((to) => safeRedirectPath(to));
