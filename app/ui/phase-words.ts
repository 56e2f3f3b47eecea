import { formatDateTime } from "~/lib/format";
import { useLocale, useT } from "~/lib/i18n/react";
import type { Locale, Translate } from "~/lib/i18n/core";
import type { ContestPhase, PhaseNow, PhaseRefusal, PhaseWhen, ScheduleProblem } from "~/modules/contests/phases";

// The phase rules answer in codes and instants (modules/contests/phases.ts); these functions are where
// those become sentences, in the reader's language.

export function phaseName(t: Translate, phase: ContestPhase): string {
  return t(`phases.names.${phase}`);
}

/** A phase refusal as it arrives in a 409's body (JSON from the server): enough shape to word it. */
export function isPhaseRefusal(value: unknown): value is Pick<PhaseRefusal, "now" | "when"> {
  if (!value || typeof value !== "object" || !("now" in value) || !("when" in value)) return false;
  const { now, when } = value as { now: unknown; when: unknown };
  return typeof now === "object" && now !== null && "kind" in now && typeof when === "object" && when !== null && "kind" in when;
}

/** "Dit kan nu niet. Het is nu de fase ‘Uitwerken’. Dit kan in de fase ‘Stemmen’, van … tot …." */
export function phaseRefusalText(t: Translate, locale: Locale, refusal: Pick<PhaseRefusal, "now" | "when">): string {
  const date = (instant: number) => formatDateTime(instant, locale);
  return [t("phases.notNow"), nowText(t, date, refusal.now), whenText(t, date, refusal.when)].filter(Boolean).join(" ");
}

function nowText(t: Translate, date: (instant: number) => string, now: PhaseNow): string {
  switch (now.kind) {
    case "not-published":
      return t("phases.notPublished");
    case "not-started":
      return now.startsAt === null ? t("phases.notStarted") : t("phases.startsOn", { date: date(now.startsAt) });
    case "closed":
      return t("phases.closed");
    case "between":
      return t("phases.between", { phase: phaseName(t, now.ended), next: phaseName(t, now.next), date: date(now.at) });
    case "in":
      return t("phases.phaseNow", { phase: phaseName(t, now.phase) });
  }
}

function whenText(t: Translate, date: (instant: number) => string, when: PhaseWhen): string {
  switch (when.kind) {
    case "when-closed":
      return t("phases.whenClosed", { date: date(when.from) });
    case "in-phase":
      return when.from === null || when.to === null
        ? t("phases.inPhase", { phase: phaseName(t, when.phase) })
        : t("phases.inPhaseFromTo", { phase: phaseName(t, when.phase), from: date(when.from), to: date(when.to) });
    case "only-concept":
      return t("phases.onlyConcept");
    case "only-before":
      return t("phases.onlyBefore");
    case "was-in-phase":
      return when.until === null
        ? t("phases.wasInPhase", { phase: phaseName(t, when.phase) })
        : t("phases.wasInPhaseUntil", { phase: phaseName(t, when.phase), date: date(when.until) });
    case "unknown":
      return "";
  }
}

export function scheduleProblemText(t: Translate, locale: Locale, problem: ScheduleProblem): string {
  if (problem.code === "startBeforePrevious") {
    return t("phases.schedule.startBeforePrevious", { phase: phaseName(t, problem.phase), date: formatDateTime(problem.at, locale) });
  }
  return t(`phases.schedule.${problem.code}`);
}

/** For components: the phase's name and a refusal's sentence in the reader's language. */
export function usePhaseWords() {
  const t = useT();
  const locale = useLocale();
  return {
    name: (phase: ContestPhase) => phaseName(t, phase),
    refusal: (refusal: Pick<PhaseRefusal, "now" | "when">) => phaseRefusalText(t, locale, refusal),
  };
}
