import { describe, expect, it } from "vitest";
import { isMessageKey, translator } from "~/lib/i18n";
import { computeContestOutcome, type ContestOutcomeInput, type OutcomeRule } from "./contest-outcome";
import { explainIdea, explainOutcome, renderLine, type ExplainLine } from "./explain";

const nl = translator("nl");
const en = translator("en");

function outcomeOf(rule: OutcomeRule, ballots: number[][], over: Partial<ContestOutcomeInput> = {}) {
  const ideas = over.ideas ?? [
    { id: 1, cost: 600 },
    { id: 2, cost: 500 },
    { id: 3, cost: 300 },
    { id: 4, cost: 100 },
  ];
  return computeContestOutcome({
    rule,
    budget: 1000,
    ideas,
    ballots,
    totals: ideas.map((idea) => {
      const digital = ballots.flat().filter((id) => id === idea.id).length;
      return { ideaId: idea.id, digital, poster: 0, total: digital };
    }),
    prizes: [
      { position: 1, name: "eerste prijs", amountEuros: 750 },
      { position: 2, name: "tweede prijs", amountEuros: 250 },
    ],
    drawSeed: "uitslag-2027",
    ...over,
  });
}

const ballots = [
  [1, 2, 3],
  [1, 2, 3],
  [1, 2, 3],
  [1, 2],
  [1, 4],
];

function allLines(outcome: ReturnType<typeof outcomeOf>): ExplainLine[] {
  const perIdea = outcome.ideas.flatMap((idea) => {
    const e = explainIdea(idea, outcome);
    return [...e.stickers, e.rank, e.status, ...e.why, ...e.shares, ...e.ties];
  });
  const summary = explainOutcome(outcome);
  return [...perIdea, summary.rule, ...summary.money, ...summary.tieBreak];
}

/** The page keeps "€ 750" together with a no-break space; compare as plain text. */
const plain = (text: string) => text.replaceAll("\u00a0", " ");

function textOf(outcome: ReturnType<typeof outcomeOf>, ideaId: number, t = nl, locale: "nl" | "en" = "nl") {
  const idea = outcome.ideas.find((i) => i.ideaId === ideaId)!;
  const e = explainIdea(idea, outcome);
  return [...e.stickers, e.rank, e.status, ...e.why, ...e.shares, ...e.ties].map((l) => plain(renderLine(l, t, locale)));
}

describe("explainIdea", () => {
  it("prizes by rank: the stickers, the place and the prize", () => {
    const outcome = outcomeOf("prizes-by-rank", ballots);
    expect(textOf(outcome, 1)).toEqual(["5 stickers, van 5 bewoners.", "Plaats 1 van 4.", "Prijs", "Dit idee krijgt een prijs: eerste prijs, € 750."]);
    expect(textOf(outcome, 3)).toEqual([
      "3 stickers, van 3 bewoners.",
      "Plaats 3 van 4.",
      "Niet gekozen",
      "Er waren 2 prijzen. Dit idee kwam op plaats 3. Daarom kreeg het geen prijs.",
    ]);
  });

  it("greedy: the budget left at its turn, and why it did not fit", () => {
    const outcome = outcomeOf("greedy", ballots);
    expect(textOf(outcome, 1).at(-1)).toBe("Toen dit idee aan de beurt was, was er nog € 1.000 over. Het idee kost € 600. Dat paste, dus het krijgt € 600.");
    expect(textOf(outcome, 2).at(-1)).toBe(
      "Toen dit idee aan de beurt was, was er nog € 400 over. Het idee kost € 500. Dat paste niet. Het geld ging naar het volgende idee dat wel paste.",
    );
  });

  it("greedy-stop and greedy-partial: where it stopped, and the partial amount", () => {
    const stop = outcomeOf("greedy-stop", ballots);
    expect(textOf(stop, 3).at(-1)).toBe("Het verdelen stopte bij het idee op plaats 2. De ideeën daarna kregen geen geld.");
    const partial = outcomeOf("greedy-partial", ballots);
    expect(textOf(partial, 2).slice(2)).toEqual([
      "Krijgt een deel",
      "Toen dit idee aan de beurt was, was er nog € 400 over. Het idee kost € 500. Het krijgt het geld dat over was: € 400.",
    ]);
  });

  it("an idea that costs more than the whole budget says so", () => {
    const outcome = outcomeOf("greedy", [[1], [1], [2]], {
      ideas: [
        { id: 1, cost: 2500 },
        { id: 2, cost: 100 },
      ],
    });
    expect(textOf(outcome, 1)).toContain("Dit idee kost € 2.500. Dat is meer dan het hele budget van € 1.000.");
  });

  it("equal shares: how the cost was shared, as 'N stemmers betaalden elk €X'", () => {
    const outcome = outcomeOf(
      "equal-shares",
      [
        [1, 3],
        [1, 3],
        [1, 2],
      ],
      {
        ideas: [
          { id: 1, cost: 100 },
          { id: 2, cost: 900 },
          { id: 3, cost: 50 },
        ],
        budget: 300,
      },
    );
    const one = textOf(outcome, 1);
    expect(one).toContain("Dit idee is gekozen in ronde 1. De bewoners die het kozen, betaalden het samen uit hun deel van het budget:");
    expect(one).toContain("3 stemmers betaalden elk € 33,33.");
    expect(textOf(outcome, 2).at(-1)).toBe("Dit idee kost € 900. Dat is meer dan het hele budget van € 300. Daarom kon het niet gekozen worden.");
  });

  it("a tie: which step of the rule decided it", () => {
    const outcome = outcomeOf("prizes-by-rank", [[1, 1], [1, 1], [2], [2], [2], [2]]);
    expect(textOf(outcome, 2)).toContain("Evenveel stickers als het idee op plaats 2. Dit idee ging voor, omdat meer bewoners er een sticker op plakten.");
    expect(textOf(outcome, 1)).toContain("Evenveel stickers als het idee op plaats 1. Dat idee ging voor, omdat meer bewoners er een sticker op plakten.");
    expect(textOf(outcome, 1, en, "en")).toContain(
      "As many stickers as the idea in place 1. That idea went first, because more residents put a sticker on it.",
    );
  });

  it("mentions the poster stickers when there are any", () => {
    const outcome = outcomeOf("prizes-by-rank", [[1]], {
      totals: [
        { ideaId: 1, digital: 1, poster: 2, total: 3 },
        { ideaId: 2, digital: 0, poster: 1, total: 1 },
        { ideaId: 3, digital: 0, poster: 0, total: 0 },
        { ideaId: 4, digital: 0, poster: 0, total: 0 },
      ],
    });
    expect(textOf(outcome, 1).slice(0, 2)).toEqual(["3 stickers, van 3 bewoners.", "Daarvan zijn er 2 op de posters geplakt, bij de keuzebijeenkomst."]);
    expect(textOf(outcome, 2).slice(0, 2)).toEqual(["1 sticker, van 1 bewoner.", "Daarvan is 1 sticker op de poster geplakt, bij de keuzebijeenkomst."]);
  });

  it("keeps an amount on one line", () => {
    const outcome = outcomeOf("greedy", ballots);
    const idea = outcome.ideas[0]!;
    expect(renderLine(explainIdea(idea, outcome).why[0]!, nl, "nl")).toContain("€\u00a0600");
  });

  it("uses only message keys that exist, and fills every placeholder in both languages", () => {
    for (const rule of ["prizes-by-rank", "greedy", "greedy-stop", "greedy-partial", "equal-shares"] as const) {
      const outcome = outcomeOf(rule, [...ballots, [4], [4], [4]]);
      for (const l of allLines(outcome)) {
        expect(isMessageKey(l.key), l.key).toBe(true);
        for (const [t, locale] of [
          [nl, "nl"],
          [en, "en"],
        ] as const) {
          expect(renderLine(l, t, locale)).not.toMatch(/\{\w+\}/);
        }
      }
    }
  });
});

