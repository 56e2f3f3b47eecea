// Europe/Amsterdam wall-clock time <-> instants, without a date library.
//
// Instants are epoch milliseconds (UTC). Organisers type local date-times
// ("2027-03-28T02:30", the value of an <input type="datetime-local">); we turn
// them into instants here and back again for form defaults.
//
// DST rule, the same as Temporal's "compatible" disambiguation:
// - a local time that does not exist (the hour skipped on the last Sunday of
//   March, 02:00-03:00) is moved forward by the length of the gap: 02:30 -> 03:30;
// - a local time that happens twice (the hour repeated on the last Sunday of
//   October, 02:00-03:00) means the first occurrence, still in summer time.
// `resolveAmsterdamLocal` says which case applied, so a form can warn.

export const TIME_ZONE = "Europe/Amsterdam";

/** Anything we accept as a moment in time: a Date, epoch ms, or an ISO string with offset. */
export type InstantInput = Date | number | string;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Epoch ms for a Date, a number or an ISO string; throws RangeError if it is not a real moment. */
export function toEpochMs(input: InstantInput): number {
  const ms = input instanceof Date ? input.getTime() : typeof input === "number" ? input : Date.parse(input);
  if (!Number.isFinite(ms)) throw new RangeError(`Not a valid instant: ${String(input)}`);
  return ms;
}

// One formatter for all offset look-ups: creating Intl formatters is slow.
const wallClockFormatter = new Intl.DateTimeFormat("en-US", {
  timeZone: TIME_ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

/**
 * The Amsterdam wall-clock reading at `instant`, expressed as if that reading
 * were UTC ("wall ms"). Wall ms are handy for calendar arithmetic: adding
 * 7 * 24 h of wall ms keeps the clock time across a DST change.
 */
export function toAmsterdamWallMs(instant: number): number {
  const wholeSeconds = instant - mod(instant, 1000);
  const parts: Record<string, number> = {};
  for (const part of wallClockFormatter.formatToParts(wholeSeconds)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  const wall = Date.UTC(parts.year ?? NaN, (parts.month ?? NaN) - 1, parts.day ?? NaN, parts.hour ?? NaN, parts.minute ?? NaN, parts.second ?? NaN);
  return wall + mod(instant, 1000);
}

/** Offset of Amsterdam from UTC at `instant`, in ms (3 600 000 in winter, 7 200 000 in summer). */
export function amsterdamOffsetMs(instant: number): number {
  return toAmsterdamWallMs(instant) - instant;
}

export type LocalTimeResolution = "exact" | "shifted-forward" | "first-of-two";

/** The instant for a wall-clock reading in wall ms, with the DST rule above. */
export function fromAmsterdamWallMs(wallMs: number): { instant: number; resolution: LocalTimeResolution } {
  // Amsterdam changes offset at most once in any two days, so the offsets a day
  // either side are the only candidates.
  const offsetBefore = amsterdamOffsetMs(wallMs - DAY);
  const offsetAfter = amsterdamOffsetMs(wallMs + DAY);
  const candidates = [...new Set([wallMs - offsetBefore, wallMs - offsetAfter])]
    .filter((instant) => toAmsterdamWallMs(instant) === wallMs)
    .sort((a, b) => a - b);
  const [first] = candidates;
  if (first === undefined) {
    // Spring gap: read the clock with the offset from before the change, which
    // lands the same distance past the gap (02:30 -> 03:30).
    return { instant: wallMs - offsetBefore, resolution: "shifted-forward" };
  }
  return { instant: first, resolution: candidates.length > 1 ? "first-of-two" : "exact" };
}

const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * Reads "YYYY-MM-DDTHH:mm" (seconds optional) as Amsterdam local time.
 * Returns null when the text is not a real calendar date and time
 * (wrong shape, 30 February, 24:00).
 */
export function resolveAmsterdamLocal(local: string): { instant: number; resolution: LocalTimeResolution } | null {
  const match = LOCAL_PATTERN.exec(local.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return null;
  const wallMs = Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC rolls 30 February over into March; a real date survives the round trip.
  const check = new Date(wallMs);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return null;
  }
  return fromAmsterdamWallMs(wallMs);
}

/** Instant (epoch ms) for an Amsterdam local date-time, or null if the text is not one. See the DST rule above. */
export function amsterdamLocalToInstant(local: string): number | null {
  return resolveAmsterdamLocal(local)?.instant ?? null;
}

/**
 * "YYYY-MM-DDTHH:mm" in Amsterdam time, the format of <input type="datetime-local">.
 * Seconds are dropped. Both readings of the repeated October hour print the
 * same, and read back as the first one.
 */
export function instantToAmsterdamLocal(instant: InstantInput): string {
  return new Date(toAmsterdamWallMs(toEpochMs(instant))).toISOString().slice(0, 16);
}

function mod(n: number, m: number): number {
  return ((n % m) + m) % m;
}
