// `wijkvonk db copy FROM TO` (issue 20, ADR 027): moves a deployment's data from its SQLite file into a
// new PostgreSQL database, or back into a new SQLite file. Exit codes: 0 copied, 1 not copied (nothing
// was changed on the receiving side), 64 bad usage.

import { copyPostgresToSqlite, copySqliteToPostgres } from "../../db/pg/copy.server";
import { DB_COPY_USAGE, parseDbCopyArgs, withoutPassword } from "./db-copy-args";
import { answerHelpOrUsageError, EXIT_CANNOT_USE_FILE, type CliIo } from "./io";

export async function runDbCopy(argv: string[], io: CliIo): Promise<number> {
  const args = parseDbCopyArgs(argv);
  if ("help" in args || "error" in args) return answerHelpOrUsageError("db copy", DB_COPY_USAGE, args, io);
  const [from, to] = args.direction === "to-postgres" ? [args.sqlite, withoutPassword(args.postgres)] : [withoutPassword(args.postgres), args.sqlite];
  try {
    const report =
      args.direction === "to-postgres" ? await copySqliteToPostgres(args.sqlite, args.postgres) : await copyPostgresToSqlite(args.postgres, args.sqlite);
    const rows = report.tables.reduce((sum, t) => sum + t.rows, 0);
    const main = report.tables.filter((t) => ["contests", "ideas", "users", "ballots"].includes(t.name)).map((t) => `${t.name} ${t.rows}`);
    io.out(`Copied ${rows} rows in ${report.tables.length} tables from ${from} to ${to} (${main.join(", ")}).\n`);
    io.out(
      "Keep VOTING_PEPPER as it was (receipts depend on it), and the photos: UPLOADS_DIR names the folder that holds them, by default the uploads folder beside the SQLite file (docs/operations.md).\n",
    );
    return 0;
  } catch (error) {
    io.err(`wijkvonk db copy: nothing copied: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_CANNOT_USE_FILE;
  }
}