describe("explainOutcome", () => {
  it("states the rule, the money, the written tie-break and the seed", () => {
    const outcome = outcomeOf("greedy-stop", ballots);
    const e = explainOutcome(outcome);
    expect(renderLine(e.rule, nl, "nl")).toMatch(/^De ideeën met de meeste stickers/);
    expect(e.money.map((l) => plain(renderLine(l, nl, "nl")))).toEqual(["Verdeeld: € 600 van € 1.000.", "Niet verdeeld: € 400."]);
    expect(e.tieBreak.map((l) => plain(renderLine(l, nl, "nl")))).toEqual([
      "Dan gaat eerst het idee voor waar meer bewoners een sticker op plakten. Is dat ook gelijk? Dan beslist een loting.",
      "De code van de loting is uitslag-2027.",
      "In deze ronde was de loting niet nodig.",
      "Zo kun je de loting nakijken. Een vaste rekenregel maakt voor ieder idee een lang getal van de code, een dubbele punt en het nummer van het idee (bijvoorbeeld uitslag-2027:1). Het idee met het laagste getal gaat voor. Iedereen kan dit narekenen met een computer: de rekenregel heet SHA-256.",
    ]);
  });

  it("equal shares: the share per voter, raised by add1", () => {
    const outcome = outcomeOf(
      "equal-shares",
      [
        [1, 2],
        [1, 3],
      ],
      {
        ideas: [
          { id: 1, cost: 60 },
          { id: 2, cost: 50 },
          { id: 3, cost: 40 },
        ],
        budget: 100,
      },
    );
    expect(explainOutcome(outcome).money.map((l) => plain(renderLine(l, nl, "nl")))).toEqual([
      "Verdeeld: € 100 van € 100.",
      "Iedere stemmer had eerst een deel van € 50. Omdat er dan geld over bleef, is dat deel steeds met 1 euro verhoogd tot € 70, zolang alles in het budget paste.",
    ]);
  });
});

describe("renderLine", () => {
  it("lets the reader's plural rule choose between the sentence for one and for more", () => {
    const payers = (n: number): ExplainLine => ({
      key: "results.explain.shareGroupOne",
      params: { voters: { count: n }, each: { money: 10 } },
      counted: { n, other: "results.explain.shareGroupMany" },
    });
    expect(renderLine(payers(1), nl, "nl")).toBe("1 stemmer betaalde €\u00a010.");
    expect(renderLine(payers(2), nl, "nl")).toBe("2 stemmers betaalden elk €\u00a010.");
    expect(renderLine(payers(0), nl, "nl")).toBe("0 stemmers betaalden elk €\u00a010.");
    expect(renderLine(payers(1), en, "en")).not.toBe(renderLine(payers(2), en, "en"));
  });
});
