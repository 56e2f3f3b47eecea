import type { CSSProperties } from "react";
import { formatDateRange } from "~/lib/date-range";
import { useLocale, useT } from "~/lib/i18n/react";
import { type PhaseInfo, type Schedule } from "~/modules/contests/phases";
import { timelineOf } from "~/modules/contests/public-view";
import { phaseName } from "~/ui/phase-words";

/**
 * The seven phases of a contest as an ordered list: done phases ticked, the running one marked with
 * aria-current="step" and a "Vandaag" marker at how far it has come. Horizontal on wide screens,
 * vertical on a phone (~/ui/rounds.css). Give it the effective schedule (with overrides applied).
 */
export function Timeline({
  schedule,
  info,
  now,
  labelledBy,
}: {
  schedule: Schedule;
  info: Pick<PhaseInfo, "phase" | "inGap">;
  now: number;
  /** id of the heading that names the list. */
  labelledBy?: string;
}) {
  const t = useT();
  const locale = useLocale();
  const model = timelineOf(schedule, info, now);
  const statusText = { done: t("rounds.timelineDone"), current: t("rounds.timelineCurrent"), upcoming: t("rounds.timelineUpcoming") };
  return (
    <div className="timeline">
      {model.today === "before" ? <p className="timeline-today-outside">{t("rounds.timelineTodayBefore")}</p> : null}
      <ol className="timeline-steps" aria-labelledby={labelledBy}>
        {model.steps.map((step, i) => (
          <li
            key={step.phase}
            className={`timeline-step is-${step.status}`}
            aria-current={step.status === "current" ? "step" : undefined}
            style={step.progress !== null ? ({ "--progress": `${Math.round(step.progress * 1000) / 10}%` } as CSSProperties) : undefined}
          >
            <span className="timeline-marker" aria-hidden="true">
              {step.status === "done" ? "✓" : i + 1}
            </span>
            {step.progress !== null ? <span className="timeline-today">{t("rounds.timelineToday")}</span> : null}
            {step.todayBefore ? <span className="timeline-today is-gap">{t("rounds.timelineTodayGap")}</span> : null}
            <span className="timeline-label">{phaseName(t, step.phase)}</span>
            <span className="timeline-dates">{formatDateRange(step.start, step.end, locale)}</span>
            {info.phase === "concept" ? null : (
              // "Nog niet begonnen" under every later phase is noise to the eye, but a screen reader needs it.
              <span className={step.status === "upcoming" ? "visually-hidden" : "timeline-status"}>{statusText[step.status]}</span>
            )}
          </li>
        ))}
      </ol>
      {model.today === "after" ? <p className="timeline-today-outside">{t("rounds.timelineTodayAfter")}</p> : null}
    </div>
  );
}
