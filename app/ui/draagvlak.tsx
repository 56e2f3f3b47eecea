import { Form, Link } from "@remix-run/react";
import { formatDate } from "~/lib/format";
import type { MessageKey } from "~/lib/i18n";
import { useCountText, useLocale, useT } from "~/lib/i18n/react";
import type { BackingProgress, BackingRefusal } from "~/modules/draagvlak/backing";
import type { AnswerClock } from "~/modules/draagvlak/working-days";

// Draagvlak on the idea page (issue 21): backing with its progress, and the answer promise.

export type BackingView = { progress: BackingProgress; backed: boolean; may: BackingRefusal | null; open: boolean };

const refusalText: Record<BackingRefusal, MessageKey | null> = {
  "not-logged-in": null,
  "email-unconfirmed": "draagvlak.refusedEmail",
  "postcode-outside-area": "draagvlak.refusedArea",
  "own-idea": "draagvlak.refusedOwn",
  "idea-not-open": "draagvlak.refusedClosed",
};

export function BackingCard({ view, action, loginPath }: { view: BackingView; action: string; loginPath: string }) {
  const t = useT();
  const count = useCountText();
  const { progress } = view;
  const refusal = view.may ? refusalText[view.may] : null;
  return (
    <section className="card" id="steun" aria-labelledby="steun-titel">
      <h2 id="steun-titel">{t("draagvlak.sectionTitle")}</h2>
      <p>
        <strong>
          {progress.total === 0
            ? t("draagvlak.backersNone")
            : count(progress.total, { one: "draagvlak.backersOne", other: "draagvlak.backers" }, { n: progress.total })}
        </strong>
        {progress.paper > 0 ? <span className="muted small"> {t("draagvlak.paperPart", { n: progress.paper })}</span> : null}
      </p>
      {progress.minimum > 0 ? (
        <>
          <progress
            className="backing-progress"
            value={Math.min(progress.total, progress.minimum)}
            max={progress.minimum}
            aria-label={t("draagvlak.progressLabel")}
            aria-valuetext={t("draagvlak.progress", { total: progress.total, minimum: progress.minimum })}
          />
          <p className="small">
            {t("draagvlak.progress", { total: progress.total, minimum: progress.minimum })}.{" "}
            {progress.reached
              ? t("draagvlak.reached")
              : count(progress.missing, { one: "draagvlak.missingOne", other: "draagvlak.missing" }, { n: progress.missing })}
          </p>
        </>
      ) : null}
      {view.open ? (
        view.backed ? (
          <Form method="post" action={action} className="backing-form">
            <p>{t("draagvlak.youBack")}</p>
            <button type="submit" name="intent" value="unback" className="button">
              {t("draagvlak.unback")}
            </button>
          </Form>
        ) : view.may === null ? (
          <Form method="post" action={action} className="backing-form">
            <button type="submit" name="intent" value="back" className="button primary">
              {t("draagvlak.back")}
            </button>
            <p className="muted small">{t("draagvlak.whyBack")}</p>
          </Form>
        ) : view.may === "not-logged-in" ? (
          <p>
            <Link to={loginPath}>{t("draagvlak.loginToBack")}</Link> <span className="muted small">{t("draagvlak.whyBack")}</span>
          </p>
        ) : refusal ? (
          <p className="muted small">{t(refusal)}</p>
        ) : null
      ) : null}
    </section>
  );
}

/** The answer promise, for the idea's makers: when they will hear, or that the answer came. */
export function AnswerPromise({ days, clock }: { days: number; clock: AnswerClock }) {
  const t = useT();
  const locale = useLocale();
  if (clock.state === "no-promise") return null;
  // The answer is due at midnight after the last working day: the page names that day.
  const lastDay = formatDate(clock.dueAt - 1, locale, { weekday: true });
  return (
    <section className="notice" aria-labelledby="belofte-titel">
      <h2 id="belofte-titel">{t("draagvlak.promiseTitle")}</h2>
      <p>{t("draagvlak.promise", { days })}</p>
      <p>
        {clock.state === "answered"
          ? t("draagvlak.promiseAnswered", { date: formatDate(clock.answeredAt, locale, { weekday: true }) })
          : clock.state === "overdue"
            ? t("draagvlak.promiseOverdue", { date: lastDay })
            : t("draagvlak.promiseDue", { date: lastDay })}
      </p>
    </section>
  );
}
