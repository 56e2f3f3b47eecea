import { parseWithZod } from "~/lib/parse-form";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { now } from "~/lib/clock.server";
import { formatDate } from "~/lib/format";
import { notFound, POST_LIMITS, readForm, redirectWith } from "~/routes-support/http.server";
import { publicOrigin, getEnv } from "~/lib/env.server";
import type { MessageKey } from "~/lib/i18n";
import { useLocale, useT } from "~/lib/i18n/react";
import { followUpOf, isAfterVoteIdea, remindInitiators } from "~/workflows/follow-up.server";
import { storyPath, supportersPath, trackEditPath } from "~/modules/aftercare/paths";
import { nextReferralStatuses } from "~/modules/aftercare/referrals";
import { changeReferral, referIdea } from "~/modules/aftercare/referrals.server";
import { followUpActionSchema } from "~/modules/aftercare/schemas";
import { supportersForOrganisation } from "~/modules/aftercare/supporters.server";
import { TRACK_EDIT_PHASES, TRACK_SHOW_PHASES } from "~/modules/aftercare/track";
import { requireContestManager } from "~/routes-support/contest-access.server";
import { requirePhase } from "~/routes-support/refusals.server";
import { checkPhase, phaseAt } from "~/modules/contests/phases";
import { ideaPath } from "~/modules/ideas/paths";
import { PageTitle } from "~/ui/page-title";
import { TaakgroepBadge } from "~/ui/taakgroepen";
import taakgroepenStyles from "~/ui/taakgroepen.css?url";
import type { I18nHandle } from "~/lib/i18n/sections";

export const handle = { i18n: ["taakgroepen", "aftercare", "initiative"] } satisfies I18nHandle;

export const links = () => [{ rel: "stylesheet", href: taakgroepenStyles }];

// The console's Nazorg tab (issue 8): what needs attention after the vote (quiet ideas, taakgroepen
// short of members, referrals without an answer), every idea's track and referrals, and the small
// forms to refer an idea, move a referral on and remind initiators. Plain forms: it works without JavaScript.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { details } = await requireContestManager(request, params.slug, "aftercare:follow-up");
  const at = now();
  const base = { slug: details.contest.slug, title: details.contest.title };
  if (!checkPhase(phaseAt(details.clock, at), TRACK_SHOW_PHASES).ok) return { ...base, open: false as const };
  const followUp = await followUpOf(details, at);
  return {
    ...base,
    open: true as const,
    ...followUp,
    supporters: (await supportersForOrganisation(details.contest.organisationId)).map((s) => ({ id: s.id, name: s.name, kind: s.kind })),
  };
}

type ActionError = { intent: "refer" | "referral" | "remind"; id: number; message: MessageKey };

