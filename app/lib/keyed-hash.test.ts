import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { keyedHash, MIN_PEPPER_BYTES } from "./keyed-hash";

describe("keyedHash", () => {
  const pepper = "x".repeat(MIN_PEPPER_BYTES);

  it("is HMAC-SHA256 of purpose and message, hex", () => {
    const expected = createHmac("sha256", pepper).update("p\0m").digest("hex");
    expect(keyedHash(pepper, "p", "m")).toBe(expected);
    expect(keyedHash(Buffer.from(pepper), "p", "m")).toBe(expected);
  });

  it("keeps purposes apart", () => {
    expect(keyedHash(pepper, "a", "b:c")).not.toBe(keyedHash(pepper, "a:b", "c"));
  });

  it("refuses a pepper shorter than 32 bytes and a purpose that could blur the boundary", () => {
    expect(() => keyedHash("x".repeat(MIN_PEPPER_BYTES - 1), "p", "m")).toThrow(RangeError);
    expect(() => keyedHash(pepper, "p\0q", "m")).toThrow(RangeError);
  });
});
