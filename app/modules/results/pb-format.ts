// The Pabulib `.pb` format (https://pabulib.org/format), read and written.
//
// We read it to check our outcome rules against real Dutch elections and we
// write it for the open-data export, so the two directions must round-trip.
// The reader is strict on purpose: a file we would silently misread is worse
// than one we refuse, and every refusal names the line to look at.

import { PbParseError } from "./pb-parse-error";
import { formatPbRecord, splitPbRecords, type PbRecord } from "./pb-records";

export { PbParseError } from "./pb-parse-error";

export const PB_VOTE_TYPES = ["approval", "cumulative", "choose-1", "ordinal", "scoring"] as const;
export type PbVoteType = (typeof PB_VOTE_TYPES)[number];

export interface PbProject {
  id: string;
  /** Whole euros (or whatever META `currency` says). */
  cost: number;
  /** The `votes` column: the official vote count, when the file gives one. */
  votes?: number;
  name?: string;
  /** The official outcome: 1 funded, 2 partially funded (or with extra money), 0 not funded. */
  selected?: number;
  /** Every other column, by header name. */
  extra: Record<string, string>;
}

export interface PbVote {
  voterId: string;
  /** Project ids in the order the voter gave them; for ordinal ballots, best first. */
  vote: string[];
  /** Points per project in `vote`, same order (cumulative and scoring ballots). */
  points?: number[];
  extra: Record<string, string>;
  /**
   * Project ids this ballot named more than once (approval and choose-1 only). `vote` holds each
   * once: an approval is a yes or no, so a second mention adds nothing.
   */
  duplicates?: string[];
}

/** Something the reader accepted but that anyone using the file should know. */
export interface PbWarning {
  readonly line: number;
  readonly message: string;
}

export interface PbFile {
  meta: Record<string, string>;
  projects: PbProject[];
  votes: PbVote[];
  /** Header of PROJECTS as read, so that a written file keeps its column order. */
  projectColumns?: string[];
  /** Header of VOTES as read. */
  voteColumns?: string[];
  /** Only present when there is something to say (e.g. a ballot that names a project twice). */
  warnings?: PbWarning[];
}

const SECTIONS = ["META", "PROJECTS", "VOTES"] as const;
type SectionName = (typeof SECTIONS)[number];

const PROJECT_KNOWN_COLUMNS = new Set(["project_id", "cost", "votes", "name", "selected"]);
const VOTE_KNOWN_COLUMNS = new Set(["voter_id", "vote", "points"]);
// Ballot types whose meaning lives in the points column, so it must be there.
const VOTE_TYPES_WITH_POINTS: ReadonlySet<PbVoteType> = new Set(["cumulative", "scoring"]);

function sectionNameOf(record: PbRecord): SectionName | null {
  if (record.fields.length !== 1) return null;
  const name = (record.fields[0] ?? "").trim().toUpperCase();
  return (SECTIONS as readonly string[]).includes(name) ? (name as SectionName) : null;
}

/** "5000", or "5000.0" as some exporters write it; null for anything else. */
function parseWholeNumber(text: string): number | null {
  const match = /^(\d+)(?:\.0+)?$/.exec(text.trim());
  if (!match) return null;
  const value = Number(match[1]);
  return Number.isSafeInteger(value) ? value : null;
}

function parsePoint(text: string): number | null {
  const trimmed = text.trim();
  return /^-?\d+(?:\.\d+)?$/.test(trimmed) ? Number(trimmed) : null;
}

function splitList(text: string): string[] {
  return text.trim() === "" ? [] : text.split(",").map((item) => item.trim());
}

export function pbVoteType(meta: Readonly<Record<string, string>>): PbVoteType {
  // Files without a vote_type predate the field; they were all approval elections.
  const value = (meta.vote_type ?? "approval").trim();
  return (PB_VOTE_TYPES as readonly string[]).includes(value) ? (value as PbVoteType) : "approval";
}

/** META `budget` as whole euros, or null when the file does not state one. */
export function pbBudget(file: Pick<PbFile, "meta">): number | null {
  const text = file.meta.budget;
  return text === undefined ? null : parseWholeNumber(text);
}

