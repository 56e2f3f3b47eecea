import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "~/lib/parse-form";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { now } from "~/lib/clock.server";
import { getEnv, publicOrigin } from "~/lib/env.server";
import { formatDateTime } from "~/lib/format";
import { POST_LIMITS, readForm, redirectWith } from "~/routes-support/http.server";
import { getLocale } from "~/routes-support/locale.server";
import { useLocale, useT } from "~/lib/i18n/react";
import { userNames } from "~/modules/auth/users.server";
import { requireContestManager } from "~/routes-support/contest-access.server";
import { checkPhase, phaseAt } from "~/modules/contests/phases";
import { criteriaLocked, MAX_CRITERIA, weightShares } from "~/modules/jury/criteria";
import { criteriaFor, saveCriteria } from "~/modules/jury/criteria.server";
import { INVITE_PHASES, inviteJuror, listInvitations, removeJuror, setPublishAggregates, withdrawInvitation } from "~/modules/jury/panel.server";
import { juryDecisionPath, juryOverviewPath, juryPanelPath, juryPath } from "~/modules/jury/paths";
import { criteriaFormSchema, inviteFormSchema, juryPublicationSchema, removeJurorSchema, withdrawInvitationSchema } from "~/modules/jury/schemas";
import { juryOverview, juryRound } from "~/modules/jury/scores.server";
import { CheckboxField, FormErrors, TextField, useFormIdThatResetsAfterPost, validateOnSubmit } from "~/ui/form";
import { PageTitle } from "~/ui/page-title";
import juryStyles from "~/ui/jury.css?url";
import { asHttp } from "~/routes-support/refusals.server";
import type { I18nHandle } from "~/lib/i18n/sections";

export const handle = { i18n: ["jury"] } satisfies I18nHandle;

export const links = () => [{ rel: "stylesheet", href: juryStyles }];

const emptyCriterion = { key: "", name: "", description: "", weight: "" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { details } = await requireContestManager(request, params.slug);
  const contestId = details.contest.id;
  const info = phaseAt(details.clock, now());
  const criteria = await criteriaFor(contestId);
  const shares = weightShares(criteria);
  const overview = await juryOverview(contestId);
  const mayInvite = checkPhase(info, INVITE_PHASES).ok;
  const round = await juryRound(contestId);
  return {
    slug: details.contest.slug,
    title: details.contest.title,
    jurors: overview.jurors.map((j) => ({
      userId: j.userId,
      name: j.name,
      email: j.email,
      isChair: j.isChair,
      done: j.progress.done,
      total: j.progress.total,
      scored: j.progress.done + j.progress.partial,
    })),
    invitations: await listInvitations(contestId),
    mayInvite,
    mayRemove: mayInvite && round.decisionClosedAt === null,
    criteria: criteria.map((c, i) => ({ key: c.key, name: c.name, description: c.description, weight: c.weight, share: shares[i]! })),
    criteriaLocked: criteriaLocked(info),
    criteriaDefaults: {
      criteria: [
        ...criteria.map((c) => ({ key: c.key, name: c.name, description: c.description, weight: String(c.weight) })),
        // Without JavaScript there is no "add a line" button: empty lines to add a criterion.
        ...Array.from({ length: Math.max(0, Math.min(2, MAX_CRITERIA - criteria.length)) }, () => emptyCriterion),
      ],
    },
    publishAggregates: round.publishAggregates,
  };
}

type ActionData = { intent: "invite" | "criteria" | "publication" | "panel"; result: SubmissionResult<string[]> };

