import { run } from "~db/query.server";
import type { Transporter } from "nodemailer";
import { devMailbox } from "~db/schema";
import { getDb } from "~db/client.server";
import { getEnv } from "./env.server";
import { log } from "./log.server";

export type Mail = { to: string; subject: string; text: string; headers?: Record<string, string> };

let transporter: Transporter | undefined;

/**
 * Sends through SMTP when SMTP_URL is set, else into the development mailbox (/dev/mail).
 * With neither, the mail is dropped with a warning that never includes the body: it may hold a token.
 */
export async function sendMail(mail: Mail): Promise<void> {
  // A deleted account's address is a tombstone under the reserved .invalid domain: nobody to mail.
  if (/\.invalid$/i.test(mail.to.trim())) return;
  const env = getEnv();
  if (env.smtpUrl) {
    // Loaded at the first mail, not at start (issue 19: resident memory a server without SMTP never needs).
    transporter ??= (await import("nodemailer")).default.createTransport(env.smtpUrl);
    await transporter.sendMail({ from: env.mailFrom, to: mail.to, subject: mail.subject, text: mail.text, headers: mail.headers });
    return;
  }
  if (env.devMailbox) {
    await run(
      getDb()
        .insert(devMailbox)
        .values({ to: mail.to, subject: mail.subject, text: mail.text, headers: mail.headers ? JSON.stringify(mail.headers) : null, createdAt: new Date() }),
    );
    return;
  }
  log.warn({ subject: mail.subject }, "mail not sent: no SMTP_URL");
}

/**
 * Sends after the answer has gone, with a failure logged: the answer never waits for the mail server,
 * and takes as long whether or not a mail goes out (so its timing tells nobody whether an address has an account).
 */
export function sendMailLater(mail: Mail | (() => Promise<Mail | null>), what: string): void {
  const sending = new Promise<void>((resolve) => setImmediate(resolve))
    .then(() => (typeof mail === "function" ? mail() : mail))
    .then((m) => (m ? sendMail(m) : undefined))
    .catch((error: unknown) => log.error({ err: error }, `${what} not sent`))
    .finally(() => inFlight.delete(sending));
  inFlight.add(sending);
}

const inFlight = new Set<Promise<void>>();

/** Resolves once every mail handed to sendMailLater so far is sent (or its failure logged): for a graceful stop. */
export async function backgroundMailSent(): Promise<void> {
  while (inFlight.size > 0) await Promise.all(inFlight);
}
