import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "~/lib/parse-form";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { formatDateTime } from "~/lib/format";
import { notFound, readForm, redirectWith } from "~/routes-support/http.server";
import { useLocale, useT } from "~/lib/i18n/react";
import { requirePermission } from "~/routes-support/guards.server";
import { now } from "~/lib/clock.server";
import { requireContestManager } from "~/routes-support/contest-access.server";
import { ideaOrigin } from "~/modules/ideas/handin.server";
import { getIdea, getIdeaDetails, initiatorNames } from "~/modules/ideas/ideas.server";
import { sendHiddenMail } from "~/modules/ideas/mails.server";
import { dismissReport, hideIdea, hidePhoto, listReports, restoreIdea, restorePhoto } from "~/modules/ideas/moderation.server";
import { editIdeaPath, ideaPath, moderateIdeaPath, moderationPath, photoUrl } from "~/modules/ideas/paths";
import { hideSchema } from "~/modules/ideas/schemas";
import { IdeaStatusBadge } from "~/ui/idea-card";
import { FormErrors, TextAreaField, validateOnSubmit } from "~/ui/form";
import { PageTitle } from "~/ui/page-title";
import ideasStyles from "~/ui/ideas.css?url";
import type { ReportReason } from "~db/schema";
import { budgetPartsOf, partsOf, setIdeaPart } from "~/modules/contests/budget-parts.server";
import { BEFORE_VOTING } from "~/modules/contests/budget-parts-form";
import { checkPhase, phaseAt } from "~/modules/contests/phases";
import { asHttp } from "~/routes-support/refusals.server";
import { IdeaPartForm } from "~/ui/budget-parts";
import type { I18nHandle } from "~/lib/i18n/sections";

export const handle = { i18n: ["ideas", "budgetParts"] } satisfies I18nHandle;

export const links = () => [{ rel: "stylesheet", href: ideasStyles }];

// An organiser looks at one idea: its reports, and hides or restores it or one of its photos.
// Hiding needs a reason, which goes to the indiener by email; nothing is deleted; all is logged.

async function load(request: Request, params: { slug?: string; ideaId?: string }) {
  const { details, actor } = await requireContestManager(request, params.slug);
  await requirePermission(request, "idea:moderate", details.target);
  const ideaId = Number(params.ideaId);
  const idea = Number.isSafeInteger(ideaId) ? await getIdea(details.contest.id, ideaId) : undefined;
  if (!idea || idea.status === "draft") notFound();
  return { details, actor, idea };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { details, idea } = await load(request, params);
  const info = await getIdeaDetails(idea);
  return {
    slug: details.contest.slug,
    idea: {
      id: idea.id,
      title: idea.title,
      status: idea.status,
      hidden: idea.hiddenAt !== null,
      hiddenReason: idea.hiddenReason,
      isPaper: idea.isPaper,
      paperContact: idea.paperContact,
      paperConsentHow: idea.paperConsentHow,
      paperConsentAt: idea.paperConsentAt?.getTime() ?? null,
      initiators: initiatorNames(idea, info),
    },
    photos: info.photos.map((p, i) => ({
      id: p.id,
      n: i + 1,
      url: photoUrl(p.storageKey, "small"),
      altText: p.altText,
      hidden: p.hidden,
      hiddenReason: p.hiddenReason,
    })),
    reports: await listReports(idea.id),
    budgetPart: await budgetPartOf(details, idea),
  };
}

