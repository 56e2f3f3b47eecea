import { describe, expect, it } from "vitest";
import { CONTEST_PHASES } from "./phases";
import { SUBSCRIBE_PHASES, subscribeLeadAt } from "./subscription-phases";

describe("following a contest", () => {
  it("is possible from the announcement until voting ends, promising only what is still ahead", () => {
    const at = (phase: (typeof CONTEST_PHASES)[number]) => subscribeLeadAt({ phase, inGap: false });
    expect(at("aankondiging")).toBe("rounds.subscribeLead");
    expect(at("indienen")).toBe("rounds.subscribeLeadSubmitting");
    expect(at("juryselectie")).toBe("rounds.subscribeLeadBeforeVoting");
    expect(at("uitwerken")).toBe("rounds.subscribeLeadBeforeVoting");
    expect(at("stemmen")).toBe("rounds.subscribeLeadVoting");
    for (const phase of CONTEST_PHASES.filter((p) => !SUBSCRIBE_PHASES.includes(p as never))) expect(at(phase)).toBeNull();
    expect(SUBSCRIBE_PHASES).not.toContain("prijsuitreiking");
  });

  it("is closed in a gap between phases, when nothing runs", () => {
    expect(subscribeLeadAt({ phase: "stemmen", inGap: true })).toBeNull();
  });
});
