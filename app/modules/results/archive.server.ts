import { one, many, run } from "~db/query.server";
import { transact } from "~db/transact.server";
import { asc, desc, eq } from "drizzle-orm";
import { getDb } from "~db/client.server";
import { archivedContests, archivedIdeas, contestPhases, contests, ideaBuurten, ideaCategories, organisations } from "~db/schema";
import { writeAudit } from "~/lib/audit.server";
import { amsterdamLocalToInstant } from "~/lib/dates";
import { PHASES } from "~/modules/contests/phases";
import { uniqueContestSlug } from "~/modules/contests/console.server";
import { pbToArchivedContest, PbImportError, PbPartsImportError, type ArchivedProject, type PbPartsProblem } from "./open-data";
import type { ArchivedPartsSpec } from "./archived-parts";
import { parsePb, PbParseError } from "./pb-format";

// Past rounds imported from Pabulib .pb files (issue 7): stored as archived contests with their
// official outcome, read back for the public results page. Split out of results.server.ts (issue 17).

export interface ArchivedResults {
  readonly source: Record<string, string>;
  readonly fileName: string | null;
  readonly voteType: string;
  readonly voters: number;
  readonly officialOutcome: boolean;
  /** Ballots in the file that named a project more than once (0 for files imported before we counted them). */
  readonly duplicateBallots: number;
  readonly importedAt: number;
  /** Most votes first. */
  readonly ideas: readonly ArchivedProject[];
  /** A budget in parts (ADR 026), on the round's own list of buurten or categories; null for one budget. */
  readonly parts: ArchivedPartsSpec | null;
}

const partTables = { buurt: ideaBuurten, category: ideaCategories } as const;

export async function archivedResultsOf(contestId: number): Promise<ArchivedResults | null> {
  const db = getDb();
  const row = await one(db.select().from(archivedContests).where(eq(archivedContests.contestId, contestId)));
  if (!row) return null;
  const contest = (await one(db.select({ split: contests.budgetSplit, leftover: contests.leftoverPolicy }).from(contests).where(eq(contests.id, contestId))))!;
  const kind = contest.split === "none" ? null : contest.split;
  const partList = kind
    ? await many(
        db
          .select({ id: partTables[kind].id, name: partTables[kind].name, budget: partTables[kind].budgetEuros })
          .from(partTables[kind])
          .where(eq(partTables[kind].contestId, contestId))
          .orderBy(asc(partTables[kind].position)),
      )
    : [];
  const partName = new Map(partList.map((p) => [p.id, p.name]));
  const ideas = (
    await many(db.select().from(archivedIdeas).where(eq(archivedIdeas.contestId, contestId)).orderBy(desc(archivedIdeas.votes), asc(archivedIdeas.position)))
  ).map((i) => ({
    sourceId: i.sourceId,
    position: i.position,
    title: i.title,
    cost: i.costEuros,
    votes: i.votes,
    selected: i.selected,
    part: kind ? (partName.get((kind === "buurt" ? i.buurtId : i.categoryId) ?? -1) ?? null) : null,
  }));
  const source = JSON.parse(row.source) as Record<string, string>;
  const { [DUPLICATES_KEY]: duplicates, ...meta } = source;
  return {
    source: meta,
    duplicateBallots: Number(duplicates ?? 0) || 0,
    fileName: row.fileName,
    voteType: row.voteType,
    voters: row.voters,
    officialOutcome: row.officialOutcome,
    importedAt: row.importedAt,
    ideas,
    parts: kind ? { kind, leftover: contest.leftover, parts: partList.map((p) => ({ name: p.name, budget: p.budget ?? 0 })) } : null,
  };
}

export type ImportResult =
  | { ok: true; slug: string; title: string; ideas: number }
  | { ok: false; kind: "parse"; line: number; message: string }
  | { ok: false; kind: "archive"; message: string }
  /** The file divides its budget into parts that cannot be archived faithfully (ADR 026): the problem says why. */
  | { ok: false; kind: "parts"; column: "category" | "neighborhood"; parts: { name: string; budget: number }[]; problem: PbPartsProblem; message: string }
  | { ok: false; kind: "organisation"; message: string };

const DAY = 24 * 60 * 60 * 1000;
const DUPLICATES_KEY = "wijkvonk_duplicate_ballots";

/** For the command line, which names an organisation by its slug. */
export async function organisationBySlug(slug: string): Promise<{ id: number; name: string } | null> {
  return (await one(getDb().select({ id: organisations.id, name: organisations.name }).from(organisations).where(eq(organisations.slug, slug)))) ?? null;
}

/** Pabulib dates: "31.03.2024", or a bare year "2020". The start or the end of that day or year, in Amsterdam. */
export function pbDateToInstant(text: string | null, end: boolean): number | null {
  if (!text) return null;
  const day = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text.trim());
  if (day) {
    const local = `${day[3]}-${day[2]!.padStart(2, "0")}-${day[1]!.padStart(2, "0")}T00:00`;
    const start = amsterdamLocalToInstant(local);
    return start === null ? null : end ? start + DAY : start;
  }
  const year = /^(\d{4})$/.exec(text.trim());
  if (year) return amsterdamLocalToInstant(end ? `${Number(year[1]) + 1}-01-01T00:00` : `${year[1]}-01-01T00:00`);
  return null;
}

/**
 * The seven phases of an archived round: the vote on the file's dates, the phases before and after it
 * a day each, all in the past, so the round is "afgesloten" (read-only) from the start. A file
 * without usable dates, or with dates too recent, gets a vote that ended a week before the import.
 */
