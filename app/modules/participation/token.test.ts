import { describe, expect, it } from "vitest";
import { handInToken, readToken, usedTokenHash, voteToken } from "./token";

const pepper = "a-test-pepper-of-at-least-32-bytes!!";
const other = "another-test-pepper-of-32-bytes-or-more";

describe("participation tokens", () => {
  it("gives one vote the same token every time, and another vote another", () => {
    const a = voteToken({ contestId: 3, receipt: "K7QMA-3XPAD", pepper });
    expect(voteToken({ contestId: 3, receipt: "K7QMA-3XPAD", pepper })).toBe(a);
    expect(voteToken({ contestId: 3, receipt: "K7QMA-3XPAE", pepper })).not.toBe(a);
    expect(a).toMatch(/^s\.[0-9a-f]{32}\.[0-9a-f]{32}$/);
    expect(a).not.toContain("K7QMA");
  });

  it("reads back the moment of a token this server signed for this contest", () => {
    const vote = voteToken({ contestId: 3, receipt: "K7QMA-3XPAD", pepper });
    expect(readToken(vote, { contestId: 3, pepper })?.moment).toBe("stemmen");
    const handIn = handInToken({ contestId: 3, pepper });
    expect(readToken(handIn, { contestId: 3, pepper })?.moment).toBe("indienen");
    expect(handInToken({ contestId: 3, pepper })).not.toBe(handIn);
  });

  it("refuses a token of another contest, another server, a changed moment or a made-up one", () => {
    const vote = voteToken({ contestId: 3, receipt: "K7QMA-3XPAD", pepper });
    expect(readToken(vote, { contestId: 4, pepper })).toBeNull();
    expect(readToken(vote, { contestId: 3, pepper: other })).toBeNull();
    expect(readToken(`i${vote.slice(1)}`, { contestId: 3, pepper })).toBeNull();
    expect(readToken(`${vote.slice(0, -1)}0`, { contestId: 3, pepper })).toBeNull();
    for (const junk of ["", "s", "s..", "s.abc.def", `${vote}.x`, "x.00000000000000000000000000000000.00000000000000000000000000000000"]) {
      expect(readToken(junk, { contestId: 3, pepper })).toBeNull();
    }
  });

  it("keeps of a used token a keyed hash, never the nonce itself", () => {
    const read = readToken(handInToken({ contestId: 3, pepper }), { contestId: 3, pepper })!;
    const hash = usedTokenHash(read.nonce, pepper);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(read.nonce);
    expect(usedTokenHash(read.nonce, other)).not.toBe(hash);
  });
});
