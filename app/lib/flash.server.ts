import { createCookie } from "@remix-run/node";
import { isMessageKey, type MessageKey } from "~/lib/i18n";

// One short message for the next page ("Je bent ingelogd."), carried in a cookie across the redirect.
const flashCookie = createCookie("wv_flash", { httpOnly: true, sameSite: "lax", path: "/", maxAge: 60 });

export type Flash = { key: MessageKey; params?: Record<string, string> };

export function setFlash(flash: Flash): Promise<string> {
  return flashCookie.serialize(flash);
}

export async function readFlash(request: Request): Promise<{ flash: Flash | null; clear: string | null }> {
  const value: unknown = await flashCookie.parse(request.headers.get("Cookie"));
  if (!value || typeof value !== "object" || !("key" in value) || typeof value.key !== "string" || !isMessageKey(value.key)) {
    return { flash: null, clear: value ? await flashCookie.serialize("", { maxAge: 0 }) : null };
  }
  const params = "params" in value && value.params && typeof value.params === "object" ? (value.params as Record<string, string>) : undefined;
  return { flash: { key: value.key, params }, clear: await flashCookie.serialize("", { maxAge: 0 }) };
}