function archiveSchedule(dateBegin: string | null, dateEnd: string | null, now: number): { phase: (typeof PHASES)[number]; start: number; end: number }[] {
  let voteStart = pbDateToInstant(dateBegin, false);
  let voteEnd = pbDateToInstant(dateEnd, true);
  if (voteStart === null || voteEnd === null || voteEnd <= voteStart || voteEnd > now - 3 * DAY) {
    voteEnd = now - 7 * DAY;
    voteStart = voteEnd - 14 * DAY;
  }
  const stemmen = PHASES.indexOf("stemmen");
  return PHASES.map((phase, i) => {
    if (i < stemmen) return { phase, start: voteStart - (stemmen - i) * DAY, end: voteStart - (stemmen - i - 1) * DAY };
    if (i === stemmen) return { phase, start: voteStart, end: voteEnd };
    return { phase, start: voteEnd + (i - stemmen - 1) * DAY, end: voteEnd + (i - stemmen) * DAY };
  });
}

/**
 * Imports a .pb file as an archived round of an organisation: a published contest in its archive
 * phase, with the projects, their votes and the official outcome. One transaction, one audit line.
 * The round is made whole here rather than through the console's concept → publish steps, which are
 * for live rounds (an archived one has no area to vote in and nothing left to plan).
 */
export async function importArchivedContest(input: {
  text: string;
  fileName: string | null;
  organisationId: number;
  actorUserId: string | null;
  now: number;
}): Promise<ImportResult> {
  let archived;
  let meta: Record<string, string>;
  try {
    const file = parsePb(input.text);
    meta = file.meta;
    archived = pbToArchivedContest(file);
  } catch (error) {
    if (error instanceof PbParseError) return { ok: false, kind: "parse", line: error.line, message: error.message };
    if (error instanceof PbPartsImportError) {
      return {
        ok: false,
        kind: "parts",
        column: error.column,
        parts: error.parts.map((p) => ({ name: p.key, budget: p.budget })),
        problem: error.problem,
        message: error.message,
      };
    }
    if (error instanceof PbImportError) return { ok: false, kind: "archive", message: error.message };
    throw error;
  }
  const db = getDb();
  const organisation = await one(db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, input.organisationId)));
  if (!organisation) return { ok: false, kind: "organisation", message: `organisation ${input.organisationId} does not exist` };
  const at = new Date(input.now);
  const data = archived;
  return transact(db, async (tx): Promise<ImportResult> => {
    const slug = await uniqueContestSlug(data.title);
    const source = [data.source.unit, data.source.subunit, data.source.instance].filter(Boolean).join(", ");
    const created = await one(
      tx
        .insert(contests)
        .values({
          organisationId: organisation.id,
          slug,
          title: data.title,
          intro: `Een ronde van voor Wijkvonk, overgenomen uit open data (Pabulib${source ? `: ${source}` : ""}). De uitslag is de officiële uitslag van toen.`,
          status: "gepubliceerd",
          budgetEuros: data.budget,
          outcomeRule: data.rule,
          // A budget in parts is kept as a live round keeps it (ADR 026): which list divides it, and the policy.
          ...(data.parts ? { budgetSplit: data.parts.kind, leftoverPolicy: data.parts.leftover } : {}),
          createdAt: at,
          updatedAt: at,
        })
        .returning({ id: contests.id }),
    );
    await run(
      tx.insert(contestPhases).values(
        archiveSchedule(data.source.dateBegin, data.source.dateEnd, input.now).map((p) => ({
          contestId: created.id,
          phase: p.phase,
          startsAt: p.start,
          endsAt: p.end,
        })),
      ),
    );
    await run(
      tx.insert(archivedContests).values({
        contestId: created.id,
        // Kept with the file's META (under a key Pabulib does not use), so no schema change is needed.
        source: JSON.stringify(data.duplicateBallots > 0 ? { ...meta, [DUPLICATES_KEY]: String(data.duplicateBallots) } : meta),
        fileName: input.fileName,
        voteType: data.voteType,
        voters: data.voters,
        officialOutcome: data.officialOutcome,
        importedAt: input.now,
        importedBy: input.actorUserId,
      }),
    );
    // The parts as the round's list of buurten or categories, each with its amount.
    const partIds = new Map<string, number>();
    if (data.parts) {
      const table = partTables[data.parts.kind];
      const rows = await many(
        tx
          .insert(table)
          .values(data.parts.parts.map((p, position) => ({ contestId: created.id, name: p.name, position, budgetEuros: p.budget })))
          .returning({ id: table.id, name: table.name }),
      );
      for (const r of rows) partIds.set(r.name, r.id);
    }
    const partColumn = data.parts?.kind === "buurt" ? "buurtId" : "categoryId";
    await run(
      tx.insert(archivedIdeas).values(
        data.ideas.map((idea, position) => ({
          ...(idea.part !== null ? { [partColumn]: partIds.get(idea.part) } : {}),
          contestId: created.id,
          sourceId: idea.sourceId,
          position,
          title: idea.title,
          costEuros: idea.cost,
          votes: idea.votes,
          selected: idea.selected,
        })),
      ),
    );
    await writeAudit(tx, {
      userId: input.actorUserId,
      contestId: created.id,
      action: "results.archive-imported",
      after: {
        title: data.title,
        fileName: input.fileName,
        projects: data.ideas.length,
        voters: data.voters,
        rule: data.rule,
        ...(data.parts ? { parts: Object.fromEntries(data.parts.parts.map((p) => [p.name, p.budget])), leftover: data.parts.leftover } : {}),
      },
      at: input.now,
    });
    return { ok: true, slug, title: data.title, ideas: data.ideas.length };
  });
}
