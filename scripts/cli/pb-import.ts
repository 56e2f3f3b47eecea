// `wijkvonk pb import FILE.pb --organisation SLUG [--json]`: imports a Pabulib file as an archived
// round of an organisation (issue 7), the same use case as the organiser's import page. Uses the
// app's database (DATABASE_URL, else the SQLite file at DATABASE_PATH, default ./data/wijkvonk.sqlite),
// migrating it first if needed.
//
// Exit codes as pb tally: 0 done, 1 the file cannot be archived or read (or no such organisation),
// 2 the file is malformed (FILE:LINE: message on stderr), 64 bad usage.

import { basename } from "node:path";
import { EXIT_CANNOT_USE_FILE, processIo, startFileCommand, type CliIo } from "./io";

export const PB_IMPORT_USAGE = "wijkvonk pb import FILE.pb --organisation SLUG [--json]";

const EXIT_CANNOT_IMPORT = EXIT_CANNOT_USE_FILE;
const EXIT_MALFORMED = 2;

type Args = { file: string; organisation: string; json: boolean } | { help: true } | { error: string };

function parseArgs(argv: readonly string[]): Args {
  let file: string | null = null;
  let organisation: string | null = null;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--help" || arg === "-h") return { help: true };
    if (arg === "--json") json = true;
    else if (arg === "--organisation" || arg.startsWith("--organisation=")) {
      const value = arg === "--organisation" ? argv[++i] : arg.slice("--organisation=".length);
      if (!value) return { error: "--organisation needs the organisation's slug, e.g. gemeente-assen" };
      organisation = value;
    } else if (arg.startsWith("-") && arg !== "-") return { error: `unknown option ${arg}` };
    else if (file === null) file = arg;
    else return { error: `one file at a time (got ${file} and ${arg})` };
  }
  if (file === null) return { error: "which .pb file?" };
  if (organisation === null) return { error: "--organisation SLUG is required" };
  return { file, organisation, json };
}

export async function runPbImport(argv: string[], io: CliIo = processIo): Promise<number> {
  const started = await startFileCommand("pb import", PB_IMPORT_USAGE, parseArgs(argv), io);
  if ("exitCode" in started) return started.exitCode;
  const { text, args } = started;
  // Loaded only here, so that `pb tally` never opens a database.
  const { closeDb, openDatabaseFromEnvironment } = await import("../../db/client.server");
  await openDatabaseFromEnvironment();
  try {
    return await importInto(args, text, io);
  } finally {
    await closeDb();
  }
}

async function importInto(args: { file: string; organisation: string; json: boolean }, text: string, io: CliIo): Promise<number> {
  const { importArchivedContest, organisationBySlug } = await import("../../app/modules/results/archive.server");
  const organisation = await organisationBySlug(args.organisation);
  if (!organisation) {
    io.err(`wijkvonk pb import: no organisation with slug "${args.organisation}"\n`);
    return EXIT_CANNOT_IMPORT;
  }
  const result = await importArchivedContest({ text, fileName: basename(args.file), organisationId: organisation.id, actorUserId: null, now: Date.now() });
  if (!result.ok) {
    if (result.kind === "parse") {
      io.err(`${args.file}:${result.line}: ${result.message}\n`);
      return EXIT_MALFORMED;
    }
    io.err(`${args.file}: ${result.message}\n`);
    return EXIT_CANNOT_IMPORT;
  }
  const path = `/rondes/${result.slug}/uitslag`;
  if (args.json) io.out(`${JSON.stringify({ slug: result.slug, title: result.title, ideas: result.ideas, results: path })}\n`);
  else io.out(`Imported "${result.title}" (${result.ideas} ideas) for ${organisation.name}: ${path}\n`);
  return 0;
}
