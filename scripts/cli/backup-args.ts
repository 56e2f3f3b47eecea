// The pure half of `wijkvonk backup create|restore`: the command lines, and the names of the files a
// backup and a restore make. No file system here; scripts/cli/backup.ts does the work.

import path from "node:path";

export const DEFAULT_DATABASE_PATH = "./data/wijkvonk.sqlite";

export const BACKUP_CREATE_USAGE = "wijkvonk backup create [--database PATH] [--to FILE]";
export const BACKUP_RESTORE_USAGE = "wijkvonk backup restore FILE [--database PATH] [--force]   (stop the server first)";

export type BackupCreateArgs = { database: string; to: string };
export type BackupRestoreArgs = { file: string; database: string; force: boolean };
type Parsed<Args> = Args | { help: true } | { error: string };

/**
 * Backups here are of the SQLite file. With DATABASE_URL the app's data is in PostgreSQL, which has
 * its own tools: a copy of some SQLite file would look like a backup and hold none of it.
 */
export function refusalOnPostgres(env: Readonly<Record<string, string | undefined>>): string | null {
  if (!env.DATABASE_URL?.trim()) return null;
  return (
    "DATABASE_URL is set: the data is in PostgreSQL, and this command backs up a SQLite file only. " +
    "Use PostgreSQL's own tools: pg_dump --format=custom (and pg_restore), or the host's continuous backup (see docs/operations.md)."
  );
}

/** The database a command works on: --database, else DATABASE_PATH, else the app's own default. */
export function databasePathFrom(option: string | null, env: Readonly<Record<string, string | undefined>>): string {
  return option ?? (env.DATABASE_PATH || DEFAULT_DATABASE_PATH);
}

/** A moment as it can stand in a file name on every system: 2026-03-14T09-30-05Z (UTC, sorts by time). */
export function fileTimestamp(now: Date): string {
  return now
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replace(/:/g, "-");
}

/** Where `backup create` writes without --to: a `backups` folder beside the database, one file per moment. */
export function defaultBackupFile(databasePath: string, now: Date): string {
  const extension = path.extname(databasePath) || ".sqlite";
  const name = path.basename(databasePath, path.extname(databasePath));
  return path.join(path.dirname(databasePath), "backups", `${name}-${fileTimestamp(now)}${extension}`);
}

/** The photos copied with a backup sit beside it: FILE.uploads/ holds what <data folder>/uploads/ held. */
export function uploadsCopyOf(backupFile: string): string {
  return `${backupFile}.uploads`;
}

/** The photos folder of a database: UPLOADS_DIR when set, else <data folder>/uploads, as app/lib/env.server.ts (uploadsRoot) has it. */
export function uploadsDirOf(databasePath: string, uploadsDirSetting: string | undefined = process.env.UPLOADS_DIR): string {
  const setting = uploadsDirSetting?.trim();
  return setting ? path.resolve(setting) : path.join(path.dirname(databasePath), "uploads");
}

/** The voting pepper made when VOTING_PEPPER is not set, as app/lib/secrets.server.ts has it. */
export function pepperFileOf(databasePath: string): string {
  return path.join(path.dirname(databasePath), "voting-pepper.secret");
}

/** Where `restore --force` keeps the database it replaces, in case the wrong backup was restored. */
export function replacedDatabaseFile(databasePath: string, now: Date): string {
  return `${databasePath}.before-restore-${fileTimestamp(now)}`;
}

/** "1.4 MB": sizes for people, in powers of 1000 as disks are sold. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ["kB", "MB", "GB", "TB"];
  let value = bytes;
  let unit = -1;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

/** Reads `--name VALUE` or `--name=VALUE` at argv[i]; `next` says how many arguments it took. */
function optionValue(argv: readonly string[], i: number, name: string): { value: string | undefined; next: number } | null {
  const arg = argv[i] ?? "";
  if (arg === name) return { value: argv[i + 1], next: i + 1 };
  if (arg.startsWith(`${name}=`)) return { value: arg.slice(name.length + 1), next: i };
  return null;
}

export function parseBackupCreateArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>>, now: Date): Parsed<BackupCreateArgs> {
  let database: string | null = null;
  let to: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--help" || arg === "-h") return { help: true };
    const databaseOption = optionValue(argv, i, "--database");
    const toOption = optionValue(argv, i, "--to");
    if (databaseOption) {
      if (!databaseOption.value) return { error: "--database needs the path of the SQLite file" };
      database = databaseOption.value;
      i = databaseOption.next;
    } else if (toOption) {
      if (!toOption.value) return { error: "--to needs the path of the backup file to write" };
      to = toOption.value;
      i = toOption.next;
    } else if (arg.startsWith("-")) return { error: `unknown option ${arg}` };
    else return { error: `unexpected argument ${arg} (the backup file goes after --to)` };
  }
  const databasePath = databasePathFrom(database, env);
  return { database: databasePath, to: to ?? defaultBackupFile(databasePath, now) };
}

export function parseBackupRestoreArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): Parsed<BackupRestoreArgs> {
  let file: string | null = null;
  let database: string | null = null;
  let force = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--help" || arg === "-h") return { help: true };
    const databaseOption = optionValue(argv, i, "--database");
    if (databaseOption) {
      if (!databaseOption.value) return { error: "--database needs the path of the SQLite file to restore into" };
      database = databaseOption.value;
      i = databaseOption.next;
    } else if (arg === "--force") force = true;
    else if (arg.startsWith("-")) return { error: `unknown option ${arg}` };
    else if (file === null) file = arg;
    else return { error: `one backup at a time (got ${file} and ${arg})` };
  }
  if (file === null) return { error: "which backup file?" };
  return { file, database: databasePathFrom(database, env), force };
}
