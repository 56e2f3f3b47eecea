import { describe, expect, it } from "vitest";
import { attendeeNameKey, ballotPointer, newBallotId } from "./ballot-secrecy";
import { MIN_PEPPER_BYTES } from "~/lib/keyed-hash";

const pepper = "p".repeat(MIN_PEPPER_BYTES);

describe("newBallotId", () => {
  it("is a positive safe integer that does not count up", () => {
    const ids = Array.from({ length: 1000 }, () => newBallotId());
    for (const id of ids) expect(Number.isSafeInteger(id) && id > 0).toBe(true);
    expect(new Set(ids).size).toBe(1000);
    const ascending = ids.every((id, i) => i === 0 || id > ids[i - 1]!);
    expect(ascending).toBe(false);
  });

  it("spans the 53 bits and never returns 0", () => {
    expect(newBallotId((max) => max - 1)).toBe(Number.MAX_SAFE_INTEGER);
    let calls = 0;
    expect(newBallotId(() => (calls++ < 2 ? 0 : 1))).toBe(2 ** 32 + 1);
  });
});

describe("ballotPointer", () => {
  it("is the same for one voter in one contest and differs otherwise", () => {
    const pointer = ballotPointer(pepper, 7, "user-1");
    expect(pointer).toMatch(/^[0-9a-f]{64}$/);
    expect(ballotPointer(pepper, 7, "user-1")).toBe(pointer);
    expect(ballotPointer(pepper, 8, "user-1")).not.toBe(pointer);
    expect(ballotPointer(pepper, 7, "user-2")).not.toBe(pointer);
    expect(ballotPointer("q".repeat(MIN_PEPPER_BYTES), 7, "user-1")).not.toBe(pointer);
  });

  it("refuses what cannot be a contest or a user", () => {
    expect(() => ballotPointer(pepper, 0, "user-1")).toThrow(RangeError);
    expect(() => ballotPointer(pepper, 7, "")).toThrow(RangeError);
  });
});

describe("attendeeNameKey", () => {
  it("ignores case, accents, spacing and punctuation", () => {
    expect(attendeeNameKey("  Jan  de Vríes ")).toBe("jan de vries");
    expect(attendeeNameKey("JAN DE VRIES")).toBe("jan de vries");
    expect(attendeeNameKey("Anne-Marie  ’t Hart")).toBe("anne marie t hart");
    expect(attendeeNameKey("Zoë Özdemir")).toBe("zoe ozdemir");
  });

  it("does not guess initials", () => {
    expect(attendeeNameKey("J. de Vries")).not.toBe(attendeeNameKey("Jan de Vries"));
  });
});
