// What a command needs from the outside world, passed in so that tests can
// run commands as plain functions and read what they printed.

import { readFile } from "node:fs/promises";

export interface CliIo {
  /** Writes to standard output; the text carries its own line breaks. */
  out(text: string): void;
  /** Writes to standard error. */
  err(text: string): void;
  readFile(path: string): Promise<string>;
}

export const processIo: CliIo = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  readFile: (path) => readFile(path, "utf8"),
};

/** sysexits.h EX_USAGE: the command line itself was wrong. */
export const EXIT_USAGE = 64;

/** Exit code for a file that cannot be read (or used): the same for every command. */
export const EXIT_CANNOT_USE_FILE = 1;

/** Prints the usage for --help (exit 0), or what is wrong with the command line and the usage (exit 64). */
export function answerHelpOrUsageError(command: string, usage: string, args: { help: true } | { error: string }, io: CliIo): number {
  if ("help" in args) {
    io.out(`Usage: ${usage}\n`);
    return 0;
  }
  io.err(`wijkvonk ${command}: ${args.error}\nUsage: ${usage}\n`);
  return EXIT_USAGE;
}

/**
 * The common start of a command that reads one file: answers --help, reports a wrong command line,
 * and reads the file. Returns the file's text, or the exit code to stop with.
 */
export async function startFileCommand<Args extends { file: string }>(
  command: string,
  usage: string,
  args: { help: true } | { error: string } | Args,
  io: CliIo,
): Promise<{ text: string; args: Args } | { exitCode: number }> {
  if ("help" in args || "error" in args) return { exitCode: answerHelpOrUsageError(command, usage, args, io) };
  try {
    return { text: await io.readFile(args.file), args };
  } catch (error) {
    io.err(`${args.file}: cannot read the file (${error instanceof Error ? error.message : String(error)})\n`);
    return { exitCode: EXIT_CANNOT_USE_FILE };
  }
}
