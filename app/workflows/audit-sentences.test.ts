import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { translator } from "~/lib/i18n";
import { AUDIT_SENTENCES, auditSentence, sentenceText, subjectIdeaId, type AuditFacts } from "./audit-sentences";

// Issue 18.9: the Logboek says in a sentence what happened. The last test reads the source for every
// action the code writes to the audit log and fails on one without a sentence.

const nl = translator("nl");
const en = translator("en");
const entry = (action: string, rest: Partial<AuditFacts> = {}): AuditFacts => ({
  action,
  who: "Anna de Vries",
  subject: null,
  ideaTitle: null,
  before: null,
  after: null,
  ...rest,
});
const say = (facts: AuditFacts, locale: "nl" | "en" = "nl") => sentenceText(auditSentence(facts), locale === "nl" ? nl : en, locale);

describe("audit sentences", () => {
  it("names the idea by its title instead of idea:22", () => {
    expect(say(entry("idea.hidden", { subject: "idea:22", ideaTitle: "Bankje bij de vijver" }))).toBe("Anna de Vries verborg het idee ‘Bankje bij de vijver’.");
    expect(say(entry("idea.hidden", { subject: "idea:22", ideaTitle: "Bankje bij de vijver" }), "en")).toBe(
      "Anna de Vries hid the idea ‘Bankje bij de vijver’.",
    );
    // A deleted idea still reads as a sentence.
    expect(say(entry("idea.hidden", { subject: "idea:22" }))).toBe("Anna de Vries verborg het idee (een idee dat er niet meer is).");
  });

  it("counts the supporters instead of listing their ids", () => {
    expect(say(entry("aftercare.refer", { subject: "idea:3", ideaTitle: "Moestuin", after: { supporterIds: [3, 5] } }))).toBe(
      "Anna de Vries verwees ‘Moestuin’ naar 2 ondersteuners.",
    );
    expect(say(entry("aftercare.refer", { subject: "idea:3", ideaTitle: "Moestuin", after: { supporterIds: [3] } }))).toBe(
      "Anna de Vries verwees ‘Moestuin’ naar 1 ondersteuner.",
    );
    expect(say(entry("voting.codes-generated", { after: { label: "Balie", size: 1, forAddresses: false } }), "en")).toBe(
      "Anna de Vries made 1 voting code: ‘Balie’.",
    );
  });

  it("tells the initiative dashboard's partners by name (issue 21.5)", () => {
    expect(say(entry("aftercare.partner-added", { subject: "idea:3", ideaTitle: "Moestuin", after: { name: "OBS De Linde", role: "Kinderen zaaien" } }))).toBe(
      "Anna de Vries zette partner ‘OBS De Linde’ bij ‘Moestuin’.",
    );
    expect(say(entry("aftercare.partner-left", { subject: "idea:3", ideaTitle: "Moestuin", after: { name: "OBS De Linde" } }), "en")).toBe(
      "Anna de Vries noted that partner ‘OBS De Linde’ no longer takes part in ‘Moestuin’.",
    );
    expect(say(entry("aftercare.dashboard", { subject: "idea:3", ideaTitle: "Moestuin", after: { helps: "De school" } }))).toBe(
      "Anna de Vries paste aan wat de gemeente doet en wat helpt of tegenhoudt bij ‘Moestuin’.",
    );
  });

  it("says the results were announced without hashes or pointers", () => {
    const text = say(entry("results.revealed", { after: { winners: [1, 2], inputsHash: "8f93c96abc", ballotPointersCleared: true } }));
    expect(text).toBe("Anna de Vries maakte de uitslag bekend.");
  });

  it("writes phases, amounts, dates and statuses as words", () => {
    expect(say(entry("contest.phase-extend", { subject: "indienen", after: { start: 0, end: Date.UTC(2027, 2, 29, 8) } }))).toBe(
      "Anna de Vries verlengde de fase ‘Ideeën indienen’ tot 29 maart 2027, 10:00.",
    );
    expect(say(entry("aftercare.grant", { subject: "idea:3", ideaTitle: "Moestuin", after: { grantedEuros: 2500 } }))).toMatch(
      /^Anna de Vries gaf ‘Moestuin’ € ?2\.500/,
    );
    expect(say(entry("aftercare.status", { subject: "idea:3", ideaTitle: "Moestuin", after: { status: "in-uitvoering" } }))).toBe(
      "Anna de Vries zette de uitvoering van ‘Moestuin’ op In uitvoering.",
    );
    expect(say(entry("contest.settings-changed", { after: { budgetEuros: 5000, votesPerResident: 4 } }))).toBe(
      "Anna de Vries veranderde de instellingen: budget, stickers per bewoner.",
    );
    expect(say(entry("contest.settings-changed", { after: { budgetEuros: 5000 } }), "en")).toBe("Anna de Vries changed the settings: budget.");
  });

  it("says Wijkvonk when nobody did it by hand, and keeps a reporter out of the sentence", () => {
    expect(say(entry("privacy.retention", { who: null, after: { retentionDays: 365 } }))).toBe(
      "De bewaartijd van 365 dagen is voorbij. Wijkvonk wiste de persoonsgegevens van deze ronde.",
    );
    expect(say(entry("idea.reported", { who: null, subject: "idea:4", ideaTitle: "Speeltuin", after: { reason: "spam", photoId: null } }))).toBe(
      "Iemand meldde het idee ‘Speeltuin’: Het is reclame of spam.",
    );
  });

  it("falls back to who and the action's name for an action without a sentence", () => {
    expect(say(entry("something.new"))).toBe("Anna de Vries deed iets dat het logboek nog niet in woorden kan zeggen (something.new).");
  });

  it("finds the idea in the subject", () => {
    expect(subjectIdeaId("idea.hidden", "idea:22")).toBe(22);
    expect(subjectIdeaId("voting.poster-count-resolved", "22")).toBe(22);
    expect(subjectIdeaId("voting.codes-revoked", "22")).toBeNull();
    expect(subjectIdeaId("jury.invited", "a@b.nl")).toBeNull();
  });

  it("has every sentence in both languages with every blank filled, whatever the entry holds", () => {
    for (const action of Object.keys(AUDIT_SENTENCES)) {
      for (const [t, locale] of [
        [nl, "nl"],
        [en, "en"],
      ] as const) {
        for (const facts of [entry(action), entry(action, { who: null, subject: "idea:1", ideaTitle: "Moestuin", after: {}, before: {} })]) {
          const text = sentenceText(auditSentence(facts), t, locale);
          expect(text, `${action} in ${locale}`).not.toMatch(/\{\w+\}|auditLog\.|undefined|\[object/);
          expect(text.length, `${action} in ${locale}`).toBeGreaterThan(10);
        }
      }
    }
  });
});

// Every action string the application writes. Actions built from a template are listed with the values
// the template takes; a new template fails here until it is added, so no action slips past.
const TEMPLATES: Record<string, string[]> = {
  "contest.phase-${override.kind}": ["contest.phase-close-early", "contest.phase-extend", "contest.phase-reopen"],
  "idea.${input.kind}-added": ["idea.category-added", "idea.buurt-added"],
  "idea.${input.kind}-removed": ["idea.category-removed", "idea.buurt-removed"],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

function auditActionsWritten(root: string): string[] {
  const actions = new Set<string>();
  for (const file of sourceFiles(root)) {
    const source = readFileSync(file, "utf8");
    if (!source.includes("writeAudit")) continue;
    for (const m of source.matchAll(/action:\s*"([a-z]+\.[a-z-]+)"/g)) actions.add(m[1]!);
    for (const m of source.matchAll(/action:\s*`([^`]+)`/g)) {
      const expanded = TEMPLATES[m[1]!];
      if (!expanded) throw new Error(`${file}: audit action template ${m[1]} is not in TEMPLATES`);
      expanded.forEach((a) => actions.add(a));
    }
    // The realisation track logs through a helper: log(tx, writer, input, "aftercare.status", …).
    for (const m of source.matchAll(/\blog\(tx, [^"]*"([a-z]+\.[a-z-]+)"/g)) actions.add(m[1]!);
  }
  return [...actions].sort();
}

describe("every audit action has a sentence", () => {
  it("finds the actions the code writes, and a sentence for each", () => {
    const written = auditActionsWritten(path.resolve(__dirname, ".."));
    // The scan itself must see the known kinds, or it proves nothing.
    for (const known of ["contest.created", "idea.hidden", "aftercare.status", "aftercare.milestone-done", "privacy.retention", "contest.phase-extend"]) {
      expect(written).toContain(known);
    }
    expect(written.filter((action) => !(action in AUDIT_SENTENCES))).toEqual([]);
  });
});
