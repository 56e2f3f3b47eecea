import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
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

export type ReactionsView = {
  reactions: ReactionItem[];
  open: boolean;
  loggedIn: boolean;
  confirmed: boolean;
  mayAnswer: boolean;
  isOrganiser: boolean;
};
type ReactionBase = {
  id: number;
  kind: "question" | "suggestion" | "help" | "answer";
  role: "resident" | "initiator" | "organiser";
  authorName: string;
  body: string;
  createdAt: number;
  hidden: boolean;
  hiddenReason: string | null;
  openReports: number;
};
type ReactionItem = ReactionBase & { answers: ReactionBase[] };

const kindKeys = {
  question: "draagvlak.kindQuestion",
  suggestion: "draagvlak.kindSuggestion",
  help: "draagvlak.kindHelp",
  answer: "draagvlak.kindAnswer",
} as const satisfies Record<ReactionBase["kind"], MessageKey>;

const reasons = ["offensive", "privacy", "spam", "incorrect", "other"] as const;

/** The reactions on an idea, with their answers, and the forms to react, answer, report and hide: plain forms, no JavaScript needed. */
export function Reactions({ view, action, loginPath }: { view: ReactionsView; action: string; loginPath: string }) {
  const t = useT();
  return (
    <section className="card stack" id="reacties" aria-labelledby="reacties-titel">
      <h2 id="reacties-titel">{t("draagvlak.reactionsTitle")}</h2>
      {view.reactions.length === 0 ? (
        <p className="muted">{t("draagvlak.reactionsNone")}</p>
      ) : (
        <ol className="reactions">
          {view.reactions.map((r) => (
            <li key={r.id} className="reaction">
              <ReactionEntry reaction={r} view={view} action={action} />
              {r.answers.length > 0 ? (
                <ol className="reaction-answers" aria-label={t("draagvlak.answerTo", { name: r.authorName })}>
                  {r.answers.map((a) => (
                    <li key={a.id} className="reaction-answer">
                      <ReactionEntry reaction={a} view={view} action={action} />
                    </li>
                  ))}
                </ol>
              ) : null}
              {view.open && view.mayAnswer && !r.hidden ? (
                <ReactionTool
                  action={action}
                  summary={t("draagvlak.answerOpen")}
                  hidden={{ intent: "answer", parentId: String(r.id) }}
                  fieldId={`antwoord-${r.id}`}
                  label={t("draagvlak.answer")}
                  button={t("draagvlak.sendAnswer")}
                  primary
                >
                  <textarea id={`antwoord-${r.id}`} name="body" rows={3} required maxLength={2000} />
                </ReactionTool>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      {!view.open ? (
        <p className="muted">{t("draagvlak.reactionsClosedNotice")}</p>
      ) : !view.loggedIn ? (
        <p>
          <Link to={loginPath}>{t("draagvlak.loginToReact")}</Link>
        </p>
      ) : !view.confirmed ? (
        <p className="muted">{t("draagvlak.confirmToReact")}</p>
      ) : (
        <Form method="post" action={action} className="stack">
          <input type="hidden" name="intent" value="react" />
          <p className="muted small">{t("draagvlak.reactionsLead")}</p>
          <fieldset className="choice-group field">
            <legend>{t("draagvlak.kind")}</legend>
            {(["question", "suggestion", "help"] as const).map((kind, i) => (
              <div className="choice" key={kind}>
                <input type="radio" id={`soort-${kind}`} name="kind" value={kind} defaultChecked={i === 0} />
                <label htmlFor={`soort-${kind}`}>{t(kindKeys[kind])}</label>
              </div>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor="reactie-tekst">{t("draagvlak.body")}</label>
            <p className="field-hint" id="reactie-hint">
              {t("draagvlak.bodyHint")}
            </p>
            <textarea id="reactie-tekst" name="body" rows={4} required maxLength={2000} aria-describedby="reactie-hint" />
          </div>
          <div>
            <button type="submit" className="button primary">
              {t("draagvlak.send")}
            </button>
          </div>
        </Form>
      )}
    </section>
  );
}

function ReactionEntry({ reaction: r, view, action }: { reaction: ReactionBase; view: ReactionsView; action: string }) {
  const t = useT();
  const locale = useLocale();
  const role = r.role === "initiator" ? t("draagvlak.byInitiator") : r.role === "organiser" ? t("draagvlak.byOrganiser") : null;
  return (
    <article aria-label={`${t(kindKeys[r.kind])}: ${r.authorName}`}>
      <p className="reaction-head">
        <strong>{r.authorName}</strong>
        {role ? ` (${role})` : null} · {t(kindKeys[r.kind])} · <time dateTime={new Date(r.createdAt).toISOString()}>{formatDate(r.createdAt, locale)}</time>
        {view.isOrganiser && r.openReports > 0 ? <span className="badge badge-overdue"> {t("draagvlak.reported", { n: r.openReports })}</span> : null}
      </p>
      {r.hidden ? (
        <div className="notice warning small">
          <p>{t("draagvlak.hiddenReaction")}</p>
          {view.isOrganiser ? (
            <>
              <p>
                <strong>{t("draagvlak.hiddenReasonLabel")}:</strong> {r.hiddenReason}
              </p>
              <p className="reaction-body">{r.body}</p>
            </>
          ) : null}
        </div>
      ) : (
        <p className="reaction-body">{r.body}</p>
      )}
      {view.isOrganiser ? (
        r.hidden ? (
          <Form method="post" action={action} className="reaction-tools">
            <input type="hidden" name="intent" value="restore" />
            <input type="hidden" name="reactionId" value={r.id} />
            <button type="submit" className="button">
              {t("draagvlak.restore")}
            </button>
          </Form>
        ) : (
          <ReactionTool
            action={action}
            summary={t("draagvlak.hide")}
            hidden={{ intent: "hide", reactionId: String(r.id) }}
            fieldId={`verberg-${r.id}`}
            label={t("draagvlak.hideReason")}
            button={t("draagvlak.hide")}
          >
            <textarea id={`verberg-${r.id}`} name="reason" rows={2} required maxLength={500} />
          </ReactionTool>
        )
      ) : view.open && view.loggedIn && !r.hidden ? (
        <ReactionTool
          action={action}
          summary={t("draagvlak.report")}
          hidden={{ intent: "report", reactionId: String(r.id) }}
          fieldId={`meld-${r.id}`}
          label={t("draagvlak.reportReason")}
          button={t("draagvlak.report")}
        >
          <select id={`meld-${r.id}`} name="reason" required>
            {reasons.map((reason) => (
              <option key={reason} value={reason}>
                {t(`ideas.reasons.${reason}`)}
              </option>
            ))}
          </select>
        </ReactionTool>
      ) : null}
    </article>
  );
}

/** A folded form under a reaction (answer, hide, report): one field, its hidden intent and ids, one button. */
function ReactionTool(props: {
  action: string;
  summary: string;
  hidden: Record<string, string>;
  fieldId: string;
  label: string;
  button: string;
  primary?: boolean;
  children: ReactNode;
}) {
  return (
    <details className="reaction-tools">
      <summary>{props.summary}</summary>
      <Form method="post" action={props.action} className="stack">
        {Object.entries(props.hidden).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <div className="field">
          <label htmlFor={props.fieldId}>{props.label}</label>
          {props.children}
        </div>
        <div>
          <button type="submit" className={props.primary ? "button primary" : "button"}>
            {props.button}
          </button>
        </div>
      </Form>
    </details>
  );
}
