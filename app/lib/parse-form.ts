import type { Submission, SubmissionResult } from "@conform-to/react";
import { parseWithZod as conformParse } from "@conform-to/zod/v4";
import { z } from "zod";
import type { $ZodType, input, output } from "zod/v4/core";
import { fieldLimit, withinLimit, type FieldLimit } from "./form-limits";

// conform's parseWithZod, safe for any post (issue 10, found by the property tests). Every route reads its
// form through this one, in the action and in the browser alike. Three things a crafted post did to it:
//
// - `__intent__` and `__state__` are conform's own fields, read as JSON: a value that is not ("x"), or
//   that names a field that is no list, made it throw, a 500 on every action. No form of ours sends them
//   to the server (there are no intent buttons), so an unreadable one is left out and the rest is read.
// - `prizes[100000000].name` made it build a list of 100 million items: 47 s of a busy server for one
//   request, and a reply of 500 MB. A list index beyond any form's rows is refused before parsing.
// - A NUL in a text field passed zod and then broke a CHECK: SQLite's length() stops at the first NUL,
//   so length(trim(name)) of "\0Anna" is 0. No one types one; it is dropped from text fields.
// - conform's reply sent every posted value back: a 200 MB post became a 209 MB page (issue 16). On the
//   server a reply holds each field the schema knows, cut to the schema's own limit (lib/form-limits.ts).

/** The most list rows any form posts in total (the jury's decision form: one row per idea, at most 1000). */
export const MAX_LIST_ROWS = 10_000;

const CONTROL_FIELDS = new Set(["__intent__", "__state__"]);

type Parsed<Schema extends $ZodType> = Submission<input<Schema>, string[], output<Schema>>;

export function parseWithZod<Schema extends $ZodType>(
  payload: FormData | URLSearchParams,
  options: { schema: Schema },
): Submission<input<Schema>, string[], output<Schema>> {
  const form = new FormData();
  const names: string[] = [];
  for (const [name, value] of payload.entries()) {
    form.append(name, typeof value === "string" ? value.replaceAll("\u0000", "") : value);
    names.push(name);
    if (name === "__intent__" && typeof value === "string") names.push(intentTarget(value));
  }
  if (listRows(names) > MAX_LIST_ROWS) return refused<Schema>();
  const submission = parseSafely(form, options);
  return typeof document === "undefined" ? withBoundedReply(submission, options.schema) : submission;
}

function parseSafely<Schema extends $ZodType>(form: FormData, options: { schema: Schema }): Parsed<Schema> {
  try {
    return conformParse(form, options);
  } catch {
    // Only conform's own fields can make it throw on a post; without them it is an ordinary post.
    const plain = new FormData();
    for (const [name, value] of form.entries()) if (!CONTROL_FIELDS.has(name)) plain.append(name, value);
    return conformParse(plain, options);
  }
}

/**
 * The reply a server sends back to the form, holding no more than the form can: values cut to their
 * fields' limits, names the schema does not know left out. Intent and state come only from conform's
 * own fields, which no form of ours posts to the server, so they are not sent back at all. (In the
 * browser conform needs them for its own validation, and the values are the person's own typing.)
 */
function withBoundedReply<Schema extends $ZodType>(submission: Parsed<Schema>, schema: Schema): Parsed<Schema> {
  const reply = submission.reply;
  return {
    ...submission,
    reply(options): SubmissionResult<string[]> {
      const { intent: _intent, state: _state, ...result } = reply(options);
      if (!result.initialValue) return result;
      const limit = fieldLimit(schema);
      return {
        ...result,
        initialValue: withinLimit(result.initialValue, limit) as SubmissionResult<string[]>["initialValue"],
        fields: result.fields?.filter((name) => isKnownField(limit, name)),
      };
    },
  };
}

/** Whether a posted name ("costLines[2].amount", "count.101") starts with a field the schema has. */
function isKnownField(limit: FieldLimit, name: string): boolean {
  if (!("fields" in limit)) return false;
  const first = /^[^.[]*/.exec(name)![0];
  return Object.hasOwn(limit.fields, first) || limit.anyField !== undefined;
}

/** The field a readable intent changes (conform adds items there), or "". */
function intentTarget(intent: string): string {
  try {
    const parsed: unknown = JSON.parse(intent);
    const name = (parsed as { payload?: { name?: unknown } } | null)?.payload?.name;
    return typeof name === "string" ? name : "";
  } catch {
    return "";
  }
}

/** How many list items the posted names ask for: per list, its highest index plus one, all lists together. */
function listRows(names: readonly string[]): number {
  const highest = new Map<string, number>();
  for (const name of names) {
    for (const match of name.matchAll(/\[(\d+)\]/g)) {
      const list = name.slice(0, match.index);
      const index = Number(match[1]);
      if (!(index < MAX_LIST_ROWS)) return Infinity;
      highest.set(list, Math.max(highest.get(list) ?? 0, index + 1));
    }
  }
  let total = 0;
  for (const rows of highest.values()) total += rows;
  return total;
}

/** A refusal with nothing of the post in it (it is not worth sending back), as the form's own error. */
function refused<Schema extends $ZodType>(): Parsed<Schema> {
  // An error submission carries no value, so it stands for a submission of any schema.
  return conformParse(new FormData(), { schema: z.never({ error: "validation.tooMany" }) }) as unknown as Parsed<Schema>;
}
