import { z } from "zod";

const booleanFlag = z
  .enum(["1", "0", "true", "false", "yes", "no"])
  .transform((v) => v === "1" || v === "true" || v === "yes");

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_PATH: z.string().min(1).default("./data/wijkvonk.sqlite"),
  // Where links in emails point to; without it they point to the request's own origin.
  APP_URL: z.url().optional(),
  SMTP_URL: z.url().optional(),
  MAIL_FROM: z.string().min(3).default("Wijkvonk <noreply@wijkvonk.nl>"),
  // The development mailbox at /dev/mail; on by default outside production.
  DEV_MAILBOX: booleanFlag.optional(),
  // Secure cookies need HTTPS (browsers accept them on localhost too).
  COOKIE_SECURE: booleanFlag.optional(),
  // Keys the hashes of voting codes, receipts and ballot pointers (ADR 007); at least 32 bytes.
  VOTING_PEPPER: z.string().min(32, "must be at least 32 characters").optional(),
});

export type Env = {
  nodeEnv: "development" | "production" | "test";
  databasePath: string;
  appUrl: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  devMailbox: boolean;
  cookieSecure: boolean;
  votingPepper: string | undefined;
};

let cached: Env | undefined;

/** Reads and checks the environment once; a wrong value stops the server at boot with a clear message. */
export function getEnv(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  const e = parsed.data;
  cached = {
    nodeEnv: e.NODE_ENV,
    databasePath: e.DATABASE_PATH,
    appUrl: e.APP_URL,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    devMailbox: !e.SMTP_URL && (e.DEV_MAILBOX ?? e.NODE_ENV !== "production"),
    cookieSecure: e.COOKIE_SECURE ?? e.NODE_ENV === "production",
    votingPepper: e.VOTING_PEPPER,
  };
  return cached;
}

export function resetEnvForTests(): void {
  cached = undefined;
}
