// The lowest layer of the .pb format: `;`-separated records with CSV-style
// quoting. Pabulib files are written by Python's csv module, so a field may be
// wrapped in double quotes, contain `;`, doubled quotes ("") and even line
// breaks. Every record remembers the line it starts on, so that later checks
// can point at the right place.

import { PbParseError } from "./pb-parse-error";

export interface PbRecord {
  /** 1-based line on which the record starts. */
  readonly line: number;
  readonly fields: string[];
}

const SEPARATOR = ";";
const QUOTE = '"';

/** Splits a whole file into records; blank lines are skipped. */
export function splitPbRecords(text: string): PbRecord[] {
  const records: PbRecord[] = [];
  const end = text.length;
  // A UTF-8 byte order mark is invisible in editors; it must not end up in the first section name.
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;

  while (at < end) {
    const recordLine = line;
    const fields: string[] = [];
    for (;;) {
      if (text[at] === QUOTE) {
        const quoteLine = line;
        let value = "";
        let chunkStart = at + 1;
        at += 1;
        for (;;) {
          if (at >= end) {
            throw new PbParseError(quoteLine, "quoted field is never closed (missing closing double quote)");
          }
          const ch = text[at];
          if (ch === QUOTE) {
            value += text.slice(chunkStart, at);
            if (text[at + 1] === QUOTE) {
              value += QUOTE;
              at += 2;
              chunkStart = at;
              continue;
            }
            at += 1;
            break;
          }
          if (ch === "\n" || (ch === "\r" && text[at + 1] !== "\n")) line += 1;
          at += 1;
        }
        const next = text[at];
        if (at < end && next !== SEPARATOR && next !== "\n" && next !== "\r") {
          throw new PbParseError(line, `unexpected text after a closing double quote: ${JSON.stringify(next)}`);
        }
        fields.push(value);
      } else {
        let stop = at;
        while (stop < end) {
          const ch = text[stop];
          if (ch === SEPARATOR || ch === "\n" || ch === "\r") break;
          stop += 1;
        }
        fields.push(text.slice(at, stop));
        at = stop;
      }
      if (text[at] === SEPARATOR) {
        at += 1;
        continue;
      }
      break;
    }
    if (text[at] === "\r") at += 1;
    if (text[at] === "\n") at += 1;
    line += 1;
    const isBlank = fields.length === 1 && (fields[0] ?? "").trim() === "";
    if (!isBlank) records.push({ line: recordLine, fields });
  }
  return records;
}

/** Quotes a field only when it has to, so exported files stay easy to read. */
export function formatPbField(value: string): string {
  if (!/[;"\r\n]/.test(value)) return value;
  return QUOTE + value.replaceAll(QUOTE, QUOTE + QUOTE) + QUOTE;
}

export function formatPbRecord(fields: readonly string[]): string {
  return fields.map(formatPbField).join(SEPARATOR);
}
