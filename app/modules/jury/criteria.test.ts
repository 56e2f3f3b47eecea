import { describe, expect, it } from "vitest";
import { phaseAt, PHASES, type ContestClock, type Schedule } from "~/modules/contests/phases";
import { criteriaLocked, criterionKey, DEFAULT_CRITERION_KEYS, DEFAULT_WEIGHTS, defaultCriteria, totalWeight, weightShares } from "./criteria";

const day = 86_400_000;
const t0 = Date.UTC(2027, 2, 1, 8);
const schedule = Object.fromEntries(PHASES.map((p, i) => [p, { start: t0 + i * 10 * day, end: t0 + (i + 1) * 10 * day }])) as unknown as Schedule;
const clock: ContestClock = { status: "gepubliceerd", schedule };

describe("the default criteria", () => {
  it("are the five of issue 5, weighing 100 together, the wijk weighing most", () => {
    const criteria = defaultCriteria((key) => ({ name: `naam ${key}`, description: "" }));
    expect(criteria.map((c) => c.key)).toEqual(["wijk", "creativiteit", "samenwerking", "draagvlak", "haalbaarheid"]);
    expect(totalWeight(criteria)).toBe(100);
    expect(Math.max(...Object.values(DEFAULT_WEIGHTS))).toBe(DEFAULT_WEIGHTS.wijk);
    expect(criteria.map((c) => c.position)).toEqual([0, 1, 2, 3, 4]);
    expect(criteria[0]!.name).toBe("naam wijk");
    expect(DEFAULT_CRITERION_KEYS).toHaveLength(5);
  });
});

describe("weight shares", () => {
  it("are whole percents that always add up to 100", () => {
    expect(weightShares([{ weight: 30 }, { weight: 15 }, { weight: 20 }, { weight: 20 }, { weight: 15 }])).toEqual([30, 15, 20, 20, 15]);
    expect(weightShares([{ weight: 1 }, { weight: 1 }, { weight: 1 }])).toEqual([34, 33, 33]);
    expect(weightShares([{ weight: 2 }, { weight: 1 }])).toEqual([67, 33]);
    expect(weightShares([])).toEqual([]);
  });
});

describe("criteria lock", () => {
  it("is open until the jury starts, then closed for good", () => {
    expect(criteriaLocked(phaseAt(clock, schedule.indienen.start + day))).toBe(false);
    expect(criteriaLocked(phaseAt(clock, schedule.juryselectie.start))).toBe(true);
    expect(criteriaLocked(phaseAt(clock, schedule.stemmen.start))).toBe(true);
    expect(criteriaLocked(phaseAt({ status: "concept", schedule: null }, t0))).toBe(false);
  });
});

describe("criterionKey", () => {
  it("makes a readable unique key from a name", () => {
    expect(criterionKey("Duurzaam & groen", [])).toBe("duurzaam-groen");
    expect(criterionKey("Geschikt voor ouderen", ["geschikt-voor-ouderen"])).toBe("geschikt-voor-ouderen-2");
    expect(criterionKey("Één", [])).toBe("een");
    expect(criterionKey("!!!", [])).toBe("criterium");
  });
});
