import { randomBytes } from "node:crypto";
import { createCookie } from "@remix-run/node";
import { getEnv } from "~/lib/env.server";
import { isValidSeed } from "~/modules/ideas/order";
import { sha256 } from "~/modules/ideas/tokens.server";

// Two cookies of the idea pages:
// - wv_idea_drafts: the tokens of drafts started without an account ({ ideaId: token }). Only the
//   SHA-256 of a token is in the database, so a leaked database opens no draft.
// - wv_order: the visitor's seed for the order of the idea list (see order.ts).

const MAX_DRAFTS_IN_COOKIE = 5;

function draftCookie() {
  return createCookie("wv_idea_drafts", { httpOnly: true, sameSite: "lax", path: "/", maxAge: 60 * 60 * 24 * 60, secure: getEnv().cookieSecure });
}

async function readDrafts(request: Request): Promise<Record<string, string>> {
  const value: unknown = await draftCookie().parse(request.headers.get("Cookie"));
  if (!value || typeof value !== "object") return {};
  return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => /^\d+$/.test(e[0]) && typeof e[1] === "string"));
}

/** The draft token this browser holds for an idea, if any. */
export async function draftTokenFor(request: Request, ideaId: number): Promise<string | null> {
  return (await readDrafts(request))[String(ideaId)] ?? null;
}

export async function draftTokenMatches(request: Request, idea: { id: number; draftTokenHash: string | null }): Promise<boolean> {
  if (!idea.draftTokenHash) return false;
  const token = await draftTokenFor(request, idea.id);
  return token !== null && sha256(token) === idea.draftTokenHash;
}

/** The ids of the drafts this browser holds, newest last. */
export async function heldDraftIds(request: Request): Promise<number[]> {
  return Object.keys(await readDrafts(request)).map(Number);
}

export async function rememberDraft(request: Request, ideaId: number, token: string): Promise<string> {
  const drafts = Object.entries(await readDrafts(request)).filter(([id]) => id !== String(ideaId));
  drafts.push([String(ideaId), token]);
  return draftCookie().serialize(Object.fromEntries(drafts.slice(-MAX_DRAFTS_IN_COOKIE)));
}

export async function forgetDraft(request: Request, ideaId: number): Promise<string> {
  const drafts = Object.entries(await readDrafts(request)).filter(([id]) => id !== String(ideaId));
  return draftCookie().serialize(Object.fromEntries(drafts), drafts.length === 0 ? { maxAge: 0 } : undefined);
}

// ---------------------------------------------------------------------------

function orderCookie() {
  return createCookie("wv_order", { httpOnly: true, sameSite: "lax", path: "/", maxAge: 60 * 60 * 24 * 365, secure: getEnv().cookieSecure });
}

/** The seed in a Cookie header, if it holds a valid one (the page cache reads it without a Request). */
export async function orderSeedIn(cookieHeader: string | null): Promise<string | null> {
  const value: unknown = await orderCookie().parse(cookieHeader);
  return isValidSeed(value) ? value : null;
}

/** The cookie that gives a visitor this seed: its Set-Cookie form and the name=value a request carries. */
export async function orderSeedCookie(seed: string): Promise<{ setCookie: string; pair: string }> {
  const setCookie = await orderCookie().serialize(seed);
  return { setCookie, pair: setCookie.slice(0, setCookie.indexOf(";")) };
}

/** The visitor's shuffle seed; a new one (with its Set-Cookie) when they have none yet. */
export async function orderSeed(request: Request): Promise<{ seed: string; setCookie: string | null }> {
  const value: unknown = await orderCookie().parse(request.headers.get("Cookie"));
  if (isValidSeed(value)) return { seed: value, setCookie: null };
  const seed = randomBytes(12).toString("base64url");
  return { seed, setCookie: await orderCookie().serialize(seed) };
}
