// A .pb file that we refuse, with the line a person should open to fix it.
// Kept in its own file so that the record splitter and the section parser can
// both throw it without importing each other.

export class PbParseError extends Error {
  override readonly name = "PbParseError";

  constructor(
    /** 1-based line number in the file. */
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}
