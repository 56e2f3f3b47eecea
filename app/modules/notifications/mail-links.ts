// The one-click unsubscribe link of a notification (issue 9). The link names an address and a kind
// and is signed with a server key, so it needs no log-in, no stored token and no address in the URL:
//   <address key>.<kind>.<signature>
// The address key is a keyed hash of the lower-cased address (also the key of the opt-out table);
// the signature covers address key and kind, so a link cannot be bent to another address or kind.
// The links do not expire: an old mail's link must still work (RFC 8058).

import { createHmac, timingSafeEqual } from "node:crypto";
import { isNotificationKind, type NotificationKind } from "./kinds";

const SIGNATURE_LENGTH = 22; // 132 bits of the HMAC, base64url

function mac(key: string, message: string): string {
  return createHmac("sha256", key).update(message).digest("base64url");
}

/** 43 characters; the same for "Anna@X.nl " and "anna@x.nl". */
export function addressKeyOf(key: string, email: string): string {
  return mac(key, `address\0${email.trim().toLowerCase()}`);
}

function signatureOf(key: string, addressKey: string, kind: NotificationKind): string {
  return mac(key, `unsubscribe\0${addressKey}\0${kind}`).slice(0, SIGNATURE_LENGTH);
}

export function unsubscribeToken(key: string, email: string, kind: NotificationKind): string {
  const addressKey = addressKeyOf(key, email);
  return `${addressKey}.${kind}.${signatureOf(key, addressKey, kind)}`;
}

const TOKEN_SHAPE = /^([A-Za-z0-9_-]{43})\.([a-z]{1,20})\.([A-Za-z0-9_-]{22})$/;

/** The address key and kind of a genuine token; null for anything else. */
export function readUnsubscribeToken(key: string, token: string): { addressKey: string; kind: NotificationKind } | null {
  const match = TOKEN_SHAPE.exec(token);
  if (!match) return null;
  const [, addressKey, kind, signature] = match as unknown as [string, string, string, string];
  if (!isNotificationKind(kind)) return null;
  const expected = Buffer.from(signatureOf(key, addressKey, kind));
  return timingSafeEqual(expected, Buffer.from(signature)) ? { addressKey, kind } : null;
}
