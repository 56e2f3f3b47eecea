import { describe, expect, it } from "vitest";
import { allocateByParts, decidingStep, type PartedProject, type PartsInput } from "./budget-parts";

// A hand-made round of 1,000 euros divided into two parts: Groen 600 and Jeugd 400.
//   id  part   cost  votes
//   g1  Groen   300     90
//   g2  Groen   400     80   (300 left in Groen: does not fit)
//   g3  Groen   200     70
//   j1  Jeugd   250     60
//   j2  Jeugd   100     50
//   j3  Jeugd   200     40   (150 left in Jeugd: does not fit)
//   j4  Jeugd    50     10
const projects: PartedProject[] = [
  { id: "g1", cost: 300, part: "Groen" },
  { id: "g2", cost: 400, part: "Groen" },
  { id: "g3", cost: 200, part: "Groen" },
  { id: "j1", cost: 250, part: "Jeugd" },
  { id: "j2", cost: 100, part: "Jeugd" },
  { id: "j3", cost: 200, part: "Jeugd" },
  { id: "j4", cost: 50, part: "Jeugd" },
];
const scores = new Map([
  ["g1", 90],
  ["g2", 80],
  ["g3", 70],
  ["j1", 60],
  ["j2", 50],
  ["j3", 40],
  ["j4", 10],
]);
const base: PartsInput = {
  projects,
  scores,
  budget: 1000,
  parts: [
    { key: "Groen", budget: 600 },
    { key: "Jeugd", budget: 400 },
  ],
  withinPart: "greedy-stop",
  leftover: "fund-what-fits",
};

describe("allocateByParts", () => {
  it("Amsterdam's way: stop inside each part, then fund what fits from what the parts left, in score order", () => {
    // Groen: g1 (300 left), g2 does not fit: stop; g3 is not reached although it would fit.
    // Jeugd: j1 (150 left), j2 (50 left), j3 does not fit: stop; j4 is not reached.
    // Left after the parts: 300 + 50 = 350. Leftover pass in score order over g2, g3, j3, j4:
    // g2 (400) does not fit, g3 (200) fits (150 left), j3 (200) does not fit, j4 (50) fits (100 left).
    const outcome = allocateByParts(base);
    expect(outcome.parts.map((p) => [p.key, p.greedy.selected, p.spent])).toEqual([
      ["Groen", ["g1"], 300],
      ["Jeugd", ["j1", "j2"], 350],
    ]);
    expect(outcome.leftAfterParts).toBe(350);
    expect(outcome.leftoverPass?.selected).toEqual(["g3", "j4"]);
    expect(outcome.selected).toEqual(["g1", "j1", "j2", "g3", "j4"]);
    expect(outcome).toMatchObject({ spent: 900, leftover: 100 });
    expect(decidingStep(outcome, "g3")?.decision).toBe("funded");
    expect(decidingStep(outcome, "g2")?.decision).toBe("stopped-here");
    expect(decidingStep(outcome, "j3")?.decision).toBe("stopped-here");
  });

  it("skipping inside a part funds g3 there, from Groen's own money", () => {
    // Groen: g1 (300 left), g2 skipped, g3 (100 left). Jeugd: j1, j2 (50 left), j3 skipped, j4 (0 left).
    // Left after the parts: 100; the leftover pass finds g2 (400) and j3 (200) too dear.
    const outcome = allocateByParts({ ...base, withinPart: "greedy" });
    expect(outcome.selected).toEqual(["g1", "g3", "j1", "j2", "j4"]);
    expect(outcome.leftoverPass?.selected).toEqual([]);
    expect(outcome).toMatchObject({ spent: 900, leftover: 100 });
  });

  it("leaves what the parts did not spend unspent when the policy says so", () => {
    // As the first case without the leftover pass: g1, j1, j2; 350 stays.
    const outcome = allocateByParts({ ...base, leftover: "unspent" });
    expect(outcome.selected).toEqual(["g1", "j1", "j2"]);
    expect(outcome.leftoverPass).toBeNull();
    expect(outcome).toMatchObject({ spent: 650, leftover: 350 });
  });

  it("lets the leftover pass fund an idea dearer than its own part's budget", () => {
    // Jeugd has only 100; j1 (250) does not fit there and stops the part. Groen spends 300 of 900.
    // Left: 600 + 100 = 700; leftover pass: j1 (250) fits, 450 left; j2 (100) fits, 350 left.
    const outcome = allocateByParts({
      ...base,
      projects: projects.filter((p) => ["g1", "j1", "j2"].includes(p.id)),
      parts: [
        { key: "Groen", budget: 900 },
        { key: "Jeugd", budget: 100 },
      ],
    });
    expect(outcome.parts[1]?.greedy.selected).toEqual([]);
    expect(outcome.leftoverPass?.selected).toEqual(["j1", "j2"]);
    expect(outcome.spent).toBe(650);
  });

  it("accepts parts that add up to a euro more than the round (Amsterdam rounds them), never spending more than the round", () => {
    // Parts 501 + 500 for a round of 1,000: each part spends up to its own limit.
    const two: PartedProject[] = [
      { id: "a", cost: 501, part: "A" },
      { id: "b", cost: 500, part: "B" },
    ];
    const input = {
      ...base,
      projects: two,
      scores: new Map([
        ["a", 2],
        ["b", 1],
      ]),
      parts: [
        { key: "A", budget: 501 },
        { key: "B", budget: 500 },
      ],
    };
    expect(() => allocateByParts(input)).toThrow(/spend 1001 together, more than the round's budget of 1000/);
    expect(allocateByParts({ ...input, projects: [two[0]!] }).selected).toEqual(["a"]);
  });

  it("refuses an idea in a part the round does not have, and parts listed twice", () => {
    expect(() => allocateByParts({ ...base, projects: [...projects, { id: "x", cost: 1, part: "Sport" }] })).toThrow(
      /part "Sport", which the round does not have/,
    );
    expect(() => allocateByParts({ ...base, parts: [...base.parts, { key: "Groen", budget: 0 }] })).toThrow(/listed twice/);
    expect(() => allocateByParts({ ...base, parts: [] })).toThrow(/at least one part/);
  });
});
