// Shared parts of the jury pages: the 1-to-5 scale, the progress bar, the bar chart of averages
// and the indiener's view of the jury's answer. Styles: app/ui/jury.css (linked by the routes).

import type { ReactNode } from "react";
import { translateMessage } from "~/lib/i18n/core";
import { useLocale, useT } from "~/lib/i18n/react";
import { formatDateTime } from "~/lib/format";
import type { IdeaJuryOutcomeView } from "~/modules/jury/outcome";
import { formatNumber } from "~/lib/i18n/numbers";

export type { IdeaJuryOutcomeView };

/** 3.8, 3,8 in Dutch: averages with one decimal, as people read a school mark. */
export function formatScore(value: number, locale: "nl" | "en"): string {
  return formatNumber(value, locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

/**
 * One criterion as a group of five radio buttons. Works without JavaScript; the buttons are big
 * enough to tap on a phone. Each option's accessible name starts with its visible number.
 */
export function ScoreScale(props: {
  name: string;
  id: string;
  label: string;
  description?: string;
  weightText?: string;
  value: number | undefined;
  errors?: string[];
  disabled?: boolean;
}) {
  const t = useT();
  const words = [t("jury.scale1"), t("jury.scale2"), t("jury.scale3"), t("jury.scale4"), t("jury.scale5")];
  const descriptionId = props.description ? `${props.id}-description` : undefined;
  const errorId = props.errors?.length ? `${props.id}-error` : undefined;
  const describedBy = [descriptionId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset className="score-scale" aria-describedby={describedBy} data-invalid={errorId ? true : undefined}>
      <legend>
        <span className="score-criterion">{props.label}</span>
        {props.weightText ? <span className="score-weight"> ({props.weightText})</span> : null}
      </legend>
      {props.description ? (
        <p className="field-hint" id={descriptionId}>
          {props.description}
        </p>
      ) : null}
      <div className="score-options">
        {words.map((word, i) => {
          const value = i + 1;
          const optionId = `${props.id}-${value}`;
          return (
            <div className="score-option" key={value}>
              <input
                type="radio"
                id={optionId}
                name={props.name}
                value={value}
                defaultChecked={props.value === value}
                disabled={props.disabled}
                aria-invalid={errorId ? true : undefined}
              />
              <label htmlFor={optionId}>
                <span className="score-number">{value}</span>
                <span className={value === 1 || value === 5 ? "score-word" : "score-word visually-hidden"}>{word.replace(/^\d\s*/, "")}</span>
              </label>
            </div>
          );
        })}
      </div>
      {errorId ? (
        <p className="field-error" id={errorId}>
          {props.errors!.map((e) => translateMessage(t, e)).join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}

/** A progress bar with its text: the text is what counts, the bar only shows it. */
export function JuryProgressBar({ label, done, total, children }: { label: string; done: number; total: number; children?: ReactNode }) {
  const percent = total === 0 ? 100 : Math.floor((done * 100) / total);
  return (
    <div className="jury-progress">
      <p className="jury-progress-text">{label}</p>
      <progress max={Math.max(total, 1)} value={total === 0 ? 1 : done} aria-label={label}>
        {percent}%
      </progress>
      {children}
    </div>
  );
}

export type ChartRow = { ideaId: number; title: string; average: number | null; count: number; rank: number | null; tied: boolean };

/**
 * The averages as horizontal bars on a 0-to-5 scale: readable on a 375 px phone (title above its bar)
 * and by a screen reader (a list of "title: 3,8"). The same figures are in the table beside it.
 */
export function JuryBarChart({ rows, title }: { rows: readonly ChartRow[]; title: string }) {
  const t = useT();
  const locale = useLocale();
  return (
    <figure className="jury-chart">
      <figcaption>
        <strong>{title}</strong> <span className="muted small">{t("jury.chartLabel")}</span>
      </figcaption>
      <ol className="jury-bars">
        {rows.map((row) => (
          <li key={row.ideaId}>
            <span className="jury-bar-label">
              {row.rank !== null ? <span className="jury-bar-rank">{row.rank}. </span> : null}
              {row.title}
              {row.tied ? <span className="jury-bar-tied"> ({t("jury.tied")})</span> : null}
            </span>
            <span className="jury-bar-row">
              <span className="jury-bar-track" aria-hidden="true">
                {row.average !== null ? (
                  <span className={`jury-bar-fill${row.tied ? " is-tied" : ""}`} style={{ width: `${(row.average / 5) * 100}%` }} />
                ) : null}
              </span>
              <span className={row.average !== null ? "jury-bar-value" : "jury-bar-value is-empty"}>
                {row.average !== null ? formatScore(row.average, locale) : t("jury.noScore")}
              </span>
            </span>
          </li>
        ))}
      </ol>
      <div className="jury-axis" aria-hidden="true">
        <span>0</span>
        <span>1</span>
        <span>2</span>
        <span>3</span>
        <span>4</span>
        <span>5</span>
      </div>
    </figure>
  );
}

/**
 * The jury's answer on an idea page, for the idea page to render with the data from
 * `ideaJuryOutcome` (app/modules/jury/outcome.server.ts). Shows the motivation and the aftercare
 * offer to the makers of the idea; others see only the outcome and a published score.
 */
export function IdeaJuryOutcome({ view }: { view: IdeaJuryOutcomeView }) {
  const t = useT();
  const locale = useLocale();
  const shortlisted = view.outcome === "shortlisted";
  return (
    <section className={`card jury-outcome ${shortlisted ? "is-shortlisted" : "is-not-shortlisted"}`} aria-labelledby="jury-outcome-title">
      <h2 id="jury-outcome-title">{t("jury.outcomeTitle")}</h2>
      <p className="jury-outcome-verdict">
        <strong>{shortlisted ? t("jury.outcomeShortlistedShort") : t("jury.outcomeNotShortlistedShort")}</strong>
        {view.motivation !== null ? <> · {shortlisted ? t("jury.outcomeShortlistedText") : t("jury.outcomeNotShortlistedText")}</> : null}
      </p>
      {view.publicScore ? <p>{t("jury.publicScore", { average: formatScore(view.publicScore.average, locale), count: view.publicScore.count })}</p> : null}
      {view.motivation !== null ? (
        <>
          <h3>{t("jury.outcomeMotivation")}</h3>
          <p className="jury-motivation">{view.motivation}</p>
          <p className="muted small">{t("jury.decisionClosedOn", { date: formatDateTime(view.decidedAt, locale) })}</p>
          {!shortlisted ? (
            <div className="notice jury-aftercare">
              <h3>{t("jury.aftercareTitle")}</h3>
              <p>{t("jury.aftercareText")}</p>
            </div>
          ) : null}
        </>
      ) : null}
      {view.feedback.length > 0 ? (
        <>
          <h3>{t("jury.feedbackTitle")}</h3>
          <ul className="plain-list jury-feedback-list">
            {view.feedback.map((f) => (
              <li key={f.id}>
                <p className="jury-motivation">{f.body}</p>
                <p className="muted small">{t("jury.feedbackBy", { name: f.authorName, date: formatDateTime(f.createdAt, locale) })}</p>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
