import { describe, expect, it } from "vitest";
import {
  amsterdamLocalToInstant,
  amsterdamOffsetMs,
  fromAmsterdamWallMs,
  instantToAmsterdamLocal,
  resolveAmsterdamLocal,
  toAmsterdamWallMs,
  toEpochMs,
} from "./dates";

const utc = (iso: string) => Date.parse(iso);
const HOUR = 3_600_000;

describe("amsterdamLocalToInstant", () => {
  it("reads winter time as UTC+1 and summer time as UTC+2", () => {
    expect(amsterdamLocalToInstant("2027-01-15T19:30")).toBe(utc("2027-01-15T18:30:00Z"));
    expect(amsterdamLocalToInstant("2027-07-15T19:30")).toBe(utc("2027-07-15T17:30:00Z"));
  });

  it("accepts seconds and a space instead of T", () => {
    expect(amsterdamLocalToInstant("2027-01-15 19:30:15")).toBe(utc("2027-01-15T18:30:15Z"));
  });

  it("refuses text that is not a real date and time", () => {
    for (const bad of ["", "15-03-2027 19:30", "2027-02-30T10:00", "2027-13-01T10:00", "2027-01-01T24:00", "2027-01-01T10:60", "2027-01-01"]) {
      expect(amsterdamLocalToInstant(bad), bad).toBeNull();
    }
  });

  // Last Sunday of March: at 02:00 the clock jumps to 03:00.
  it.each([
    ["2026-03-29T02:30", "2026-03-29T01:30:00Z"],
    ["2027-03-28T02:30", "2027-03-28T01:30:00Z"],
    ["2027-03-28T02:00", "2027-03-28T01:00:00Z"],
  ])("moves the skipped spring time %s forward by an hour", (local, expected) => {
    expect(resolveAmsterdamLocal(local)).toEqual({ instant: utc(expected), resolution: "shifted-forward" });
    expect(instantToAmsterdamLocal(utc(expected))).toBe(local.replace("T02", "T03"));
  });

  it("reads the times around the spring change exactly", () => {
    expect(resolveAmsterdamLocal("2027-03-28T01:59")).toEqual({ instant: utc("2027-03-28T00:59:00Z"), resolution: "exact" });
    expect(resolveAmsterdamLocal("2027-03-28T03:00")).toEqual({ instant: utc("2027-03-28T01:00:00Z"), resolution: "exact" });
  });

  // Last Sunday of October: 02:00-03:00 happens twice.
  it.each([
    ["2026-10-25T02:30", "2026-10-25T00:30:00Z"],
    ["2027-10-31T02:30", "2027-10-31T00:30:00Z"],
    ["2027-10-31T02:00", "2027-10-31T00:00:00Z"],
  ])("takes the first (summer time) reading of the repeated autumn time %s", (local, expected) => {
    expect(resolveAmsterdamLocal(local)).toEqual({ instant: utc(expected), resolution: "first-of-two" });
  });

  it("reads the times around the autumn change exactly", () => {
    expect(resolveAmsterdamLocal("2027-10-31T01:59")?.instant).toBe(utc("2027-10-30T23:59:00Z"));
    expect(resolveAmsterdamLocal("2027-10-31T03:00")).toEqual({ instant: utc("2027-10-31T02:00:00Z"), resolution: "exact" });
  });
});

describe("instantToAmsterdamLocal", () => {
  it("gives the datetime-local value in Amsterdam time", () => {
    expect(instantToAmsterdamLocal(utc("2027-03-15T18:30:00Z"))).toBe("2027-03-15T19:30");
    expect(instantToAmsterdamLocal(new Date("2027-07-15T22:30:45Z"))).toBe("2027-07-16T00:30");
    expect(instantToAmsterdamLocal("2027-07-15T22:30:00Z")).toBe("2027-07-16T00:30");
  });

  it("prints both readings of the repeated autumn hour the same", () => {
    expect(instantToAmsterdamLocal(utc("2027-10-31T00:30:00Z"))).toBe("2027-10-31T02:30");
    expect(instantToAmsterdamLocal(utc("2027-10-31T01:30:00Z"))).toBe("2027-10-31T02:30");
  });

  it("round-trips every quarter hour through both DST weeks", () => {
    for (const from of ["2026-03-27T00:00:00Z", "2026-10-23T00:00:00Z", "2027-03-26T00:00:00Z", "2027-10-29T00:00:00Z"]) {
      for (let t = utc(from); t < utc(from) + 4 * 24 * HOUR; t += HOUR / 4) {
        const local = instantToAmsterdamLocal(t);
        const back = amsterdamLocalToInstant(local)!;
        // The second reading of the repeated hour comes back as the first one.
        expect(back === t || back === t - HOUR, local).toBe(true);
      }
    }
  });
});

describe("offsets and wall clock", () => {
  it("knows the offset on either side of the changes", () => {
    expect(amsterdamOffsetMs(utc("2027-03-28T00:59:59Z"))).toBe(HOUR);
    expect(amsterdamOffsetMs(utc("2027-03-28T01:00:00Z"))).toBe(2 * HOUR);
    expect(amsterdamOffsetMs(utc("2027-10-31T00:59:59Z"))).toBe(2 * HOUR);
    expect(amsterdamOffsetMs(utc("2027-10-31T01:00:00Z"))).toBe(HOUR);
  });

  it("keeps milliseconds when going to wall time and back", () => {
    const t = utc("2027-05-01T10:00:00.123Z");
    expect(toAmsterdamWallMs(t)).toBe(utc("2027-05-01T12:00:00.123Z"));
    expect(fromAmsterdamWallMs(toAmsterdamWallMs(t)).instant).toBe(t);
  });

  it("toEpochMs refuses what is not a moment", () => {
    expect(toEpochMs(5)).toBe(5);
    expect(() => toEpochMs("gisteren")).toThrow(RangeError);
    expect(() => toEpochMs(Number.NaN)).toThrow(RangeError);
  });
});