/** Reads a whole .pb file. Throws PbParseError (with a 1-based line) on anything it cannot trust. */
export function parsePb(text: string): PbFile {
  const records = splitPbRecords(text);
  const endLine = records.length === 0 ? 1 : (records[records.length - 1]?.line ?? 0) + 1;
  let at = 0;

  function expectSection(name: SectionName): void {
    const record = records[at];
    if (!record) throw new PbParseError(endLine, `missing section ${name} (the file ends before it)`);
    const found = sectionNameOf(record);
    if (found !== name) {
      const what = found ? `section ${found}` : JSON.stringify(record.fields.join(";"));
      throw new PbParseError(record.line, `expected section ${name}, found ${what}`);
    }
    at += 1;
  }

  function readHeader(section: SectionName): { line: number; columns: string[] } {
    const record = records[at];
    if (!record || sectionNameOf(record)) {
      throw new PbParseError(record?.line ?? endLine, `section ${section} has no header line`);
    }
    at += 1;
    const columns = record.fields.map((field) => field.trim());
    const seen = new Set<string>();
    for (const column of columns) {
      if (column === "") throw new PbParseError(record.line, `${section} header has an empty column name`);
      if (seen.has(column)) throw new PbParseError(record.line, `${section} header names column "${column}" twice`);
      seen.add(column);
    }
    return { line: record.line, columns };
  }

  function* rowsUntilNextSection(): Generator<PbRecord> {
    while (at < records.length) {
      const record = records[at];
      if (!record || sectionNameOf(record)) return;
      at += 1;
      yield record;
    }
  }

  function requireColumnCount(record: PbRecord, section: SectionName, expected: number): void {
    if (record.fields.length !== expected) {
      throw new PbParseError(
        record.line,
        `${section} line has ${record.fields.length} fields but the header has ${expected}` + " (a value containing ';' must be in double quotes)",
      );
    }
  }

  // META
  expectSection("META");
  const metaHeader = readHeader("META");
  if (metaHeader.columns.length !== 2) {
    throw new PbParseError(metaHeader.line, `META header must have 2 columns (key;value), not ${metaHeader.columns.length}`);
  }
  const meta: Record<string, string> = {};
  const metaLines = new Map<string, number>();
  for (const record of rowsUntilNextSection()) {
    requireColumnCount(record, "META", 2);
    const key = (record.fields[0] ?? "").trim();
    if (key === "") throw new PbParseError(record.line, "META line has an empty key");
    const firstLine = metaLines.get(key);
    if (firstLine !== undefined) {
      throw new PbParseError(record.line, `duplicate META key "${key}" (first on line ${firstLine})`);
    }
    metaLines.set(key, record.line);
    meta[key] = record.fields[1] ?? "";
  }
  const voteTypeText = meta.vote_type?.trim();
  if (voteTypeText !== undefined && !(PB_VOTE_TYPES as readonly string[]).includes(voteTypeText)) {
    throw new PbParseError(metaLines.get("vote_type") ?? metaHeader.line, `unknown vote_type "${voteTypeText}" (expected one of ${PB_VOTE_TYPES.join(", ")})`);
  }
  const voteType = pbVoteType(meta);
  if (meta.budget !== undefined && parseWholeNumber(meta.budget) === null) {
    throw new PbParseError(metaLines.get("budget") ?? metaHeader.line, `budget "${meta.budget}" is not a whole number`);
  }

  // PROJECTS
  expectSection("PROJECTS");
  const projectHeader = readHeader("PROJECTS");
  const projectColumns = projectHeader.columns;
  for (const required of ["project_id", "cost"]) {
    if (!projectColumns.includes(required)) {
      throw new PbParseError(projectHeader.line, `PROJECTS header has no "${required}" column`);
    }
  }
  const projects: PbProject[] = [];
  const projectLines = new Map<string, number>();
  for (const record of rowsUntilNextSection()) {
    requireColumnCount(record, "PROJECTS", projectColumns.length);
    const cell = (column: string): string | undefined => {
      const index = projectColumns.indexOf(column);
      return index === -1 ? undefined : (record.fields[index] ?? "");
    };
    const id = (cell("project_id") ?? "").trim();
    if (id === "") throw new PbParseError(record.line, "project has an empty project_id");
    if (id.includes(",")) throw new PbParseError(record.line, `project id "${id}" contains a comma, which votes use as separator`);
    const firstLine = projectLines.get(id);
    if (firstLine !== undefined) {
      throw new PbParseError(record.line, `duplicate project id "${id}" (first on line ${firstLine})`);
    }
    projectLines.set(id, record.line);

    const costText = cell("cost") ?? "";
    const cost = parseWholeNumber(costText);
    if (cost === null) {
      throw new PbParseError(record.line, `cost "${costText}" of project ${id} is not a whole, non-negative number`);
    }
    const project: PbProject = { id, cost, extra: {} };
    for (const column of ["votes", "selected"] as const) {
      const text = cell(column);
      if (text === undefined || text.trim() === "") continue;
      const value = parseWholeNumber(text);
      if (value === null) {
        throw new PbParseError(record.line, `${column} "${text}" of project ${id} is not a whole, non-negative number`);
      }
      project[column] = value;
    }
    const name = cell("name");
    if (name !== undefined) project.name = name;
    projectColumns.forEach((column, index) => {
      if (!PROJECT_KNOWN_COLUMNS.has(column)) project.extra[column] = record.fields[index] ?? "";
    });
    projects.push(project);
  }

  // VOTES
  expectSection("VOTES");
  const voteHeader = readHeader("VOTES");
  const voteColumns = voteHeader.columns;
  for (const required of ["voter_id", "vote"]) {
    if (!voteColumns.includes(required)) {
      throw new PbParseError(voteHeader.line, `VOTES header has no "${required}" column`);
    }
  }
  if (VOTE_TYPES_WITH_POINTS.has(voteType) && !voteColumns.includes("points")) {
    throw new PbParseError(voteHeader.line, `vote_type ${voteType} needs a "points" column in VOTES`);
  }
  const voterIdIndex = voteColumns.indexOf("voter_id");
  const voteIndex = voteColumns.indexOf("vote");
  const pointsIndex = voteColumns.indexOf("points");
  const votes: PbVote[] = [];
  const warnings: PbWarning[] = [];
  const voterLines = new Map<string, number>();
  for (const record of rowsUntilNextSection()) {
    requireColumnCount(record, "VOTES", voteColumns.length);
    const voterId = (record.fields[voterIdIndex] ?? "").trim();
    if (voterId === "") throw new PbParseError(record.line, "vote has an empty voter_id");
    const firstLine = voterLines.get(voterId);
    if (firstLine !== undefined) {
      throw new PbParseError(record.line, `duplicate voter id "${voterId}" (first on line ${firstLine})`);
    }
    voterLines.set(voterId, record.line);

    const listed = splitList(record.fields[voteIndex] ?? "");
    const inThisVote = new Set<string>();
    const vote: string[] = [];
    const duplicates: string[] = [];
    for (const projectId of listed) {
      if (!projectLines.has(projectId)) {
        throw new PbParseError(record.line, `vote of voter ${voterId} names unknown project "${projectId}"`);
      }
      if (inThisVote.has(projectId)) {
        // With points the second mention could mean more points or a typo; we cannot tell, so refuse.
        if (pointsIndex !== -1 || voteType === "ordinal") {
          throw new PbParseError(record.line, `vote of voter ${voterId} names project ${projectId} twice`);
        }
        if (!duplicates.includes(projectId)) duplicates.push(projectId);
        continue;
      }
      inThisVote.add(projectId);
      vote.push(projectId);
    }
    if (duplicates.length > 0) {
      warnings.push({
        line: record.line,
        message: `vote of voter ${voterId} names project${duplicates.length > 1 ? "s" : ""} ${duplicates.join(", ")} more than once; counted once`,
      });
    }
    if (voteType === "choose-1" && vote.length > 1) {
      throw new PbParseError(record.line, `vote of voter ${voterId} names ${vote.length} projects, but vote_type is choose-1`);
    }
    const entry: PbVote = { voterId, vote, extra: {} };
    if (duplicates.length > 0) entry.duplicates = duplicates;
    if (pointsIndex !== -1) {
      const pointsText = record.fields[pointsIndex] ?? "";
      const points = splitList(pointsText).map((text) => {
        const value = parsePoint(text);
        if (value === null) throw new PbParseError(record.line, `points "${pointsText}" of voter ${voterId} are not numbers`);
        return value;
      });
      if (points.length !== vote.length) {
        throw new PbParseError(record.line, `voter ${voterId} gives ${points.length} points for ${vote.length} projects; they must pair up`);
      }
      entry.points = points;
    }
    voteColumns.forEach((column, index) => {
      if (!VOTE_KNOWN_COLUMNS.has(column)) entry.extra[column] = record.fields[index] ?? "";
    });
    votes.push(entry);
  }

  const trailing = records[at];
  if (trailing) {
    throw new PbParseError(trailing.line, `unexpected section ${sectionNameOf(trailing) ?? "?"} after VOTES`);
  }
  const file: PbFile = { meta, projects, votes, projectColumns, voteColumns };
  if (warnings.length > 0) file.warnings = warnings;
  return file;
}

