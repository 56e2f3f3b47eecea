// The areas a contest is open to, made of Dutch postcodes (~/lib/postcode: "7411 AB").
//
// An area is what an organiser pastes: a list of 4-digit areas ("7411"),
// ranges of them ("7411-7418"), single postcodes ("7411 AB") and letter ranges
// inside one 4-digit area ("7411 AA-7411 BZ", also written "7411AA-BZ").

import { splitPostcode, UNUSED_LETTERS } from "~/lib/postcode";

export type AreaEntry =
  | { kind: "number"; number: number }
  | { kind: "number-range"; from: number; to: number }
  | { kind: "postcode"; number: number; letters: string }
  | { kind: "letter-range"; number: number; from: string; to: string };

/** A contest's or a wijk's area. Entries are sorted and without duplicates when made by parseAreaPostcodes. */
export interface Area {
  readonly entries: readonly AreaEntry[];
}

/**
 * What is wrong with an entry. The form turns each into a text in the reader's language that says
 * how to write it instead (area-form.ts, console.postcode* in the catalogue).
 */
export type AreaProblem =
  | "empty" // the whole list holds no entry
  | "digits" // not 4 digits
  | "leadingZero" // starts with a 0
  | "letters" // not 2 letters after the digits
  | "unusedLetters" // SA, SD or SS
  | "numbersBackwards" // 7418-7411
  | "lettersBackwards" // 7411 BZ-AA
  | "twoNumberGroups" // 7411 AA-7412 BZ
  | "badRange"; // a dash, but no range we can read

export interface AreaParseError {
  /** 1-based line in the pasted text. */
  line: number;
  /** The entry as it was typed ("" when the whole text is empty). */
  item: string;
  problem: AreaProblem;
}

export type AreaParseResult = { ok: true; area: Area } | { ok: false; errors: AreaParseError[] };

/** Is the resident's postcode inside the area? An invalid or incomplete postcode ("7411") never is. */
export function isInArea(postcode: string, area: Area): boolean {
  const parsed = splitPostcode(postcode);
  if (!parsed) return false;
  const { number, letters } = parsed;
  return area.entries.some((entry) => {
    switch (entry.kind) {
      case "number":
        return entry.number === number;
      case "number-range":
        return entry.from <= number && number <= entry.to;
      case "postcode":
        return entry.number === number && entry.letters === letters;
      case "letter-range":
        return entry.number === number && entry.from <= letters && letters <= entry.to;
    }
  });
}

/** A contest for several wijken is open to anyone in any of their areas. */
export function isInAnyArea(postcode: string, areas: readonly Area[]): boolean {
  return areas.some((area) => isInArea(postcode, area));
}

/** One area covering all the given areas, in canonical order. */
export function unionAreas(areas: readonly Area[]): Area {
  return canonical(areas.flatMap((area) => area.entries));
}

/** Canonical text: one entry per line (or joined by `separator`), e.g. "7411-7418\n7421 AA-7421 BZ". */
export function formatArea(area: Area, separator = "\n"): string {
  return area.entries.map(formatEntry).join(separator);
}

function formatEntry(entry: AreaEntry): string {
  switch (entry.kind) {
    case "number":
      return String(entry.number);
    case "number-range":
      return `${entry.from}-${entry.to}`;
    case "postcode":
      return `${entry.number} ${entry.letters}`;
    case "letter-range":
      return `${entry.number} ${entry.from}-${entry.number} ${entry.to}`;
  }
}

/**
 * Reads a pasted list of postcodes and ranges. Entries may be separated by
 * new lines, commas, semicolons or spaces; spacing and case do not matter.
 * Returns every problem at once, so the organiser can fix the list in one go.
 */
export function parseAreaPostcodes(text: string): AreaParseResult {
  const entries: AreaEntry[] = [];
  const errors: AreaParseError[] = [];
  text.split(/\r\n|\r|\n/).forEach((lineText, index) => {
    for (const segment of lineText.split(/[,;]/)) {
      for (const item of groupEntries(segment)) {
        const parsed = parseEntry(item);
        if (typeof parsed === "string") errors.push({ line: index + 1, item, problem: parsed });
        else entries.push(parsed);
      }
    }
  });
  if (errors.length > 0) return { ok: false, errors };
  if (entries.length === 0) {
    return { ok: false, errors: [{ line: 1, item: "", problem: "empty" }] };
  }
  return { ok: true, area: canonical(entries) };
}

