import { describe, expect, it } from "vitest";
import { amsterdamLocalToInstant } from "~/lib/dates";
import { locales, translator } from "~/lib/i18n";
import { CONTEST_PHASES, PHASES } from "~/modules/contests/phases";
import type { Guidance } from "~/modules/contests/public-view";
import { guidanceText, joinList, votesPhrase } from "./contest-texts";

const at = amsterdamLocalToInstant("2027-03-29T09:00")!;
const nl = translator("nl");

describe("guidanceText", () => {
  it("says what a resident can do now and until when, in plain Dutch", () => {
    expect(guidanceText(nl, "nl", { kind: "phase", phase: "indienen", at }, 3)).toBe(
      "Heb je een idee voor je wijk? Je kunt het nu indienen, tot 29 maart 2027, 09:00. Een klein idee mag ook. Liever op papier? Vraag de organisatie om een formulier.",
    );
    expect(guidanceText(nl, "nl", { kind: "phase", phase: "aankondiging", at }, 3)).toMatch(
      /^Je kunt nog geen idee indienen\. Dat kan vanaf 29 maart 2027, 09:00\./,
    );
    expect(guidanceText(nl, "nl", { kind: "phase", phase: "stemmen", at }, 3)).toContain("Je hebt 3 stickers. Stemmen kan tot 29 maart 2027, 09:00.");
    expect(guidanceText(nl, "nl", { kind: "phase", phase: "stemmen", at }, 1)).toContain("Je hebt 1 sticker.");
  });

  it("after the reveal, points to the results instead of the coming ceremony", () => {
    const prizeGiving: Guidance = { kind: "phase", phase: "prijsuitreiking", at };
    expect(guidanceText(nl, "nl", prizeGiving, 3)).toContain("Bij de prijsuitreiking hoor je welke ideeën winnen");
    expect(guidanceText(nl, "nl", prizeGiving, 3, true)).toBe(
      "De winnaars zijn bekend: bekijk de uitslag. Daarna gaan de ideeën verder, ook die niet wonnen. Vanaf 29 maart 2027, 09:00 begint de nazorg.",
    );
    expect(guidanceText(translator("en"), "en", prizeGiving, 3, true)).toContain("The winners are known");
  });

  it("in a gap, says what comes next and when", () => {
    expect(guidanceText(nl, "nl", { kind: "gap", ended: "indienen", next: "juryselectie", at }, 3)).toBe(
      "Indienen is gesloten. Vanaf 29 maart 2027, 09:00 leest de jury alle ideeën en kiest de beste.",
    );
    expect(guidanceText(nl, "nl", { kind: "gap", ended: "uitwerken", next: "stemmen", at }, 5)).toBe(
      "Het uitwerken is klaar. Vanaf 29 maart 2027, 09:00 kun je stemmen. Je krijgt dan 5 stickers.",
    );
  });

  it("has a complete sentence for every state and every gap, in both languages", () => {
    const cases: Guidance[] = [
      ...CONTEST_PHASES.map((phase): Guidance => ({ kind: "phase", phase, at: phase === "concept" || phase === "afgesloten" ? null : at })),
      ...PHASES.slice(1).map((next, i): Guidance => ({ kind: "gap", ended: PHASES[i]!, next, at })),
    ];
    for (const locale of locales) {
      const t = translator(locale);
      for (const guidance of cases) {
        const text = guidanceText(t, locale, guidance, 3);
        expect(text, JSON.stringify(guidance)).not.toMatch(/[{}]|rounds\./);
        if (guidance.at !== null) expect(text, JSON.stringify(guidance)).toContain(locale === "nl" ? "29 maart 2027, 09:00" : "29 March 2027, 09:00");
      }
    }
  });
});

describe("votesPhrase and joinList", () => {
  it("count stickers and join area names the way people write them", () => {
    expect(votesPhrase(nl, "nl", 3)).toBe("3 stickers");
    expect(votesPhrase(nl, "nl", 1)).toBe("1 sticker");
    expect(joinList(["Peelo", "Kloosterveen"], "nl")).toBe("Peelo en Kloosterveen");
    expect(joinList(["Peelo", "Kloosterveen", "Pittelo"], "nl")).toBe("Peelo, Kloosterveen en Pittelo");
    expect(joinList(["Peelo", "Kloosterveen"], "en")).toBe("Peelo and Kloosterveen");
  });
});