/** How many ballots named a project more than once (each counted once). */
export function pbDuplicateBallots(file: Pick<PbFile, "votes">): number {
  return file.votes.filter((v) => (v.duplicates?.length ?? 0) > 0).length;
}

export interface WritePbOptions {
  /** "\n" by default; "\r\n" for files meant for Windows spreadsheets. */
  lineEnding?: "\n" | "\r\n";
}

/** Column order: the one the file was read with, else the Pabulib habit, then anything else we hold. */
function columnsFor<T>(
  given: readonly string[] | undefined,
  rows: readonly T[],
  leading: readonly string[],
  optional: readonly { column: string; present: (row: T) => boolean }[],
  trailing: readonly { column: string; present: (row: T) => boolean }[],
  extraOf: (row: T) => Record<string, string>,
): string[] {
  const columns: string[] = given ? [...given] : [...leading];
  const add = (column: string) => {
    if (!columns.includes(column)) columns.push(column);
  };
  for (const column of leading) add(column);
  for (const { column, present } of optional) if (rows.some(present)) add(column);
  for (const row of rows) for (const column of Object.keys(extraOf(row))) add(column);
  for (const { column, present } of trailing) if (rows.some(present)) add(column);
  return columns;
}

/** Writes a .pb file that parsePb reads back to the same object. */
export function writePb(file: PbFile, options: WritePbOptions = {}): string {
  const eol = options.lineEnding ?? "\n";
  for (const project of file.projects) {
    if (/[,\r\n]/.test(project.id) || project.id.trim() !== project.id || project.id === "") {
      throw new Error(`project id ${JSON.stringify(project.id)} cannot be written: ids must be non-empty, without commas or line breaks`);
    }
    if (!Number.isSafeInteger(project.cost) || project.cost < 0) {
      throw new Error(`project ${project.id} has cost ${project.cost}; .pb costs are whole, non-negative numbers`);
    }
  }
  const lines: string[] = ["META", formatPbRecord(["key", "value"])];
  for (const [key, value] of Object.entries(file.meta)) lines.push(formatPbRecord([key, value]));

  const projectColumns = columnsFor(
    file.projectColumns,
    file.projects,
    ["project_id", "cost"],
    [
      { column: "votes", present: (p) => p.votes !== undefined },
      { column: "name", present: (p) => p.name !== undefined },
    ],
    [{ column: "selected", present: (p) => p.selected !== undefined }],
    (p) => p.extra,
  );
  lines.push("PROJECTS", formatPbRecord(projectColumns));
  for (const project of file.projects) {
    lines.push(
      formatPbRecord(
        projectColumns.map((column) => {
          switch (column) {
            case "project_id":
              return project.id;
            case "cost":
              return String(project.cost);
            case "votes":
              return project.votes === undefined ? "" : String(project.votes);
            case "name":
              return project.name ?? "";
            case "selected":
              return project.selected === undefined ? "" : String(project.selected);
            default:
              return project.extra[column] ?? "";
          }
        }),
      ),
    );
  }

  const voteColumns = columnsFor(
    file.voteColumns,
    file.votes,
    ["voter_id", "vote"],
    [{ column: "points", present: (v) => v.points !== undefined }],
    [],
    (v) => v.extra,
  );
  lines.push("VOTES", formatPbRecord(voteColumns));
  for (const ballot of file.votes) {
    lines.push(
      formatPbRecord(
        voteColumns.map((column) => {
          switch (column) {
            case "voter_id":
              return ballot.voterId;
            case "vote":
              return ballot.vote.join(",");
            case "points":
              return ballot.points ? ballot.points.map(String).join(",") : "";
            default:
              return ballot.extra[column] ?? "";
          }
        }),
      ),
    );
  }
  return lines.join(eol) + eol;
}