/** The idea's part of the budget (ADR 026), when the round has parts. */
async function budgetPartOf(details: Awaited<ReturnType<typeof load>>["details"], idea: { buurtId: number | null; categoryId: number | null }) {
  const split = details.contest.budgetSplit;
  if (split === "none") return null;
  return {
    parts: partsOf(await budgetPartsOf(details.contest)).map((p) => ({ id: p.id, name: p.name })),
    current: split === "buurt" ? idea.buurtId : idea.categoryId,
    locked: !checkPhase(phaseAt(details.clock, now()), BEFORE_VOTING).ok,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { details, actor, idea } = await load(request, params);
  const formData = await readForm(request);
  const intent = String(formData.get("intent") ?? "");
  const at = now();
  const back = moderateIdeaPath(details.contest.slug, idea.id);
  const base = { idea, actorUserId: actor.userId, now: at };
  const owner = (await getIdeaDetails(idea)).owner;
  const about = { slug: details.contest.slug, contestTitle: details.contest.title, ideaId: idea.id, ideaTitle: idea.title, origin: ideaOrigin(request) };

  if (intent === "hide-idea" || intent === "hide-photo") {
    const formId = String(formData.get("formId") ?? intent);
    const submission = parseWithZod(formData, { schema: hideSchema });
    if (submission.status !== "success") return data({ formId, result: submission.reply() }, { status: 400 });
    const { reason } = submission.value;
    const photo = intent === "hide-photo";
    const done = photo ? await hidePhoto({ ...base, photoId: Number(formData.get("photoId")), reason }) : await hideIdea({ ...base, reason });
    if (done && owner) await sendHiddenMail({ to: owner, about, reason, photo });
    return redirectWith(back, { flash: { key: owner ? "ideas.orgHidden" : "ideas.orgHiddenPaper" } });
  }
  if (intent === "set-part") {
    const partId = Number(String(formData.get("partId") ?? "").slice(0, 12));
    const result = await asHttp(async () => setIdeaPart({ actor, details, ideaId: idea.id, partId, now: at }));
    if (!result.ok) throw new Response("Bad Request", { status: 400 });
    return redirectWith(back, { flash: { key: "budgetParts.idea.saved" } });
  }
  if (intent === "restore-idea") await restoreIdea(base);
  else if (intent === "restore-photo") await restorePhoto({ ...base, photoId: Number(formData.get("photoId")) });
  else if (intent === "dismiss-report") {
    await dismissReport({ ...base, reportId: Number(formData.get("reportId")) });
    return redirectWith(back, { flash: { key: "ideas.orgDismissed" } });
  } else throw new Response("Bad Request", { status: 400 });
  return redirectWith(back, { flash: { key: "ideas.orgRestored" } });
}

export default function ModerateIdeaPage() {
  const t = useT();
  const locale = useLocale();
  const { slug, idea, photos, reports, budgetPart } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const resultFor = (formId: string) => (actionData && actionData.formId === formId ? actionData.result : undefined);
  const photoNumber = (photoId: number | null) => photos.find((p) => p.id === photoId)?.n;
  return (
    <div className="org-ideas">
      <PageTitle title={t("ideas.orgIdeaTitle", { title: idea.title })} />
      <p className="small">
        <Link to={moderationPath(slug)}>{t("ideas.orgTitle")}</Link>
      </p>
      <h2>
        {idea.title} <IdeaStatusBadge status={idea.status} hidden={idea.hidden} />
      </h2>
      <p className="muted">{idea.initiators.join(", ")}</p>
      <p className="actions-row">
        <Link to={ideaPath(slug, idea.id)}>{t("ideas.orgView")}</Link>
        {idea.status !== "withdrawn" ? <Link to={editIdeaPath(slug, idea.id)}>{t("ideas.orgEdit")}</Link> : null}
      </p>
      {idea.isPaper ? (
        <div className="card">
          {idea.paperContact ? (
            <p>
              <strong>{t("ideas.orgContact")}:</strong> {idea.paperContact}
            </p>
          ) : null}
          {idea.paperConsentAt !== null ? (
            <p className="small muted">
              {t("ideas.orgConsent", {
                how: idea.paperConsentHow && isConsentWay(idea.paperConsentHow) ? t(`ideas.consentWays.${idea.paperConsentHow}`) : (idea.paperConsentHow ?? ""),
                date: formatDateTime(idea.paperConsentAt, locale),
              })}
            </p>
          ) : null}
        </div>
      ) : null}

      {budgetPart ? <IdeaPartForm {...budgetPart} /> : null}

      <section className="card" aria-labelledby="meldingen">
        <h3 id="meldingen">{t("ideas.orgReports")}</h3>
        {reports.length === 0 ? <p className="muted">{t("ideas.orgNoReports")}</p> : null}
        <ul className="report-list">
          {reports.map((r) => (
            <li key={r.id} className={r.resolution ? "resolved" : undefined}>
              <p>
                <strong>{t(`ideas.reasons.${r.reason as ReportReason}`)}</strong> · {t("ideas.orgReportAbout")}:{" "}
                {r.photoId === null ? t("ideas.reportAboutIdea") : t("ideas.orgPhotoLabel", { n: photoNumber(r.photoId) ?? "?" })} ·{" "}
                <span className="small muted">{formatDateTime(r.createdAt, locale)}</span>
              </p>
              {r.message ? <p className="idea-text">{r.message}</p> : null}
              {r.resolution ? (
                <p className="small">
                  {t("ideas.orgReportResolved", { resolution: r.resolution === "hidden" ? t("ideas.orgResolutionHidden") : t("ideas.orgResolutionDismissed") })}
                </p>
              ) : (
                <Form method="post">
                  <input type="hidden" name="reportId" value={r.id} />
                  <button type="submit" name="intent" value="dismiss-report" className="button small-button">
                    {t("ideas.orgDismiss")}
                  </button>
                </Form>
              )}
            </li>
          ))}
        </ul>
      </section>

      <section className="card" aria-labelledby="verbergen">
        <h3 id="verbergen">{idea.hidden ? t("ideas.orgRestoreIdea") : t("ideas.orgHideIdea")}</h3>
        {idea.hidden ? (
          <>
            <p>
              <strong>{t("ideas.hiddenReasonLabel")}:</strong> {idea.hiddenReason}
            </p>
            <Form method="post">
              <button type="submit" name="intent" value="restore-idea" className="button">
                {t("ideas.orgRestoreIdea")}
              </button>
            </Form>
          </>
        ) : (
          <>
            <p>{t("ideas.orgHideLead")}</p>
            <HideForm formId="hide-idea" intent="hide-idea" button={t("ideas.orgHideIdea")} lastResult={resultFor("hide-idea")} />
          </>
        )}
      </section>

      {photos.length > 0 ? (
        <section className="card" aria-labelledby="fotos">
          <h3 id="fotos">{t("ideas.photos")}</h3>
          <ul className="moderate-photos">
            {photos.map((p) => (
              <li key={p.id}>
                <img src={p.url} alt={p.altText} width={480} height={320} loading="lazy" />
                <p className="small">
                  {t("ideas.orgPhotoLabel", { n: p.n })}: {p.altText}
                </p>
                {p.hidden ? (
                  <>
                    <p className="small">
                      <strong>{t("ideas.hiddenReasonLabel")}:</strong> {p.hiddenReason}
                    </p>
                    <Form method="post">
                      <input type="hidden" name="photoId" value={p.id} />
                      <button type="submit" name="intent" value="restore-photo" className="button small-button">
                        {t("ideas.orgRestore")}
                      </button>
                    </Form>
                  </>
                ) : (
                  <HideForm
                    formId={`hide-photo-${p.id}`}
                    intent="hide-photo"
                    photoId={p.id}
                    button={t("ideas.orgHidePhoto")}
                    lastResult={resultFor(`hide-photo-${p.id}`)}
                  />
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

function isConsentWay(value: string): value is "paper-form" | "in-person" | "phone" | "email" {
  return ["paper-form", "in-person", "phone", "email"].includes(value);
}

function HideForm({
  formId,
  intent,
  photoId,
  button,
  lastResult,
}: {
  formId: string;
  intent: string;
  photoId?: number;
  button: string;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const t = useT();
  const [form, fields] = useForm({
    id: formId,
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: hideSchema }),
    ...validateOnSubmit,
  });
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <FormErrors errors={form.errors} id={form.errorId} />
      <input type="hidden" name="formId" value={formId} />
      {photoId !== undefined ? <input type="hidden" name="photoId" value={photoId} /> : null}
      <TextAreaField field={fields.reason} label={t("ideas.orgHideReason")} hint={t("ideas.orgHideReasonHint")} rows={3} />
      <button type="submit" name="intent" value={intent} className="button">
        {button}
      </button>
    </Form>
  );
}
