import { getDb } from "~db/client.server";
import { demoLogins, seedDemo, type DemoLogin } from "~db/seeds/demo";
import { getEnv } from "~/lib/env.server";
import { hashPassword } from "~/modules/auth/password.server";
import { log } from "~/lib/log.server";

/**
 * Runs once before the server takes requests: checks the environment, opens the database
 * (which applies migrations), and fills an empty database with demo data when asked.
 */
export async function startup(options: { seedDemo: boolean }): Promise<{ seeded: boolean; demoLogins: DemoLogin[] }> {
  const env = getEnv();
  const db = getDb();
  const seeded = options.seedDemo ? await seedDemo(db, { hashPassword }) : false;
  if (env.nodeEnv === "production" && !env.smtpUrl && !env.devMailbox) {
    log.warn("SMTP_URL is not set: emails (password reset links) will not be sent");
  }
  return { seeded, demoLogins: options.seedDemo ? demoLogins() : [] };
}
