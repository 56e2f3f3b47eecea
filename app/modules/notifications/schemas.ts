import { z } from "zod";
import { NOTIFICATION_KINDS } from "./kinds";

/** The preferences page: one checkbox per kind, named "on"; the ticked ones arrive. */
export const preferencesSchema = z.object({
  on: z.array(z.enum(NOTIFICATION_KINDS)).max(NOTIFICATION_KINDS.length).default([]),
});

/**
 * The page behind the link in a mail. The token comes with the button, or in the link's own query
 * when a mail program posts "List-Unsubscribe=One-Click" to it (RFC 8058).
 */
export const unsubscribeSchema = z.object({
  token: z.string().trim().max(200).optional(),
  intent: z.enum(["mute", "unmute"]).default("mute"),
});
