import nodemailer, { type Transporter } from "nodemailer";
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
    transporter ??= nodemailer.createTransport(env.smtpUrl);
    await transporter.sendMail({ from: env.mailFrom, to: mail.to, subject: mail.subject, text: mail.text, headers: mail.headers });
    return;
  }
  if (env.devMailbox) {
    getDb()
      .insert(devMailbox)
      .values({ to: mail.to, subject: mail.subject, text: mail.text, headers: mail.headers ? JSON.stringify(mail.headers) : null, createdAt: new Date() })
      .run();
    return;
  }
  log.warn({ subject: mail.subject }, "mail not sent: no SMTP_URL");
}