export async function action({ request, params }: ActionFunctionArgs) {
  const { details, actor } = await requireContestManager(request, params.slug);
  const form = await readForm(request, POST_LIMITS.text);
  const intent = form.get("intent");
  const at = now();
  const back = juryPanelPath(details.contest.slug);

  if (intent === "criteria") {
    const submission = parseWithZod(form, { schema: criteriaFormSchema });
    if (submission.status !== "success") return data<ActionData>({ intent: "criteria", result: submission.reply() }, { status: 400 });
    const result = await saveCriteria({ actor, details, rows: submission.value, now: at });
    if (!result.ok)
      return data<ActionData>(
        { intent: "criteria", result: submission.reply({ formErrors: [result.reason === "locked" ? "jury.criteriaLocked" : "jury.criteriaTooMany"] }) },
        { status: 409 },
      );
    return redirectWith(back, { flash: { key: "jury.criteriaSaved" } });
  }

  if (intent === "remove-juror") {
    const submission = parseWithZod(form, { schema: removeJurorSchema });
    if (submission.status !== "success") return data<ActionData>({ intent: "panel", result: submission.reply() }, { status: 400 });
    const result = await asHttp(() => removeJuror({ details, actor, jurorUserId: submission.value.jurorUserId, now: at }));
    if (!result.ok)
      return data<ActionData>(
        {
          intent: "panel",
          result: submission.reply({ formErrors: [result.reason === "decision-closed" ? "jury.removeAfterDecision" : "jury.removeNotAJuror"] }),
        },
        { status: 409 },
      );
    return redirectWith(back, { flash: { key: "jury.jurorRemoved", params: { name: result.name } } });
  }

  if (intent === "withdraw-invitation") {
    const submission = parseWithZod(form, { schema: withdrawInvitationSchema });
    if (submission.status !== "success") return data<ActionData>({ intent: "panel", result: submission.reply() }, { status: 400 });
    if (!(await asHttp(async () => withdrawInvitation({ details, actor, invitationId: submission.value.invitationId, now: at })))) {
      return data<ActionData>({ intent: "panel", result: submission.reply({ formErrors: ["jury.withdrawGone"] }) }, { status: 409 });
    }
    return redirectWith(back, { flash: { key: "jury.invitationWithdrawn" } });
  }

  if (intent === "publication") {
    const submission = parseWithZod(form, { schema: juryPublicationSchema });
    if (submission.status !== "success") return data<ActionData>({ intent: "publication", result: submission.reply() }, { status: 400 });
    await setPublishAggregates({ details, actor, publish: submission.value.publishAggregates, now: at });
    return redirectWith(back, { flash: { key: "jury.publicationSaved" } });
  }

  const submission = parseWithZod(form, { schema: inviteFormSchema });
  if (submission.status !== "success") return data<ActionData>({ intent: "invite", result: submission.reply() }, { status: 400 });
  const name = (await userNames([actor.userId])).get(actor.userId) ?? "";
  const locale = await getLocale(request);
  const result = await asHttp(() =>
    inviteJuror({
      details,
      actor: { userId: actor.userId, name },
      email: submission.value.email,
      isChair: submission.value.isChair,
      origin: publicOrigin(request, getEnv().appUrl),
      locale,
      now: at,
    }),
  );
  if (!result.ok)
    return data<ActionData>({ intent: "invite", result: submission.reply({ fieldErrors: { email: ["jury.inviteAlreadyJuror"] } }) }, { status: 409 });
  return redirectWith(back, { flash: { key: "jury.invited", params: { email: submission.value.email } } });
}

/** Behind a "details" so it takes a deliberate second click, and says first what goes with the juror. */
function RemoveJurorForm({ juror }: { juror: { userId: string; name: string; scored: number } }) {
  const t = useT();
  return (
    <details className="jury-remove">
      <summary>{t("jury.removeOpen", { name: juror.name })}</summary>
      <Form method="post" className="stack">
        <p>{juror.scored > 0 ? t("jury.removeExplainScores", { name: juror.name, n: juror.scored }) : t("jury.removeExplain", { name: juror.name })}</p>
        <input type="hidden" name="intent" value="remove-juror" />
        <input type="hidden" name="jurorUserId" value={juror.userId} />
        <div>
          <button type="submit" className="button danger">
            {t("jury.removeButton", { name: juror.name })}
          </button>
        </div>
      </Form>
    </details>
  );
}

function InviteForm({ lastResult }: { lastResult: SubmissionResult<string[]> | undefined }) {
  const t = useT();
  const [form, fields] = useForm({
    id: useFormIdThatResetsAfterPost("invite", { intent: "invite" }),
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: inviteFormSchema }),
    ...validateOnSubmit,
  });
  return (
    <Form method="post" {...getFormProps(form)} className="stack jury-invite">
      <h3>{t("jury.inviteTitle")}</h3>
      <FormErrors errors={form.errors} id={form.errorId} />
      <input type="hidden" name="intent" value="invite" />
      <TextField field={fields.email} type="email" label={t("jury.inviteEmail")} autoComplete="off" inputMode="email" />
      <CheckboxField field={fields.isChair} label={t("jury.inviteChair")} hint={t("jury.inviteChairHint")} />
      <div>
        <button type="submit" className="button primary">
          {t("jury.inviteButton")}
        </button>
      </div>
    </Form>
  );
}

type CriteriaDefaults = { criteria: { key: string; name: string; description: string; weight: string }[] };

function CriteriaForm({ defaults, lastResult }: { defaults: CriteriaDefaults; lastResult: SubmissionResult<string[]> | undefined }) {
  const t = useT();
  const [form, fields] = useForm({
    id: "criteria",
    lastResult,
    defaultValue: defaults,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: criteriaFormSchema }),
    ...validateOnSubmit,
  });
  const rows = fields.criteria.getFieldList();
  return (
    <Form method="post" {...getFormProps(form)}>
      <FormErrors errors={form.errors} id={form.errorId} />
      {fields.criteria.errors ? (
        <p className="form-error" role="alert" id={fields.criteria.errorId}>
          {t(fields.criteria.errors[0] === "jury.criteriaTooMany" ? "jury.criteriaTooMany" : "jury.criteriaRequired")}
        </p>
      ) : null}
      <input type="hidden" name="intent" value="criteria" />
      <p className="field-hint">{t("jury.criteriaHint")}</p>
      {rows.map((row, i) => {
        const c = row.getFieldset();
        return (
          <div className="prize-row criterion-row" key={row.key}>
            <input type="hidden" name={c.key.name} value={(c.key.initialValue as string | undefined) ?? ""} />
            <TextField field={c.name} label={t("jury.criterionName", { n: i + 1 })} />
            <TextField field={c.weight} label={t("jury.criterionWeight", { n: i + 1 })} hint={t("jury.criterionWeightHint")} inputMode="numeric" />
            <TextField field={c.description} label={t("jury.criterionDescription", { n: i + 1 })} />
          </div>
        );
      })}
      <button type="submit" className="button primary">
        {t("jury.criteriaSave")}
      </button>
    </Form>
  );
}

