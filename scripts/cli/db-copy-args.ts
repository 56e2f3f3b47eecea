// The pure half of `wijkvonk db copy FROM TO` (ADR 027): which way the copy goes. scripts/cli/db-copy.ts does it.

export const DB_COPY_USAGE = "wijkvonk db copy FROM TO   (a SQLite file and a postgres:// address, either way round; stop the server first)";

export type DbCopyArgs = { direction: "to-postgres"; sqlite: string; postgres: string } | { direction: "to-sqlite"; postgres: string; sqlite: string };

const isPostgres = (place: string) => /^postgres(ql)?:\/\//.test(place);

export function parseDbCopyArgs(argv: readonly string[]): DbCopyArgs | { help: true } | { error: string } {
  if (argv.includes("--help") || argv.includes("-h")) return { help: true };
  const unknown = argv.find((arg) => arg.startsWith("-"));
  if (unknown) return { error: `unknown option ${unknown}` };
  if (argv.length !== 2) return { error: "give two places: where the data is, and where it goes" };
  const [from, to] = argv as [string, string];
  if (isPostgres(from) === isPostgres(to)) return { error: "one place must be a SQLite file and the other a postgres:// address" };
  return isPostgres(to) ? { direction: "to-postgres", sqlite: from, postgres: to } : { direction: "to-sqlite", postgres: from, sqlite: to };
}

/** The address without its password, for what the command prints. */
export function withoutPassword(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}
