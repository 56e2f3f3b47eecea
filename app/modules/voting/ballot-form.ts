// The vote form as it posts, with and without JavaScript. Three field kinds,
// all of which may appear in one post; the stickers add up:
//
//   sticker=<ideaId>      one sticker; repeat the field to stack. Posted by a
//                         checkbox per poster (no stacking, no JavaScript) and
//                         by the JavaScript sticker UI as hidden inputs.
//   count.<ideaId>=<n>    n stickers on one idea: a number input per poster,
//                         for stacking without JavaScript. Empty means 0.
//   ikDoeMee=<ideaId>     the "ik doe mee" checkbox beside a sticker.
//
// `count.<ideaId>` is named so that conform's parseWithZod reads it as
// { count: { "<ideaId>": "<n>" } }, the same shape parseBallotForm builds, so
// one schema serves conform in the browser and a plain FormData on the server.
// Messages are i18n keys; `params` carries the numbers a message may show.

import { z } from "zod";
import { ballotProblemMessage, checkBallot, type Ballot, type BallotProblem, type BallotRules } from "./ballot";
import { normalizeAddress } from "./voter-identity";

// A number input holds at most 99 stickers; anything larger is a crafted post, refused before it costs memory.
const COUNT = /^\d{1,2}$/;

const repeated = z.preprocess((value) => (value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]), z.array(z.unknown()));

const rawBallotForm = z.object({
  sticker: repeated,
  count: z.record(z.string(), z.unknown()).optional(),
  ikDoeMee: repeated,
});

export type BallotFormInput = z.input<typeof rawBallotForm>;

export function ballotFormSchema(rules: BallotRules, ideaIds: readonly number[]) {
  return rawBallotForm.transform((form, ctx): Ballot => {
    const stickers: { ideaId: number }[] = [];
    const ikDoeMee: number[] = [];
    let readable = true;

    for (const value of form.sticker) {
      const ideaId = parseIdeaId(value);
      if (ideaId === null) {
        ctx.addIssue({ code: "custom", path: ["sticker"], message: "voting.unknownIdea" });
        readable = false;
      } else stickers.push({ ideaId });
    }
    for (const [key, value] of Object.entries(form.count ?? {})) {
      const ideaId = parseIdeaId(key);
      const count = parseCount(value);
      if (ideaId === null) {
        ctx.addIssue({ code: "custom", path: ["count", key], message: "voting.unknownIdea" });
        readable = false;
      } else if (count === null) {
        ctx.addIssue({ code: "custom", path: ["count", key], message: "voting.invalidCount" });
        readable = false;
      } else {
        for (let i = 0; i < count; i++) stickers.push({ ideaId });
      }
    }
    for (const value of form.ikDoeMee) {
      const ideaId = parseIdeaId(value);
      if (ideaId === null) {
        ctx.addIssue({ code: "custom", path: ["ikDoeMee"], message: "voting.unknownIdea" });
        readable = false;
      } else ikDoeMee.push(ideaId);
    }
    if (!readable) return z.NEVER;

    const checked = checkBallot({ stickers, ikDoeMee }, rules, ideaIds);
    if (!checked.ok) {
      for (const problem of checked.problems) {
        ctx.addIssue({ code: "custom", path: problemPath(problem), message: ballotProblemMessage(problem), params: problemParams(problem) });
      }
      return z.NEVER;
    }
    return checked.ballot;
  });
}

export type BallotFormSchema = ReturnType<typeof ballotFormSchema>;

/**
 * Reads a posted FormData (or any list of entries) without conform: the fast
 * path for the vote action. Unknown fields (a CSRF token, the submit button)
 * are ignored.
 */
export function parseBallotForm(entries: Iterable<readonly [string, unknown]>, rules: BallotRules, ideaIds: readonly number[]): z.ZodSafeParseResult<Ballot> {
  const sticker: unknown[] = [];
  const ikDoeMee: unknown[] = [];
  const count: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [name, value] of entries) {
    if (name === "sticker") sticker.push(value);
    else if (name === "ikDoeMee") ikDoeMee.push(value);
    else if (name.startsWith("count.")) {
      const key = name.slice("count.".length);
      // A repeated number field is a crafted post; refuse it rather than guess which one counts.
      count[key] = key in count ? Symbol("repeated") : value;
    }
  }
  return ballotFormSchema(rules, ideaIds).safeParse({ sticker, count, ikDoeMee });
}

function parseIdeaId(value: unknown): number | null {
  if (typeof value !== "string" || !/^[1-9]\d{0,14}$/.test(value.trim())) return null;
  return Number(value.trim());
}

function parseCount(value: unknown): number | null {
  if (value === undefined || value === null) return 0;
  if (typeof value !== "string") return null;
  const trimmed = value.trim();
  if (trimmed === "") return 0;
  return COUNT.test(trimmed) ? Number(trimmed) : null;
}

// "Ik doe mee" problems belong next to the tick boxes; everything else is about the ballot as a whole.
function problemPath(problem: BallotProblem): (string | number)[] {
  return problem.code === "ik-doe-mee-without-sticker" ? ["ikDoeMee"] : [];
}

function problemParams(problem: BallotProblem): Record<string, number> {
  switch (problem.code) {
    case "too-many-stickers":
      return { placed: problem.placed, allowed: problem.allowed };
    case "empty":
      return {};
    default:
      return { ideaId: problem.ideaId };
  }
}

const ADDRESS_FIELD_MAX = 20;

/**
 * The home address typed on the ballot of a contest with an address list (issue 15), normalised;
 * null when it is missing or no address (the resident is then asked for it).
 */
export function homeAddressOf(form: { get(name: string): unknown }): string | null {
  const field = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" && value.length <= ADDRESS_FIELD_MAX ? value : "";
  };
  return normalizeAddress({ postcode: field("addressPostcode"), houseNumber: field("houseNumber"), addition: field("houseNumberAddition") });
}
