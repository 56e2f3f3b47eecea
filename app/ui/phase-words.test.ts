import { describe, expect, it } from "vitest";
import { translator } from "~/lib/i18n";
import { amsterdamLocalToInstant, checkPhase, phaseAt, validateSchedule, type ContestClock, type PhaseCheck } from "~/modules/contests/phases";
import { isPhaseRefusal, phaseName, phaseRefusalText, scheduleProblemText } from "./phase-words";

function L(local: string): number {
  const instant = amsterdamLocalToInstant(local);
  if (instant === null) throw new Error(`bad fixture ${local}`);
  return instant;
}

const windows = {
  aankondiging: ["2027-02-01T09:00", "2027-03-01T09:00"],
  indienen: ["2027-03-01T09:00", "2027-03-16T00:00"],
  juryselectie: ["2027-03-22T09:00", "2027-04-05T17:00"],
  uitwerken: ["2027-04-05T17:00", "2027-05-01T09:00"],
  stemmen: ["2027-05-01T09:00", "2027-05-15T20:00"],
  prijsuitreiking: ["2027-05-20T19:30", "2027-06-01T00:00"],
  nazorg: ["2027-06-01T00:00", "2028-06-01T00:00"],
} as const;
const checked = validateSchedule(Object.fromEntries(Object.entries(windows).map(([phase, [start, end]]) => [phase, { start: L(start), end: L(end) }])));
if (!checked.ok) throw new Error("bad fixture schedule");
const clock: ContestClock = { status: "gepubliceerd", schedule: checked.schedule, overrides: [] };

const nl = translator("nl");
const en = translator("en");
const at = (local: string) => phaseAt(clock, L(local));
function words(check: PhaseCheck, locale: "nl" | "en" = "nl"): string {
  if (check.ok) throw new Error("expected a refusal");
  return phaseRefusalText(locale === "nl" ? nl : en, locale, check);
}

describe("a phase refusal in words", () => {
  it("says what phase it is and when the action will be possible, in the reader's language", () => {
    const refusal = checkPhase(at("2027-04-10T12:00"), "stemmen");
    expect(words(refusal)).toBe("Dit kan nu niet. Het is nu de fase ‘Uitwerken’. Dit kan in de fase ‘Stemmen’, van 1 mei 2027, 09:00 tot 15 mei 2027, 20:00.");
    expect(words(refusal, "en")).toBe(
      "This is not possible now. It is now the phase ‘Working out the plans’. This is possible in the phase ‘Voting’, from 1 May 2027, 09:00 to 15 May 2027, 20:00.",
    );
  });

  it("says until when it was possible, and names the gap between two phases", () => {
    expect(words(checkPhase(at("2027-04-10T12:00"), "indienen"))).toBe(
      "Dit kan nu niet. Het is nu de fase ‘Uitwerken’. Dit kon in de fase ‘Ideeën indienen’, tot 16 maart 2027, 00:00.",
    );
    expect(words(checkPhase(at("2027-03-18T12:00"), "indienen"))).toBe(
      "Dit kan nu niet. De fase ‘Ideeën indienen’ is voorbij. De fase ‘Juryselectie’ begint op 22 maart 2027, 09:00. " +
        "Dit kon in de fase ‘Ideeën indienen’, tot 16 maart 2027, 00:00.",
    );
  });

  it("explains a round that is not published, not started or closed", () => {
    expect(words(checkPhase(phaseAt({ status: "concept" }, 0), "indienen"))).toBe(
      "Dit kan nu niet. Deze ronde is nog niet gepubliceerd. Dit kan in de fase ‘Ideeën indienen’.",
    );
    expect(words(checkPhase(at("2027-01-15T12:00"), "indienen"))).toBe(
      "Dit kan nu niet. Deze ronde begint op 1 februari 2027, 09:00. Dit kan in de fase ‘Ideeën indienen’, van 1 maart 2027, 09:00 tot 16 maart 2027, 00:00.",
    );
    expect(words(checkPhase(at("2028-07-01T12:00"), "nazorg"))).toBe(
      "Dit kan nu niet. Deze ronde is afgesloten. Dit kon in de fase ‘Nazorg’, tot 1 juni 2028, 00:00.",
    );
    expect(words(checkPhase(at("2027-03-10T12:00"), ["concept", "binnenkort"]))).toBe(
      "Dit kan nu niet. Het is nu de fase ‘Ideeën indienen’. Dit kan alleen voordat de ronde begint.",
    );
    expect(words(checkPhase(at("2027-07-01T12:00"), "afgesloten"))).toBe(
      "Dit kan nu niet. Het is nu de fase ‘Nazorg’. Dit kan als de ronde is afgesloten, vanaf 1 juni 2028, 00:00.",
    );
  });

  it("recognises a refusal that arrives as JSON in a 409, and nothing else", () => {
    const refusal = checkPhase(at("2027-04-10T12:00"), "stemmen");
    expect(isPhaseRefusal(JSON.parse(JSON.stringify(refusal)))).toBe(true);
    expect(isPhaseRefusal({ message: "Dit kan nu niet." })).toBe(false);
    expect(isPhaseRefusal({ now: "stemmen", when: null })).toBe(false);
  });
});

describe("phase names and schedule problems in words", () => {
  it("names every phase in both languages", () => {
    expect(phaseName(nl, "indienen")).toBe("Ideeën indienen");
    expect(phaseName(en, "stemmen")).toBe("Voting");
  });

  it("words a schedule field's problem with the phase and date it conflicts with", () => {
    expect(scheduleProblemText(nl, "nl", { code: "endBeforeStart" })).toBe("Het einde moet na het begin liggen.");
    expect(scheduleProblemText(nl, "nl", { code: "startBeforePrevious", phase: "indienen", at: L("2027-03-16T00:00") })).toBe(
      "Het begin moet op of na het einde van de fase ‘Ideeën indienen’ liggen (16 maart 2027, 00:00).",
    );
    expect(scheduleProblemText(en, "en", { code: "notADateTime" })).toBe("This is not a valid date and time.");
  });
});
