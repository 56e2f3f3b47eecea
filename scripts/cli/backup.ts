// `wijkvonk backup create` and `wijkvonk backup restore` (issue 10): a consistent copy of the SQLite
// database made while the server runs, and putting one back while it does not. See
// docs/decisions/013-backups.md for what is in a backup and what is deliberately not.
//
// Exit codes: 0 done, 1 the backup cannot be made or restored (nothing was changed), 64 bad usage.

import {
  chmodSync,
  closeSync,
  copyFileSync,
  cpSync,
  existsSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import {
  BACKUP_CREATE_USAGE,
  BACKUP_RESTORE_USAGE,
  formatBytes,
  parseBackupCreateArgs,
  parseBackupRestoreArgs,
  pepperFileOf,
  refusalOnPostgres,
  replacedDatabaseFile,
  uploadsCopyOf,
  uploadsDirOf,
} from "./backup-args";
import { answerHelpOrUsageError, EXIT_CANNOT_USE_FILE, processIo, type CliIo } from "./io";

const EXIT_CANNOT = EXIT_CANNOT_USE_FILE;

/** The tables whose row counts are printed, so an operator sees at a glance that the backup holds the data. */
const COUNTED_TABLES = ["contests", "ideas", "idea_photos", "users", "voter_register", "ballots"] as const;

/**
 * Pages per backup step. A backup that takes several steps starts again from the first page whenever
 * another connection writes in between, so under a steady vote load a step-by-step backup might never
 * finish. One step copies every page from one read snapshot: in WAL mode that blocks no writer, and
 * the copy is the database as it was at one moment.
 */
const ALL_PAGES = 0x7fffffff;

type Inspection = { ok: true; bytes: number; counts: [table: string, rows: number][]; migrations: number | null } | { ok: false; problem: string };

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Opens a database file read-only and runs PRAGMA integrity_check; on success, counts rows of the main tables. */
export function inspectDatabase(file: string): Inspection {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const problems = (db.pragma("integrity_check") as { integrity_check: string }[]).map((row) => row.integrity_check);
    if (problems.length !== 1 || problems[0] !== "ok") {
      return { ok: false, problem: `integrity_check found ${problems.length} problem(s): ${problems.slice(0, 3).join("; ")}` };
    }
    const tables = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
    const rows = (table: string) => db!.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number;
    return {
      ok: true,
      bytes: statSync(file).size,
      counts: COUNTED_TABLES.filter((table) => tables.has(table)).map((table) => [table, rows(table)]),
      migrations: tables.has("__drizzle_migrations") ? rows("__drizzle_migrations") : null,
    };
  } catch (error) {
    return { ok: false, problem: `damaged, or not a SQLite database (${messageOf(error)})` };
  } finally {
    db?.close();
  }
}

function describe(inspection: Extract<Inspection, { ok: true }>): string {
  const counts = inspection.counts.map(([table, rows]) => `${table} ${rows}`).join(", ");
  const migrations = inspection.migrations === null ? "" : `; ${inspection.migrations} migrations`;
  return `${counts || "no Wijkvonk tables"}${migrations}`;
}

