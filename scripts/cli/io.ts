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
