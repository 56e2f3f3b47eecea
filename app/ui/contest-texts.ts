// Words for the public contest pages, chosen from the pure answers in ~/modules/contests/public-view.
// Pure (a translator in, a string out), so every phase's sentence is unit-tested in both languages.
import { formatDateTime, type Locale } from "~/lib/format";
import { plural } from "~/lib/i18n/numbers";
import type { MessageKey, Translate } from "~/lib/i18n";
import { type ContestPhase } from "~/modules/contests/phases";
import type { Guidance } from "~/modules/contests/public-view";
import { phaseName } from "~/ui/phase-words";

// Between two phases the text says what comes next; keyed by that next phase.
const gapKeys: Partial<Record<ContestPhase, MessageKey>> = {
  indienen: "rounds.gap.indienen",
  juryselectie: "rounds.gap.juryselectie",
  uitwerken: "rounds.gap.uitwerken",
  stemmen: "rounds.gap.stemmen",
  prijsuitreiking: "rounds.gap.prijsuitreiking",
  nazorg: "rounds.gap.nazorg",
};

/**
 * The "Wat kun je nu doen?" sentence: what a resident can do now and until when, or what comes next and
 * when. Once the results are revealed the prize-giving phase no longer promises them for later.
 */
export function guidanceText(t: Translate, locale: Locale, guidance: Guidance, votesPerResident: number, resultsRevealed = false): string {
  const date = guidance.at !== null ? formatDateTime(guidance.at, locale) : "";
  const votes = votesPhrase(t, locale, votesPerResident);
  if (guidance.kind === "gap") {
    return t(gapKeys[guidance.next] ?? "rounds.gap.other", {
      date,
      votes,
      ended: phaseName(t, guidance.ended),
      next: phaseName(t, guidance.next),
    });
  }
  if (guidance.phase === "prijsuitreiking" && resultsRevealed) return t("rounds.nowRevealed", { date });
  return t(`rounds.now.${guidance.phase}`, { date, votes });
}

/** "3 stickers", "1 sticker". */
export function votesPhrase(t: Translate, locale: Locale, n: number): string {
  return t(plural(locale, n, { one: "rounds.votesOne", other: "rounds.votesMany" }), { n });
}

/** "Peelo en Kloosterveen" / "Peelo and Kloosterveen". */
export function joinList(items: readonly string[], locale: Locale): string {
  return new Intl.ListFormat(locale === "nl" ? "nl-NL" : "en-GB", { style: "long", type: "conjunction" }).format(items);
}
