import { listPublicIdeas } from "~/modules/ideas/ideas.server";
import { seededOrder } from "~/modules/ideas/order";
import { ideaPath, photoUrl } from "~/modules/ideas/paths";
import { BALLOT_BACK_PARAM } from "./paths";
import type { MessageKey } from "~/lib/i18n";
import { isMessageKey } from "~/lib/i18n";
import type { BallotProblem } from "./ballot";
import { ballotProblemMessage } from "./ballot";
import { ballotIdeaIds } from "./votes.server";
import { outcomePartsOf } from "~/modules/contests/budget-parts.server";
import type { Contest } from "~db/schema";

// What the ballot pages show: the posters, and the server's refusals as messages.

export type BallotCard = {
  id: number;
  title: string;
  summary: string;
  costEuros: number | null;
  href: string;
  photo: { url: string; altText: string } | null;
};

/**
 * The ideas on the ballot as poster cards, in the visitor's own order (the idea list's seeded
 * shuffle): no idea is first on everyone's ballot.
 */
export async function ballotCards(input: { contestId: number; slug: string; seed: string; way: "account" | "code" }): Promise<BallotCard[]> {
  const onBallot = new Set(await ballotIdeaIds(input.contestId));
  const cards = (await listPublicIdeas(input.contestId))
    .filter((i) => onBallot.has(i.id))
    .map((i) => ({
      id: i.id,
      title: i.title,
      summary: i.summary,
      costEuros: i.costEuros,
      // The idea's page offers the way back to this ballot (issue 18).
      href: `${ideaPath(input.slug, i.id)}?${BALLOT_BACK_PARAM}=${input.way === "code" ? "stemcode" : "stembiljet"}`,
      photo: i.photo ? { url: photoUrl(i.photo.storageKey, "small"), altText: i.photo.altText } : null,
    }));
  return seededOrder(cards, input.seed);
}

export type VoteMessage = { key: MessageKey; params?: Record<string, string | number> };

/** Zod issues of the ballot form (their messages are i18n keys, numbers in `params`) as messages. */
export function issueMessages(issues: readonly { message: string; params?: Record<string, unknown> }[]): VoteMessage[] {
  const seen = new Set<string>();
  const messages: VoteMessage[] = [];
  for (const issue of issues) {
    const key = isMessageKey(issue.message) ? issue.message : "voting.unknownIdea";
    const params = Object.fromEntries(
      Object.entries(issue.params ?? {}).filter((e): e is [string, string | number] => typeof e[1] === "string" || typeof e[1] === "number"),
    );
    const id = `${key}:${JSON.stringify(params)}`;
    if (seen.has(id)) continue;
    seen.add(id);
    messages.push({ key, params });
  }
  return messages;
}

export function problemMessages(problems: readonly BallotProblem[]): VoteMessage[] {
  return problems.map((p): VoteMessage =>
    p.code === "too-many-stickers"
      ? { key: "voting.tooManyStickers", params: { placed: p.placed, allowed: p.allowed } }
      : { key: ballotProblemMessage(p) as MessageKey },
  );
}

/**
 * The stickers and ticks as posted, read leniently, to show the form again as the voter left it
 * after a refusal. Only for display: what is stored is what ballotFormSchema accepted.
 */
export function postedBallot(entries: Iterable<readonly [string, unknown]>): { stickers: { ideaId: number }[]; ikDoeMee: number[] } {
  const stickers: { ideaId: number }[] = [];
  const ikDoeMee: number[] = [];
  const id = (value: unknown) => (typeof value === "string" && /^[1-9]\d{0,14}$/.test(value.trim()) ? Number(value.trim()) : null);
  for (const [name, value] of entries) {
    if (name === "sticker") {
      const ideaId = id(value);
      if (ideaId !== null) stickers.push({ ideaId });
    } else if (name === "ikDoeMee") {
      const ideaId = id(value);
      if (ideaId !== null) ikDoeMee.push(ideaId);
    } else if (name.startsWith("count.")) {
      const ideaId = id(name.slice("count.".length));
      const n = typeof value === "string" && /^\d{1,2}$/.test(value.trim()) ? Number(value.trim()) : 0;
      if (ideaId !== null) for (let i = 0; i < n; i++) stickers.push({ ideaId });
    }
  }
  return { stickers, ikDoeMee };
}

/** One part of the budget on the ballot: its name, its money and its ideas in the visitor's order. */
export type BallotPart = { name: string; budget: number; ideaIds: number[] };

/**
 * With a budget in parts (ADR 026) the ballot shows the ideas per part, in the parts' order; null for a
 * round without parts. The stickers stay per round: a resident may put them on ideas in any part.
 */
export async function ballotParts(contest: Pick<Contest, "id" | "budgetSplit" | "leftoverPolicy">, cards: readonly BallotCard[]): Promise<BallotPart[] | null> {
  const parts = await outcomePartsOf(
    contest,
    cards.map((c) => c.id),
  );
  if (!parts) return null;
  const groups: BallotPart[] = parts.parts.map((p) => ({ name: p.name, budget: p.budget, ideaIds: [] }));
  const byName = new Map(groups.map((g) => [g.name, g]));
  const loose: number[] = [];
  for (const card of cards) {
    const group = byName.get(parts.partOf.get(card.id) ?? "");
    if (group) group.ideaIds.push(card.id);
    else loose.push(card.id);
  }
  // An idea without a part (the organiser has still to choose one) stays on the ballot, after the parts.
  return [...groups.filter((g) => g.ideaIds.length > 0), ...(loose.length > 0 ? [{ name: "", budget: 0, ideaIds: loose }] : [])];
}
