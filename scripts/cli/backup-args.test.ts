import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  defaultBackupFile,
  fileTimestamp,
  formatBytes,
  parseBackupCreateArgs,
  parseBackupRestoreArgs,
  replacedDatabaseFile,
  uploadsCopyOf,
  uploadsDirOf,
  pepperFileOf,
  refusalOnPostgres,
} from "./backup-args";

const now = new Date("2026-03-14T09:30:05.123Z");
const noEnv = {};

describe("backup file names", () => {
  it("stamps a moment in UTC, without characters some systems refuse in file names", () => {
    expect(fileTimestamp(now)).toBe("2026-03-14T09-30-05Z");
  });

  it("puts a backup in a backups folder beside the database, named after it and the moment", () => {
    expect(defaultBackupFile("./data/wijkvonk.sqlite", now)).toBe(path.join("data", "backups", "wijkvonk-2026-03-14T09-30-05Z.sqlite"));
    expect(defaultBackupFile("/srv/wijkvonk/db", now)).toBe(path.join("/srv/wijkvonk", "backups", "db-2026-03-14T09-30-05Z.sqlite"));
  });

  it("keeps the photos beside the backup, and finds the photos and the pepper beside the database", () => {
    expect(uploadsCopyOf("data/backups/w.sqlite")).toBe("data/backups/w.sqlite.uploads");
    expect(uploadsDirOf("data/wijkvonk.sqlite", undefined)).toBe(path.join("data", "uploads"));
    expect(uploadsDirOf("data/wijkvonk.sqlite", "/srv/wijkvonk-uploads")).toBe(path.resolve("/srv/wijkvonk-uploads"));
    expect(uploadsDirOf("data/wijkvonk.sqlite", " ")).toBe(path.join("data", "uploads"));
    expect(pepperFileOf("data/wijkvonk.sqlite")).toBe(path.join("data", "voting-pepper.secret"));
    expect(replacedDatabaseFile("data/wijkvonk.sqlite", now)).toBe("data/wijkvonk.sqlite.before-restore-2026-03-14T09-30-05Z");
  });

  it("prints sizes as people read them", () => {
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(598_016)).toBe("598 kB");
    expect(formatBytes(1_450_000)).toBe("1.4 MB");
    expect(formatBytes(3e15)).toBe("3000 TB");
  });
});

describe("backup create's command line", () => {
  it("takes the database from --database, else DATABASE_PATH, else the app's default", () => {
    expect(parseBackupCreateArgs([], noEnv, now)).toEqual({
      database: "./data/wijkvonk.sqlite",
      to: path.join("data", "backups", "wijkvonk-2026-03-14T09-30-05Z.sqlite"),
    });
    expect(parseBackupCreateArgs([], { DATABASE_PATH: "/var/lib/w/live.sqlite" }, now)).toMatchObject({ database: "/var/lib/w/live.sqlite" });
    expect(parseBackupCreateArgs(["--database", "x.sqlite", "--to=/mnt/b.sqlite"], { DATABASE_PATH: "y.sqlite" }, now)).toEqual({
      database: "x.sqlite",
      to: "/mnt/b.sqlite",
    });
    expect(parseBackupCreateArgs(["--database=x.sqlite"], noEnv, now)).toMatchObject({ to: path.join("backups", "x-2026-03-14T09-30-05Z.sqlite") });
  });

  it("answers --help and names what is wrong", () => {
    expect(parseBackupCreateArgs(["--to", "b.sqlite", "-h"], noEnv, now)).toEqual({ help: true });
    expect(parseBackupCreateArgs(["--to"], noEnv, now)).toEqual({ error: "--to needs the path of the backup file to write" });
    expect(parseBackupCreateArgs(["--database="], noEnv, now)).toEqual({ error: "--database needs the path of the SQLite file" });
    expect(parseBackupCreateArgs(["--force"], noEnv, now)).toEqual({ error: "unknown option --force" });
    expect(parseBackupCreateArgs(["b.sqlite"], noEnv, now)).toEqual({ error: "unexpected argument b.sqlite (the backup file goes after --to)" });
  });
});

describe("backup restore's command line", () => {
  it("needs the backup, and replaces an existing database only with --force", () => {
    expect(parseBackupRestoreArgs(["b.sqlite"], noEnv)).toEqual({ file: "b.sqlite", database: "./data/wijkvonk.sqlite", force: false });
    expect(parseBackupRestoreArgs(["--force", "b.sqlite", "--database", "n.sqlite"], { DATABASE_PATH: "o.sqlite" })).toEqual({
      file: "b.sqlite",
      database: "n.sqlite",
      force: true,
    });
    expect(parseBackupRestoreArgs(["b.sqlite"], { DATABASE_PATH: "o.sqlite" })).toMatchObject({ database: "o.sqlite" });
  });

  it("answers --help and names what is wrong", () => {
    expect(parseBackupRestoreArgs(["--help"], noEnv)).toEqual({ help: true });
    expect(parseBackupRestoreArgs([], noEnv)).toEqual({ error: "which backup file?" });
    expect(parseBackupRestoreArgs(["a.sqlite", "b.sqlite"], noEnv)).toEqual({ error: "one backup at a time (got a.sqlite and b.sqlite)" });
    expect(parseBackupRestoreArgs(["b.sqlite", "--database"], noEnv)).toEqual({ error: "--database needs the path of the SQLite file to restore into" });
    expect(parseBackupRestoreArgs(["b.sqlite", "--to", "x"], noEnv)).toEqual({ error: "unknown option --to" });
  });
});

describe("backups on PostgreSQL", () => {
  it("are refused with a pointer to pg_dump when DATABASE_URL is set, and allowed without it", () => {
    expect(refusalOnPostgres({ DATABASE_URL: "postgres://app@db/wijkvonk" })).toMatch(/PostgreSQL.*pg_dump/);
    expect(refusalOnPostgres({ DATABASE_URL: "" })).toBeNull();
    expect(refusalOnPostgres({ DATABASE_PATH: "x.sqlite" })).toBeNull();
  });
});