export async function action({ request, params }: ActionFunctionArgs) {
  const { details, actor } = await requireContestManager(request, params.slug, "aftercare:follow-up");
  const at = now();
  requirePhase(details, TRACK_EDIT_PHASES, at);
  const submission = parseWithZod(await readForm(request, POST_LIMITS.text), { schema: followUpActionSchema });
  if (submission.status !== "success") {
    const payload = submission.payload;
    const id = Number(payload.referralId ?? payload.ideaId) || 0;
    const intent = payload.intent === "refer" || payload.intent === "referral" || payload.intent === "remind" ? payload.intent : "refer";
    const first = Object.values(submission.error ?? {}).flat()[0] ?? "aftercare.errors.required";
    return data({ error: { intent, id, message: first as MessageKey } satisfies ActionError }, { status: 400 });
  }
  const value = submission.value;
  const back = `/organiseren/${details.contest.slug}/nazorg`;
  const contestId = details.contest.id;
  switch (value.intent) {
    case "refer": {
      if (!(await isAfterVoteIdea(contestId, value.ideaId))) notFound();
      const offered = new Set((await supportersForOrganisation(details.contest.organisationId)).map((s) => s.id));
      if (!value.supporterIds.every((id) => offered.has(id))) notFound();
      await referIdea({ contestId, ideaId: value.ideaId, supporterIds: value.supporterIds, note: value.note, userId: actor.userId, now: at });
      return redirectWith(back, { flash: { key: "aftercare.followUp.referred" } });
    }
    case "referral": {
      const changed = await changeReferral({ contestId, referralId: value.referralId, status: value.status, note: value.note, userId: actor.userId, now: at });
      if (!changed.ok) {
        if (changed.reason === "not-found") notFound();
        const message = changed.reason === "same-status" ? "aftercare.errors.sameStatus" : "aftercare.errors.notAllowed";
        return data({ error: { intent: "referral", id: value.referralId, message } satisfies ActionError }, { status: 400 });
      }
      return redirectWith(back, { flash: { key: "aftercare.followUp.referralSaved" } });
    }
    case "remind": {
      const sent = await remindInitiators({ details, ideaId: value.ideaId, origin: publicOrigin(request, getEnv().appUrl), userId: actor.userId, now: at });
      if (!sent.ok) {
        if (sent.reason === "not-found") notFound();
        const message = sent.reason === "too-soon" ? "aftercare.followUp.remindTooSoon" : "aftercare.followUp.remindNoAddress";
        return data({ error: { intent: "remind", id: value.ideaId, message } satisfies ActionError }, { status: 400 });
      }
      return redirectWith(back, { flash: { key: "aftercare.followUp.reminded" } });
    }
  }
}

function useErrorFor(intent: ActionError["intent"], id: number): string | null {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const error = actionData && "error" in actionData ? actionData.error : null;
  return error && error.intent === intent && error.id === id ? t(error.message) : null;
}

function FieldError({ id, text }: { id: string; text: string | null }) {
  return text ? (
    <p className="field-error" id={id} role="alert">
      {text}
    </p>
  ) : null;
}

type Loaded = Extract<ReturnType<typeof useLoaderData<typeof loader>>, { open: true }>;
type IdeaRow = Loaded["ideas"][number];

