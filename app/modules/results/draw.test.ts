import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { drawLot, drawOrder, isValidDrawSeed, sha256Hex } from "./draw";

describe("sha256Hex", () => {
  it("matches the FIPS 180-4 test vectors", () => {
    expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")).toBe("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  });

  it("agrees with node:crypto on every length around the block boundaries and on non-ASCII text", () => {
    for (let length = 0; length < 200; length++) {
      const text = "ë".repeat(length % 7) + "x".repeat(length);
      expect(sha256Hex(text)).toBe(createHash("sha256").update(text, "utf8").digest("hex"));
    }
  });
});

describe("the public draw", () => {
  it("gives each idea the SHA-256 of seed:id as its lot, so anyone can check it", () => {
    expect(drawLot("k7qm-3xpa", 12)).toBe(createHash("sha256").update("k7qm-3xpa:12").digest("hex"));
  });

  it("orders by lot, and the same seed always gives the same order", () => {
    const ids = [1, 2, 3, 4, 5, 6, 7, 8];
    const order = drawOrder("ceremonie-2027", ids);
    expect([...order].sort((a, b) => a - b)).toEqual(ids);
    expect(drawOrder("ceremonie-2027", [...ids].reverse())).toEqual(order);
    const lots = order.map((id) => drawLot("ceremonie-2027", id));
    expect([...lots].sort()).toEqual(lots);
  });

  it("gives another order with another seed", () => {
    const ids = Array.from({ length: 10 }, (_, i) => i + 1);
    expect(drawOrder("seed-a", ids)).not.toEqual(drawOrder("seed-b", ids));
  });

  it("accepts only seeds that can be read aloud and typed", () => {
    expect(isValidDrawSeed("K7QMA-3XPAD")).toBe(true);
    expect(isValidDrawSeed("abc")).toBe(false);
    expect(isValidDrawSeed("with space")).toBe(false);
    expect(isValidDrawSeed("a:b:c:d")).toBe(false);
    expect(isValidDrawSeed("x".repeat(65))).toBe(false);
    expect(() => drawLot("a:b", 1)).toThrow(RangeError);
  });
});
