import { openDatabaseFromEnvironment } from "~db/client.server";
import { demoLogins, seedDemo, type DemoLogin } from "~db/seeds/demo";
import { getEnv, missingForProduction, type Env } from "~/lib/env.server";
import { hashPassword } from "~/modules/auth/password.server";
import { log } from "~/lib/log.server";

/**
 * Runs once before the server takes requests: checks the environment, opens the database
 * (PostgreSQL when DATABASE_URL says so, else the SQLite file; either is migrated), and fills an
 * empty database with demo data when asked.
 */
export async function startup(options: { seedDemo: boolean }): Promise<{ seeded: boolean; demoLogins: DemoLogin[]; trustProxy: Env["trustProxy"] }> {
  const env = getEnv();
  const missing = missingForProduction(env);
  if (missing.length > 0) throw new Error(`Wijkvonk does not start in production without:\n- ${missing.join("\n- ")}\nSee docs/operations.md.`);
  const db = await openDatabaseFromEnvironment({
    onListenerTrouble: (error) => log.warn({ err: error }, "PostgreSQL change listener lost: cached pages are not served until it listens again"),
  });
  const seeded = options.seedDemo ? await seedDemo(db, { hashPassword }) : false;
  if (env.nodeEnv === "production" && !env.smtpUrl && !env.devMailbox) {
    log.warn("SMTP_URL is not set: emails (password reset links) will not be sent");
  }
  return { seeded, demoLogins: options.seedDemo ? demoLogins() : [], trustProxy: env.trustProxy };
}