const DASH = /^[-‐‑–—]$/;

/**
 * Splits a comma-free piece of text into entries as typed. Spaces separate
 * entries, except inside one: "7411 AB" (digits followed by letters) and
 * "7411 AA - 7411 BZ" (around a dash) stay together.
 */
function groupEntries(segment: string): string[] {
  const tokens = [...segment.matchAll(/[-‐‑–—]|[^\s\-‐‑–—]+/g)];
  const items: string[] = [];
  let start = -1;
  let end = -1;
  let previous = "";
  for (const token of tokens) {
    const value = token[0];
    const index = token.index ?? 0;
    const continues = start >= 0 && (DASH.test(value) || DASH.test(previous) || (/^[A-Za-z]/.test(value) && /\d$/.test(previous)));
    if (!continues) {
      if (start >= 0) items.push(segment.slice(start, end));
      start = index;
    }
    end = index + value.length;
    previous = value;
  }
  if (start >= 0) items.push(segment.slice(start, end));
  return items;
}

/** An entry, or what is wrong with it. */
function parseEntry(item: string): AreaEntry | AreaProblem {
  const compact = item
    .replace(/\s+/g, "")
    .replace(/[‐‑–—]/g, "-")
    .toUpperCase();
  let match: RegExpExecArray | null;

  if ((match = /^(\d+)$/.exec(compact))) {
    return checkDigits(match[1]!) ?? { kind: "number", number: Number(match[1]) };
  }
  if ((match = /^(\d+)([A-Z]+)$/.exec(compact))) {
    const problem = checkDigits(match[1]!) ?? checkLetters(match[2]!);
    return problem ?? { kind: "postcode", number: Number(match[1]), letters: match[2]! };
  }
  if ((match = /^(\d+)-(\d+)$/.exec(compact))) {
    const problem = checkDigits(match[1]!) ?? checkDigits(match[2]!);
    if (problem) return problem;
    const from = Number(match[1]);
    const to = Number(match[2]);
    if (from > to) return "numbersBackwards";
    return from === to ? { kind: "number", number: from } : { kind: "number-range", from, to };
  }
  if ((match = /^(\d+)([A-Z]+)-(\d+)?([A-Z]+)$/.exec(compact))) {
    const [, digits, fromLetters, toDigits, toLetters] = match as unknown as [string, string, string, string | undefined, string];
    const problem = checkDigits(digits) ?? (toDigits === undefined ? null : checkDigits(toDigits)) ?? checkLetters(fromLetters) ?? checkLetters(toLetters);
    if (problem) return problem;
    // A letter range stays inside one 4-digit area.
    if (toDigits !== undefined && toDigits !== digits) return "twoNumberGroups";
    if (fromLetters > toLetters) return "lettersBackwards";
    const number = Number(digits);
    return fromLetters === toLetters ? { kind: "postcode", number, letters: fromLetters } : { kind: "letter-range", number, from: fromLetters, to: toLetters };
  }
  return compact.includes("-") ? "badRange" : "digits";
}

function checkDigits(digits: string): AreaProblem | null {
  if (digits.length !== 4) return "digits";
  if (digits.startsWith("0")) return "leadingZero";
  return null;
}

function checkLetters(letters: string): AreaProblem | null {
  if (letters.length !== 2) return "letters";
  if (UNUSED_LETTERS.has(letters)) return "unusedLetters";
  return null;
}

// Sorted by 4-digit number, whole areas before letter ranges, then by letters;
// exact duplicates dropped. Overlapping entries are kept as the organiser wrote them.
function canonical(entries: readonly AreaEntry[]): Area {
  const seen = new Set<string>();
  const unique = entries.filter((entry) => {
    const key = formatEntry(entry);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  unique.sort((a, b) => compareKeys(sortKey(a), sortKey(b)));
  return { entries: unique };
}

function sortKey(entry: AreaEntry): [number, number, number, string, string] {
  switch (entry.kind) {
    case "number":
      return [entry.number, 0, entry.number, "", ""];
    case "number-range":
      return [entry.from, 0, entry.to, "", ""];
    case "postcode":
      return [entry.number, 1, entry.number, entry.letters, entry.letters];
    case "letter-range":
      return [entry.number, 1, entry.number, entry.from, entry.to];
  }
}

function compareKeys(a: readonly (number | string)[], b: readonly (number | string)[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x < y) return -1;
    if (x > y) return 1;
  }
  return 0;
}
