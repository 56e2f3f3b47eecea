import { z } from "zod";
import { emailSchema } from "~/modules/auth/schemas";

// One schema for the browser (conform) and the server. Messages are message keys (app/lib/i18n).

/** "Laat me weten wanneer ik mee kan doen": only an email address, nothing more. */
export const subscribeSchema = z.object({ email: emailSchema });

/** The confirm and unsubscribe buttons post the token from the link back. */
export const subscriptionTokenSchema = z.object({ token: z.string().min(20).max(200) });

/** The token in a link from a mail (?token=…), or null when there is none that could be real. */
export function tokenFromUrl(url: string): string | null {
  const parsed = subscriptionTokenSchema.shape.token.safeParse(new URL(url).searchParams.get("token"));
  return parsed.success ? parsed.data : null;
}