/** Makes sure a file's bytes are on disk before it is given its final name. */
function syncFile(file: string): void {
  const fd = openSync(file, "r+");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes a rename in this folder survive a power cut. Not every system can sync a folder; then the rename is still made. */
function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, "r");
    fsyncSync(fd);
  } catch {
    // Windows cannot open a folder for syncing.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function countFiles(folder: string): number {
  return readdirSync(folder, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length;
}

/** A photo being written has a `.tmp` name until it is complete (photos.server.ts): those are left out. */
const notHalfWritten = (source: string) => !source.endsWith(".tmp");

function pepperReminder(databasePath: string, env: Readonly<Record<string, string | undefined>>): string {
  const where = env.VOTING_PEPPER
    ? "VOTING_PEPPER, set in this environment"
    : existsSync(pepperFileOf(databasePath))
      ? `${pepperFileOf(databasePath)}, or VOTING_PEPPER if the server has it set`
      : "VOTING_PEPPER, or voting-pepper.secret beside the database";
  return (
    `Not in the backup, on purpose: the voting pepper (${where}). Keep one copy of it apart from the database ` +
    "backups (docs/decisions/007-ballot-secrecy.md): a restored database needs the same pepper, or its voting codes, " +
    "receipts and ballot pointers no longer work.\n"
  );
}

/** `backup create`: copies the live database (and its photos) while the server goes on writing. */
export async function runBackupCreate(argv: string[], io: CliIo = processIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const onPostgres = refusalOnPostgres(env);
  if (onPostgres) {
    io.err(`wijkvonk backup create: ${onPostgres}\n`);
    return EXIT_CANNOT;
  }
  const args = parseBackupCreateArgs(argv, env, new Date());
  if ("help" in args || "error" in args) return answerHelpOrUsageError("backup create", BACKUP_CREATE_USAGE, args, io);
  const source = path.resolve(args.database);
  const target = path.resolve(args.to);
  const fail = (message: string) => {
    io.err(`wijkvonk backup create: ${message}\n`);
    return EXIT_CANNOT;
  };
  if (!existsSync(source)) return fail(`no database at ${args.database}`);
  // A backup is never overwritten: the older one may be the only good copy.
  if (existsSync(target) || existsSync(uploadsCopyOf(target))) return fail(`${args.to} exists already; choose another name with --to`);

  mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
  // Everything is written under temporary names and renamed last: a file with the backup's name is a whole backup.
  const partial = `${target}.partial-${process.pid}`;
  const partialUploads = `${uploadsCopyOf(target)}.partial-${process.pid}`;
  const cleanUp = () => {
    for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(`${partial}${suffix}`, { force: true });
    rmSync(partialUploads, { recursive: true, force: true });
  };
  let inspection: Inspection;
  let photos: number | null = null;
  try {
    // Made empty first, readable by its owner only: the copy holds names, addresses and votes.
    writeFileSync(partial, "", { mode: 0o600, flag: "wx" });
    // Its own connection, which only reads: the server's connection and its writes go on undisturbed.
    // (Not opened read-only: a read-only connection cannot remove the -wal and -shm files it made
    // when it is the last one, so a backup with the server stopped would leave them behind.)
    const live = new Database(source, { fileMustExist: true });
    try {
      live.pragma("query_only = ON");
      live.pragma("busy_timeout = 5000");
      await live.backup(partial, { progress: () => ALL_PAGES });
    } finally {
      live.close();
    }
    // The copy carries the live file's WAL flag; rollback-journal mode makes it one self-contained file.
    const copy = new Database(partial, { fileMustExist: true });
    try {
      copy.pragma("journal_mode = DELETE");
    } finally {
      copy.close();
    }
    inspection = inspectDatabase(partial);
    if (!inspection.ok) {
      cleanUp();
      return fail(`the copy failed its check, so it was not kept: ${inspection.problem}`);
    }
    syncFile(partial);
    // Photos after the database: every photo the copy refers to was on disk before the copy was taken.
    const uploads = uploadsDirOf(source);
    if (existsSync(uploads)) {
      cpSync(uploads, partialUploads, { recursive: true, filter: notHalfWritten, preserveTimestamps: true });
      photos = countFiles(partialUploads);
      renameSync(partialUploads, uploadsCopyOf(target));
    }
    renameSync(partial, target);
    syncFolder(path.dirname(target));
  } catch (error) {
    cleanUp();
    return fail(`the backup failed, nothing was kept (${messageOf(error)})`);
  }

  io.out(`Backed up ${args.database} to ${args.to} (${formatBytes(inspection.bytes)}, integrity_check ok)\n`);
  io.out(`  ${describe(inspection)}\n`);
  io.out(
    photos === null
      ? `  photos: none (no ${uploadsDirOf(args.database)} folder)\n`
      : `  photos: ${photos} files copied to ${uploadsCopyOf(args.to)}${path.sep}\n`,
  );
  io.out(pepperReminder(args.database, env));
  return 0;
}

type Use = "in-use" | "free" | { unknown: string };

/**
 * Whether a server (or anyone) has the database open. A WAL database can leave WAL mode only when
 * no other connection has it open, so that is the test; when it succeeds the file is checkpointed,
 * which is what the server's own last close would have done.
 */
function databaseUse(file: string): Use {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { fileMustExist: true });
    db.pragma("busy_timeout = 0");
    if (db.pragma("journal_mode", { simple: true }) === "wal") db.pragma("journal_mode = DELETE");
    else db.exec("BEGIN EXCLUSIVE; ROLLBACK");
    return "free";
  } catch (error) {
    const code = error instanceof Error && "code" in error ? String(error.code) : "";
    if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) return "in-use";
    return { unknown: messageOf(error) };
  } finally {
    db?.close();
  }
}

