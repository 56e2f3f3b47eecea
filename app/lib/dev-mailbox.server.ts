import { many } from "~db/query.server";
import type { AppLoadContext } from "@remix-run/node";
import { desc } from "drizzle-orm";
import { getDb } from "~db/client.server";
import { devMailbox } from "~db/schema";
import { getEnv } from "./env.server";

const loopback = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/;

/**
 * The development mailbox holds every reset link and vote receipt the server sent: only the machine
 * itself may read it (issue 16). Decided by the connection's own address, which no header changes;
 * a forwarding header means a proxy on this machine passed on someone else's request. `remix vite:dev`
 * hands no address, and listens on localhost only.
 */
export function mayReadDevMailbox(request: Request, context: AppLoadContext): boolean {
  return mayReadDevMailboxFrom(context.peerAddress, request.headers.has("X-Forwarded-For") || request.headers.has("Forwarded"));
}

/** The same rule from the connection's address and whether a forwarding header came along (the page cache has no Request). */
export function mayReadDevMailboxFrom(peerAddress: string | undefined, forwarded: boolean): boolean {
  const env = getEnv();
  if (!env.devMailbox) return false;
  if (peerAddress === undefined) return env.nodeEnv === "development";
  return loopback.test(peerAddress) && !forwarded;
}

export async function listDevMail(limit = 50) {
  return many(getDb().select().from(devMailbox).orderBy(desc(devMailbox.id)).limit(limit));
}
