// Which database the app runs on (ADR 027): DATABASE_URL=postgres://… (or postgresql://) selects
// PostgreSQL; without it, the SQLite file at DATABASE_PATH. Pure, so the CLI can ask without loading a driver.

export const DEFAULT_DATABASE_PATH = "./data/wijkvonk.sqlite";

type Environment = Readonly<Record<string, string | undefined>>;

/** The PostgreSQL address DATABASE_URL gives, or undefined when it is unset (SQLite). Anything else is refused, not ignored. */
export function postgresUrlFrom(env: Environment): string | undefined {
  const url = env.DATABASE_URL?.trim();
  if (!url) return undefined;
  if (!/^postgres(ql)?:\/\//i.test(url)) {
    throw new Error("DATABASE_URL must start with postgres:// or postgresql:// (leave it unset to use the SQLite file at DATABASE_PATH)");
  }
  return url;
}

/** The SQLite file the app uses when DATABASE_URL is unset. */
export function sqlitePathFrom(env: Environment): string {
  return env.DATABASE_PATH || DEFAULT_DATABASE_PATH;
}
