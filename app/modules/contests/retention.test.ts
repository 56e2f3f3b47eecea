import { describe, expect, it } from "vitest";
import type { PhaseInfo } from "./phases";
import { isRetentionDue, retentionDueAt } from "./retention";

const day = 24 * 60 * 60 * 1000;
const closedAt = Date.UTC(2027, 5, 1);
const archived = { phase: "afgesloten", inGap: false, since: closedAt, until: null, next: null, schedule: null } as unknown as PhaseInfo;
const aftercare = { ...archived, phase: "nazorg", until: closedAt } as unknown as PhaseInfo;

describe("retention", () => {
  it("counts the days from the start of the archive", () => {
    expect(retentionDueAt(archived, 365)).toBe(closedAt + 365 * day);
    expect(isRetentionDue(archived, 30, closedAt + 30 * day - 1)).toBe(false);
    expect(isRetentionDue(archived, 30, closedAt + 30 * day)).toBe(true);
  });
  it("never removes data of a contest that is still running", () => {
    expect(retentionDueAt(aftercare, 30)).toBeNull();
    expect(isRetentionDue(aftercare, 30, closedAt + 1000 * day)).toBe(false);
  });
});
