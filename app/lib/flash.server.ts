import { createCookie, type Cookie } from "@remix-run/node";
import { isMessageKey, type MessageKey } from "~/lib/i18n";
import { getEnv } from "./env.server";
import { derivedKey } from "./secrets.server";

// One short message for the next page ("Je bent ingelogd."), carried in a cookie across the redirect.
// It can carry a vote's receipt, which the next page shows as the voter's own (issue 16.7): so it is
// signed, and has the session cookie's flags (Secure wherever the session cookie is).
let cookie: { key: string; secure: boolean; cookie: Cookie } | undefined;

function flashCookie(): Cookie {
  const key = derivedKey("cookies");
  const secure = getEnv().cookieSecure;
  // Made again when a test changes the pepper or the environment.
  if (cookie?.key !== key || cookie.secure !== secure) {
    cookie = { key, secure, cookie: createCookie("wv_flash", { httpOnly: true, sameSite: "lax", secure, path: "/", maxAge: 60, secrets: [key] }) };
  }
  return cookie.cookie;
}

export type Flash = { key: MessageKey; params?: Record<string, string> };

export function setFlash(flash: Flash): Promise<string> {
  return flashCookie().serialize(flash);
}

export async function readFlash(request: Request): Promise<{ flash: Flash | null; clear: string | null }> {
  const value: unknown = await flashCookie().parse(request.headers.get("Cookie"));
  if (!value || typeof value !== "object" || !("key" in value) || typeof value.key !== "string" || !isMessageKey(value.key)) {
    return { flash: null, clear: value ? await flashCookie().serialize("", { maxAge: 0 }) : null };
  }
  const params = "params" in value && value.params && typeof value.params === "object" ? (value.params as Record<string, string>) : undefined;
  return { flash: { key: value.key, params }, clear: await flashCookie().serialize("", { maxAge: 0 }) };
}