export default function ContestJuryPanel() {
  const t = useT();
  const locale = useLocale();
  const {
    slug,
    title,
    jurors,
    invitations,
    mayInvite,
    mayRemove,
    criteria,
    criteriaLocked: locked,
    criteriaDefaults,
    publishAggregates,
  } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const resultFor = (intent: ActionData["intent"]) => (actionData?.intent === intent ? actionData.result : undefined);
  return (
    <>
      <PageTitle title={`${title} · ${t("jury.panelTitle")}`} />
      <h2 className="visually-hidden">{t("jury.panelTitle")}</h2>
      <p className="hero-actions">
        <Link className="button" to={juryPath(slug)}>
          {t("jury.openScoring")}
        </Link>
        <Link className="button" to={juryOverviewPath(slug)}>
          {t("jury.openOverview")}
        </Link>
        <Link className="button" to={juryDecisionPath(slug)}>
          {t("jury.openDecision")}
        </Link>
      </p>

      <section className="form-section" aria-labelledby="jury-panel">
        <h3 id="jury-panel">{t("jury.panelTitle")}</h3>
        <p className="muted">{t("jury.panelLead")}</p>
        {jurors.length === 0 ? <p>{t("jury.panelEmpty")}</p> : null}
        <FormErrors errors={resultFor("panel")?.error?.[""] ?? undefined} id="jury-panel-errors" />
        <ul className="plain-list jury-members">
          {jurors.map((j) => (
            <li key={j.userId}>
              <strong>{j.name}</strong> <span className="muted">({j.email})</span>
              {j.isChair ? <span className="badge badge-ok jury-chair-badge">{t("jury.chair")}</span> : null} ·{" "}
              {t("jury.jurorProgress", { done: j.done, total: j.total })}
              {mayRemove ? <RemoveJurorForm juror={j} /> : null}
            </li>
          ))}
        </ul>
        {invitations.length > 0 ? (
          <>
            <h4>{t("jury.invitedTitle")}</h4>
            <ul className="plain-list jury-members">
              {invitations.map((i) => (
                <li key={i.id}>
                  {i.email}
                  {i.isChair ? ` (${t("jury.chair")})` : ""} ·{" "}
                  <span className="muted">{t("jury.invitedOn", { date: formatDateTime(i.invitedAt, locale) })}</span>
                  {mayInvite ? (
                    <Form method="post" className="jury-withdraw">
                      <input type="hidden" name="intent" value="withdraw-invitation" />
                      <input type="hidden" name="invitationId" value={i.id} />
                      <button type="submit" className="button small-button" aria-label={t("jury.withdrawLabel", { email: i.email })}>
                        {t("jury.withdrawButton")}
                      </button>
                    </Form>
                  ) : null}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {mayInvite ? <InviteForm lastResult={resultFor("invite")} /> : null}
      </section>

      <section className="form-section" aria-labelledby="jury-criteria">
        <h3 id="jury-criteria">{t("jury.criteriaTitle")}</h3>
        <p>{t("jury.criteriaLead")}</p>
        {locked ? (
          <>
            <p className="notice warning">{t("jury.criteriaLocked")}</p>
            <table className="jury-table">
              <thead>
                <tr>
                  <th scope="col">{t("jury.criterionColName")}</th>
                  <th scope="col" className="number">
                    {t("jury.criterionColWeight")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {criteria.map((c) => (
                  <tr key={c.key}>
                    <th scope="row">
                      {c.name}
                      {c.description ? <span className="muted small criterion-description">{c.description}</span> : null}
                    </th>
                    <td className="number">{c.share}%</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : (
          <CriteriaForm defaults={criteriaDefaults} lastResult={resultFor("criteria")} />
        )}
      </section>

      <PublicationForm publishAggregates={publishAggregates} />
    </>
  );
}

function PublicationForm({ publishAggregates }: { publishAggregates: boolean }) {
  const t = useT();
  const [form, fields] = useForm({ id: "publication", defaultValue: { publishAggregates: publishAggregates ? "on" : "" } });
  return (
    <Form method="post" {...getFormProps(form)} className="form-section">
      <h3>{t("jury.publicationTitle")}</h3>
      <input type="hidden" name="intent" value="publication" />
      <CheckboxField field={fields.publishAggregates} label={t("jury.publishAggregates")} hint={t("jury.publishAggregatesHint")} />
      <button type="submit" className="button">
        {t("jury.publicationSave")}
      </button>
    </Form>
  );
}