/** `backup restore`: checks a backup and puts it in the database's place, with the server stopped. */
export async function runBackupRestore(argv: string[], io: CliIo = processIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const onPostgres = refusalOnPostgres(env);
  if (onPostgres) {
    io.err(`wijkvonk backup restore: ${onPostgres}\n`);
    return EXIT_CANNOT;
  }
  const args = parseBackupRestoreArgs(argv, env);
  if ("help" in args || "error" in args) return answerHelpOrUsageError("backup restore", BACKUP_RESTORE_USAGE, args, io);
  const backup = path.resolve(args.file);
  const target = path.resolve(args.database);
  const fail = (message: string) => {
    io.err(`wijkvonk backup restore: ${message}\n`);
    return EXIT_CANNOT;
  };
  if (!existsSync(backup)) return fail(`no backup at ${args.file}`);
  if (backup === target) return fail(`${args.file} is the database itself`);

  // First the backup, before anything is touched.
  const inspection = inspectDatabase(backup);
  if (!inspection.ok) return fail(`${args.file} is not a usable backup, nothing was changed: ${inspection.problem}`);
  if (inspection.migrations === null) return fail(`${args.file} is not a Wijkvonk database (it has no migrations table), nothing was changed`);

  const now = new Date();
  const replaced = replacedDatabaseFile(target, now);
  const targetExists = existsSync(target);
  if (targetExists && !args.force) {
    return fail(`${args.database} exists; add --force to replace it (it is then kept as ${path.basename(replaced)})`);
  }
  if (targetExists) {
    if (existsSync(replaced)) return fail(`${replaced} exists already; try again in a second`);
    const use = databaseUse(target);
    if (use === "in-use") return fail(`${args.database} is in use: stop the server first, nothing was changed`);
    if (use !== "free") io.err(`Could not check whether ${args.database} is in use (${use.unknown}); make sure the server is stopped.\n`);
  }

  const temporary = `${target}.restoring-${process.pid}`;
  try {
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(backup, temporary);
    if (targetExists) chmodSync(temporary, statSync(target).mode & 0o777);
    syncFile(temporary);
    if (targetExists) {
      // A second name for the old database: the database's own name never points at nothing.
      try {
        linkSync(target, replaced);
      } catch {
        copyFileSync(target, replaced);
      }
    }
    // A -wal or -journal left beside the target would be replayed into the restored file and damage it.
    for (const suffix of ["-wal", "-journal"]) {
      if (!existsSync(`${target}${suffix}`)) continue;
      if (targetExists) renameSync(`${target}${suffix}`, `${replaced}${suffix}`);
      else rmSync(`${target}${suffix}`);
    }
    rmSync(`${target}-shm`, { force: true });
    renameSync(temporary, target);
    syncFolder(path.dirname(target));
  } catch (error) {
    rmSync(temporary, { force: true });
    return fail(`the restore failed (${messageOf(error)})`);
  }

  io.out(`Restored ${args.file} to ${args.database} (${formatBytes(inspection.bytes)}, integrity_check ok)\n`);
  io.out(`  ${describe(inspection)}\n`);
  if (targetExists) io.out(`  the database it replaced is kept as ${replacedDatabaseFile(args.database, now)}\n`);

  // Photos are only ever added or deleted, never changed, so the backup's photos are added to whatever is there.
  const photosCopy = uploadsCopyOf(backup);
  if (existsSync(photosCopy)) {
    const before = existsSync(uploadsDirOf(target)) ? countFiles(uploadsDirOf(target)) : 0;
    cpSync(photosCopy, uploadsDirOf(target), { recursive: true, force: false, errorOnExist: false, preserveTimestamps: true });
    const added = countFiles(uploadsDirOf(target)) - before;
    io.out(`  photos: ${countFiles(photosCopy)} in the backup, ${added} added to ${uploadsDirOf(args.database)}${path.sep}\n`);
  } else {
    io.out(`  photos: none restored (no ${uploadsCopyOf(args.file)} folder beside the backup)\n`);
  }

  if (!env.VOTING_PEPPER && !existsSync(pepperFileOf(target))) {
    io.err(
      `Warning: no voting pepper: VOTING_PEPPER is not set here and there is no ${pepperFileOf(args.database)}. ` +
        "Put the installation's pepper back before starting the server: without it the server makes a new one, and the " +
        "voting codes, receipts and ballot pointers in this database stop working.\n",
    );
  } else {
    io.out("Start the server with the pepper this database was made with (VOTING_PEPPER or voting-pepper.secret).\n");
  }
  return 0;
}
