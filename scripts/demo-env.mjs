// The settings `npm start` gives the demo, over which any variable already set wins: production
// mode with demo data, mails at /dev/mail, plain http, and only this machine may connect (issue 16:
// the demo's mailbox shows every reset link, so it must not be on the network by accident).
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { isIP } from "node:net";
import path from "node:path";

const loopbackHosts = new Set(["localhost", "127.0.0.1", "::1"]);

/** Whether HOST keeps the server on this machine. */
export function isLoopbackHost(host) {
  return loopbackHosts.has(host) || (isIP(host) === 4 && host.startsWith("127."));
}

/**
 * The demo's environment and the warnings to print. The demo's voting pepper is kept beside its
 * database (production sets VOTING_PEPPER and keeps it apart; the server refuses to start without).
 */
export function demoEnvironment(env) {
  const port = env.PORT ?? "3000";
  const databasePath = env.DATABASE_PATH ?? "./data/wijkvonk.sqlite";
  const demo = {
    NODE_ENV: "production",
    SEED_DEMO: "1",
    HOST: "127.0.0.1",
    APP_URL: `http://localhost:${port}`,
    // The demo runs on plain http://localhost; a real deployment behind TLS keeps secure cookies on.
    COOKIE_SECURE: "0",
    // The demo's terminal shows the address and the demo accounts, not a JSON line per request.
    LOG_LEVEL: "warn",
    // Without a mail server the demo shows its emails at /dev/mail, so password reset can be tried out.
    ...(env.SMTP_URL ? {} : { DEV_MAILBOX: "1" }),
  };
  const result = { ...demo, ...env };
  result.VOTING_PEPPER ??= demoPepper(databasePath);
  const warnings = isLoopbackHost(result.HOST)
    ? []
    : [
        `Let op: de demo is vanaf het netwerk te bereiken (HOST=${result.HOST}), met demo-accounts waarvan het wachtwoord bekend is. ` +
          `/dev/mail blijft alleen op deze computer te lezen. (Warning: the demo is reachable from the network, with well-known demo passwords.)`,
      ];
  return { env: result, warnings };
}

function demoPepper(databasePath) {
  const file = path.join(path.dirname(path.resolve(databasePath)), "voting-pepper.secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
  }
  return readFileSync(file, "utf8").trim();
}
