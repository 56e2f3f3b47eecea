import { useT } from "~/lib/i18n/react";
import { type ContestPhase } from "~/modules/contests/phases";
import { phaseName } from "~/ui/phase-words";

/**
 * The phase a contest is in, as a coloured label ("Ideeën indienen"). Between two phases it says the
 * last one is closed ("Ideeën indienen: gesloten"). Styles in ~/ui/rounds.css: a route that shows the
 * badge links that stylesheet.
 */
export function PhaseBadge({ phase, inGap = false }: { phase: ContestPhase; inGap?: boolean }) {
  const t = useT();
  const label = phaseName(t, phase);
  return <span className={`badge phase-badge phase-${phase}${inGap ? " is-gap" : ""}`}>{inGap ? t("rounds.badgeInGap", { phase: label }) : label}</span>;
}