function ReferralItem({ referral }: { referral: IdeaRow["referrals"][number] }) {
  const t = useT();
  const locale = useLocale();
  const error = useErrorFor("referral", referral.id);
  const errorId = `referral-${referral.id}-error`;
  const options = [referral.status, ...nextReferralStatuses(referral.status)];
  return (
    <li className="referral">
      <p>
        <strong>{referral.supporter.name}</strong>{" "}
        <span className={`badge referral-${referral.status}`}>{t(`aftercare.referralStatuses.${referral.status}`)}</span>
        <br />
        <span className="small muted">{referral.supporter.contact}</span>
      </p>
      <Form method="post" className="referral-form">
        <input type="hidden" name="intent" value="referral" />
        <input type="hidden" name="referralId" value={referral.id} />
        <div className="field">
          <label htmlFor={`referral-${referral.id}-status`}>{t("aftercare.followUp.newStatus", { supporter: referral.supporter.name })}</label>
          <select id={`referral-${referral.id}-status`} name="status" defaultValue={referral.status}>
            {options.map((s) => (
              <option key={s} value={s}>
                {t(`aftercare.referralStatuses.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`referral-${referral.id}-note`}>{t("aftercare.followUp.note")}</label>
          <input
            id={`referral-${referral.id}-note`}
            name="note"
            maxLength={2000}
            aria-describedby={error ? errorId : undefined}
            aria-invalid={error ? true : undefined}
          />
        </div>
        <button type="submit" className="button">
          {t("aftercare.followUp.saveReferral")}
        </button>
        <FieldError id={errorId} text={error} />
      </Form>
      <details>
        <summary>{t("aftercare.followUp.history")}</summary>
        <ol className="plain-list small">
          {referral.events.map((e, i) => (
            <li key={i}>
              {formatDate(e.at, locale)}: {t(`aftercare.referralStatuses.${e.status}`)}
              {e.note ? ` · ${e.note}` : ""}
            </li>
          ))}
        </ol>
      </details>
    </li>
  );
}

function ReferForm({ idea, supporters }: { idea: IdeaRow; supporters: Loaded["supporters"] }) {
  const t = useT();
  const error = useErrorFor("refer", idea.ideaId);
  const already = new Set(idea.referrals.map((r) => r.supporter.id));
  const legendId = `refer-${idea.ideaId}-legend`;
  if (supporters.length === 0) return <p className="muted small">{t("aftercare.followUp.referNoSupporters")}</p>;
  return (
    <details className="refer" open={error !== null || undefined}>
      <summary>{t("aftercare.followUp.refer")}</summary>
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value="refer" />
        <input type="hidden" name="ideaId" value={idea.ideaId} />
        <fieldset aria-describedby={error ? `${legendId}-error` : undefined}>
          <legend id={legendId}>{t("aftercare.followUp.referSupporters")}</legend>
          {supporters.map((s) => (
            <label key={s.id} className="check">
              <input type="checkbox" name="supporterIds" value={s.id} disabled={already.has(s.id)} /> {s.name}{" "}
              <span className="muted small">
                ({t(`aftercare.kinds.${s.kind}`)}
                {already.has(s.id) ? `, ${t("aftercare.followUp.alreadyReferred")}` : ""})
              </span>
            </label>
          ))}
          <FieldError id={`${legendId}-error`} text={error} />
        </fieldset>
        <div className="field">
          <label htmlFor={`refer-${idea.ideaId}-note`}>{t("aftercare.followUp.referNote")}</label>
          <p className="field-hint" id={`refer-${idea.ideaId}-hint`}>
            {t("aftercare.followUp.referNoteHint")}
          </p>
          <textarea id={`refer-${idea.ideaId}-note`} name="note" rows={2} maxLength={2000} aria-describedby={`refer-${idea.ideaId}-hint`} />
        </div>
        <button type="submit" className="button primary" aria-label={t("aftercare.followUp.referTitle", { title: idea.title })}>
          {t("aftercare.followUp.refer")}
        </button>
      </Form>
    </details>
  );
}

function IdeaCard({ idea, slug, supporters }: { idea: IdeaRow; slug: string; supporters: Loaded["supporters"] }) {
  const t = useT();
  const locale = useLocale();
  const remindError = useErrorFor("remind", idea.ideaId);
  const headingId = `idea-${idea.ideaId}-title`;
  return (
    <article className="card stack followup-idea" aria-labelledby={headingId}>
      <h4 id={headingId}>
        <Link to={ideaPath(slug, idea.ideaId)}>{idea.title}</Link>{" "}
        <span className={`badge ${idea.won ? "badge-ok" : "badge-muted"}`}>
          {idea.won === null ? t("aftercare.followUp.unknown") : idea.won ? (idea.prizeName ?? t("aftercare.followUp.won")) : t("aftercare.followUp.notWon")}
        </span>
      </h4>
      <dl className="followup-facts">
        <dt>{t("aftercare.followUp.trackStatus")}</dt>
        <dd>
          {t(`taakgroepen.track.statuses.${idea.track.status}`)} ·{" "}
          {idea.track.lastUpdateAt ? t("aftercare.followUp.lastNews", { date: formatDate(idea.track.lastUpdateAt, locale) }) : t("aftercare.followUp.noNews")} ·{" "}
          <Link to={trackEditPath(slug, idea.ideaId)}>{t("aftercare.followUp.trackLink")}</Link>
        </dd>
        <dt>{t("aftercare.followUp.taakgroep")}</dt>
        <dd>{idea.taakgroep ? <TaakgroepBadge status={idea.taakgroep} /> : "—"}</dd>
      </dl>
      {idea.reminder === null ? null : !idea.reminder.canMail ? (
        <p className="small muted">{t("aftercare.followUp.remindNoAddress")}</p>
      ) : idea.reminder.nextAt !== null ? (
        <p className="small muted">{t("aftercare.followUp.nextReminder", { date: formatDate(idea.reminder.nextAt, locale) })}</p>
      ) : (
        <Form method="post">
          <input type="hidden" name="intent" value="remind" />
          <input type="hidden" name="ideaId" value={idea.ideaId} />
          <button type="submit" className="button" aria-label={t("aftercare.followUp.remindLabel", { title: idea.title })}>
            {t("aftercare.followUp.remind")}
          </button>
          <FieldError id={`remind-${idea.ideaId}-error`} text={remindError} />
        </Form>
      )}
      <h5>{t("aftercare.followUp.referrals")}</h5>
      {idea.referrals.length === 0 ? (
        <p className="muted small">{t("aftercare.followUp.noReferrals")}</p>
      ) : (
        <ul className="plain-list referrals">
          {idea.referrals.map((r) => (
            <ReferralItem key={r.id} referral={r} />
          ))}
        </ul>
      )}
      <ReferForm idea={idea} supporters={supporters} />
    </article>
  );
}

function Attention({ loaded }: { loaded: Loaded }) {
  const t = useT();
  const locale = useLocale();
  const titleOf = new Map(loaded.ideas.map((i) => [i.ideaId, i.title]));
  return (
    <section className="card stack" aria-labelledby="attention-title">
      <h3 id="attention-title">{t("aftercare.followUp.attention")}</h3>
      <h4>{t("aftercare.followUp.quietTitle")}</h4>
      {loaded.quiet.length === 0 ? (
        <p className="muted">{t("aftercare.followUp.quietNone")}</p>
      ) : (
        <ul>
          {loaded.quiet.map((i) => (
            <li key={i.ideaId}>
              <a href={`#idea-${i.ideaId}-title`}>{i.title}</a> · {t("aftercare.followUp.quietSince", { date: formatDate(i.track.quietSince, locale) })}
            </li>
          ))}
        </ul>
      )}
      <h4>{t("aftercare.followUp.shortTitle")}</h4>
      {loaded.shortTaakgroepen.length === 0 ? (
        <p className="muted">{t("aftercare.followUp.shortNone")}</p>
      ) : (
        <ul>
          {loaded.shortTaakgroepen.map((i) => (
            <li key={i.ideaId}>
              <a href={`#idea-${i.ideaId}-title`}>{i.title}</a> · {i.taakgroep ? <TaakgroepBadge status={i.taakgroep} /> : null}
            </li>
          ))}
        </ul>
      )}
      <h4>{t("aftercare.followUp.unansweredTitle")}</h4>
      {loaded.unanswered.length === 0 ? (
        <p className="muted">{t("aftercare.followUp.unansweredNone")}</p>
      ) : (
        <ul>
          {loaded.unanswered.map((r) => (
            <li key={r.id}>
              {t("aftercare.followUp.unansweredItem", {
                idea: titleOf.get(r.ideaId) ?? "",
                supporter: r.supporter.name,
                date: formatDate(r.createdAt, locale),
              })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export default function FollowUpPage() {
  const t = useT();
  const loaded = useLoaderData<typeof loader>();
  return (
    <section className="stack" aria-labelledby="nazorg-title">
      <PageTitle title={`${t("aftercare.followUp.title")}: ${loaded.title}`} />
      <h2 id="nazorg-title">{t("aftercare.followUp.title")}</h2>
      <p>{t("aftercare.followUp.lead")}</p>
      {!loaded.open ? (
        <p className="notice">{t("aftercare.followUp.notYet")}</p>
      ) : (
        <>
          <p className="link-row">
            <Link to={storyPath(loaded.slug)}>{t("aftercare.followUp.storyLink")}</Link>
            <Link to={supportersPath}>{t("aftercare.followUp.manageSupporters")}</Link>
          </p>
          <Attention loaded={loaded} />
          <h3>{t("aftercare.followUp.ideasTitle")}</h3>
          {loaded.ideas.length === 0 ? <p>{t("aftercare.followUp.none")}</p> : null}
          {loaded.ideas.map((idea) => (
            <IdeaCard key={idea.ideaId} idea={idea} slug={loaded.slug} supporters={loaded.supporters} />
          ))}
        </>
      )}
    </section>
  );
}
