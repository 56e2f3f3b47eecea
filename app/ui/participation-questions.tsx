import { Link, useFetcher } from "@remix-run/react";
import type { MessageKey } from "~/lib/i18n/core";
import { useT } from "~/lib/i18n/react";
import { participationPath } from "~/modules/participation/paths";
import { AGE_BANDS, FIRST_TIME_ANSWERS, ELSEWHERE, type AnswersReply, type QuestionsForm } from "~/modules/participation/questions";

// The three optional questions on the page after a vote or a hand-in (issue 9, ADR 014). A small
// form of its own, never part of the ballot's post: the vote's fast path stays as it is. With
// JavaScript the answer comes back in place (the receipt stays on the screen); without, the answer
// route shows it on a page of its own.

export const replyMessages: Record<AnswersReply["state"], MessageKey> = {
  recorded: "participation.thanks",
  used: "participation.used",
  empty: "participation.empty",
  invalid: "participation.invalid",
  closed: "participation.closed",
  "bad-answer": "participation.invalidAnswer",
};

export function ParticipationQuestions({ questions, receiptFirst = false }: { questions: QuestionsForm; receiptFirst?: boolean }) {
  const t = useT();
  const fetcher = useFetcher<AnswersReply>();
  const reply = fetcher.data;
  if (reply && (reply.state === "recorded" || reply.state === "used")) {
    return (
      <section className="card participation-questions" aria-labelledby="deelname-titel">
        <h2 id="deelname-titel">{t("participation.questionsTitle")}</h2>
        <p role="status">
          <strong>{t(replyMessages[reply.state])}</strong> {reply.state === "recorded" ? t("participation.thanksLead") : null}
        </p>
      </section>
    );
  }
  const radio = (name: string, value: string, label: string) => (
    <div className="choice" key={value}>
      <input type="radio" id={`deelname-${name}-${value}`} name={name} value={value} />
      <label htmlFor={`deelname-${name}-${value}`}>{label}</label>
    </div>
  );
  return (
    <section className="card participation-questions" aria-labelledby="deelname-titel">
      <h2 id="deelname-titel">{t("participation.questionsTitle")}</h2>
      <p>{t("participation.questionsLead")}</p>
      {receiptFirst ? (
        <p>
          <strong>{t("participation.receiptFirst")}</strong>
        </p>
      ) : null}
      <fetcher.Form method="post" action={participationPath(questions.slug)} className="participation-form">
        <input type="hidden" name="token" value={questions.token} />
        {reply ? (
          <p className="form-error" role="alert">
            {t(replyMessages[reply.state])}
          </p>
        ) : null}
        <fieldset className="choice-group">
          <legend>{t("participation.ageQuestion")}</legend>
          {AGE_BANDS.map((band) => radio("leeftijd", band, t(`participation.ageBands.${band}`)))}
        </fieldset>
        {questions.buurten.length > 0 ? (
          <fieldset className="choice-group">
            <legend>{t("participation.buurtQuestion")}</legend>
            {questions.buurten.map((b) => radio("buurt", b.key, b.name))}
            {radio("buurt", ELSEWHERE, t("participation.buurtElsewhere"))}
          </fieldset>
        ) : null}
        <fieldset className="choice-group">
          <legend>{questions.moment === "stemmen" ? t("participation.firstTimeVote") : t("participation.firstTimeIdea")}</legend>
          {FIRST_TIME_ANSWERS.map((answer) => radio("eersteKeer", answer, answer === "ja" ? t("participation.yes") : t("participation.no")))}
        </fieldset>
        <p className="participation-actions">
          <button type="submit" className="button" disabled={fetcher.state !== "idle"}>
            {t("participation.send")}
          </button>
        </p>
        <p className="muted">
          {t("participation.skip")} <Link to={participationPath(questions.slug)}>{t("participation.whyLink")}</Link>
        </p>
      </fetcher.Form>
    </section>
  );
}
