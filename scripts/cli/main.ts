// The `wijkvonk` command: a table from "group command" to the function that
// runs it. scripts/wijkvonk.mjs loads this file through tsx.

import { BACKUP_CREATE_USAGE, BACKUP_RESTORE_USAGE } from "./backup-args";
import { DB_COPY_USAGE } from "./db-copy-args";
import { EXIT_USAGE, processIo, type CliIo } from "./io";
import { PB_IMPORT_USAGE, runPbImport } from "./pb-import";
import { PB_TALLY_USAGE, runPbTally } from "./pb-tally";

type Command = (argv: string[], io: CliIo) => Promise<number>;

const COMMANDS: Record<string, { run: Command; usage: string }> = {
  "pb tally": { run: runPbTally, usage: PB_TALLY_USAGE },
  "pb import": { run: runPbImport, usage: PB_IMPORT_USAGE },
  // Loaded only when used, so that `pb tally` never loads the SQLite driver.
  "backup create": { run: async (argv, io) => (await import("./backup")).runBackupCreate(argv, io), usage: BACKUP_CREATE_USAGE },
  "backup restore": { run: async (argv, io) => (await import("./backup")).runBackupRestore(argv, io), usage: BACKUP_RESTORE_USAGE },
  "db copy": { run: async (argv, io) => (await import("./db-copy")).runDbCopy(argv, io), usage: DB_COPY_USAGE },
};

function usage(): string {
  return ["Usage:", ...Object.values(COMMANDS).map((c) => `  ${c.usage}`), ""].join("\n");
}

/** Runs one command; resolves to the process exit code. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [group, name, ...rest] = argv;
  if (group === undefined || group === "--help" || group === "-h" || group === "help") {
    io.out(usage());
    return group === undefined ? EXIT_USAGE : 0;
  }
  const command = COMMANDS[`${group} ${name ?? ""}`];
  if (!command) {
    io.err(`wijkvonk: unknown command "${[group, name].filter(Boolean).join(" ")}"\n${usage()}`);
    return EXIT_USAGE;
  }
  return command.run(rest, io);
}
