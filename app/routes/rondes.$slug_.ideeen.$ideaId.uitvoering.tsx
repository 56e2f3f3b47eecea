import { getFormProps, getInputProps, useForm, type FieldMetadata } from "@conform-to/react";
import { parseWithZod } from "~/lib/parse-form";
import { vatTerms } from "~/lib/format";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { z } from "zod";
import { redirectWith, notFound } from "~/routes-support/http.server";
import { translateMessage } from "~/lib/i18n/core";
import { useT } from "~/lib/i18n/react";
import { requireTrackIdea, trackWriterOf } from "~/routes-support/aftercare-access.server";
import {
  dashboardSchema,
  grantSchema,
  milestoneSchema,
  partnerSchema,
  spendingSchema,
  statusSchema,
  trackActionSchema,
  updateSchema,
} from "~/modules/aftercare/schemas";
import { mayOpenTrack, mayWriteTrack, TRACK_EDIT_PHASES, trackStatuses, trackWrites, type TrackWrite, type TrackWriter } from "~/modules/aftercare/track";
import {
  addMilestone,
  addPartner,
  addSpending,
  addUpdate,
  getTrack,
  partnerLeaves,
  setDashboard,
  setGrant,
  setMilestoneDone,
  setTrackStatus,
} from "~/modules/aftercare/track.server";
import { getTranslator } from "~/routes-support/locale.server";
import { requirePermission, requireUser } from "~/routes-support/guards.server";
import { requirePhase } from "~/routes-support/refusals.server";
import { loadIdeaContext } from "~/routes-support/idea-access.server";
import { checkPhoto, readUploadForm } from "~/routes-support/idea-form.server";
import { ideaPath } from "~/modules/ideas/paths";
import { photoProblemMessage } from "~/modules/ideas/photos";
import { PhotoSlot } from "~/ui/idea-form";
import { CheckboxField, FormErrors, SelectField, TextAreaField, TextField, useFormIdThatResetsAfterPost, validateOnSubmit } from "~/ui/form";
import { PageTitle } from "~/ui/page-title";
import { RealisationTrack } from "~/ui/realisation-track";
import ideasStyles from "~/ui/ideas.css?url";
import taakgroepenStyles from "~/ui/taakgroepen.css?url";
import { roundLookOf } from "~/modules/auth/organisation-look";
import type { I18nHandle } from "~/lib/i18n/sections";

export const handle = { i18n: ["ideas", "taakgroepen", "aftercare", "initiative", "geo"] } satisfies I18nHandle;

export const links = () => [
  { rel: "stylesheet", href: ideasStyles },
  { rel: "stylesheet", href: taakgroepenStyles },
];

// The realisation track's edit page, the initiative's dashboard: the idea's makers and organisers,
// from the prize-giving on and, after nazorg, in the archive too (mayWriteTrack, ADR 028). Each part is
// a small form of its own (told apart by `intent`), so it works without JavaScript.

async function loadTrack(request: Request, params: { slug?: string; ideaId?: string }) {
  await requireUser(request);
  const ctx = await loadIdeaContext(request, params);
  requireTrackIdea(ctx);
  await requirePermission(request, "aftercare:update", ctx.target);
  const writer = trackWriterOf(ctx) as TrackWriter;
  // Outside the track's time the phase guard answers 409 with the reason in words.
  if (!mayOpenTrack(writer, ctx.phase)) requirePhase(ctx.details, TRACK_EDIT_PHASES, ctx.at);
  const may = Object.fromEntries(trackWrites.map((write) => [write, mayWriteTrack({ write, writer, phase: ctx.phase })])) as Record<TrackWrite, boolean>;
  return { ctx, writer, may, isOrganiser: writer === "organiser", userId: ctx.auth.user!.id };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx, isOrganiser, may } = await loadTrack(request, params);
  return {
    slug: ctx.details.contest.slug,
    roundLook: roundLookOf(ctx.details),
    ideaId: ctx.idea.id,
    title: ctx.idea.title,
    isOrganiser,
    may,
    archived: ctx.phase.phase === "afgesloten",
    vat: vatTerms(ctx.details.contest),
    track: { ...(await getTrack(ctx.idea.id)), canUpdate: false, archived: false },
  };
}

type Intent = z.infer<typeof trackActionSchema>["intent"];
const INTENTS = [
  "status",
  "milestone",
  "milestone-done",
  "update",
  "spending",
  "grant",
  "dashboard",
  "partner",
  "partner-leaves",
] as const satisfies readonly Intent[];
const writeOf = (intent: Intent): TrackWrite => (intent === "partner-leaves" ? "partner" : intent);

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx, isOrganiser, userId, may } = await loadTrack(request, params);
  // The update form may carry a photo (multipart); the other small forms are read the same way.
  const form = await readUploadForm(request);
  const submission = parseWithZod(form.formData, { schema: trackActionSchema });
  const intentOf = (): Intent | null => {
    const raw = submission.payload.intent;
    return typeof raw === "string" && (INTENTS as readonly string[]).includes(raw) ? (raw as Intent) : null;
  };
  // Authorised before anything is read further: a grant is the organisers', and after nazorg the money is too.
  const intent = intentOf();
  if (intent && !may[writeOf(intent)]) {
    if (intent === "grant" || ctx.phase.phase !== "afgesloten") throw new Response("Forbidden", { status: 403 });
    throw data({ message: (await getTranslator(request))("initiative.archiveNote") }, { status: 409 });
  }
  const { photo, photoError, altError } = intentOf() === "update" ? await checkPhoto(form, 0) : { photo: null, photoError: null, altError: false };
  if (submission.status !== "success" || photoError || altError) {
    const fieldErrors = altError ? { photoAlt: [photoProblemMessage["alt-missing"]] } : undefined;
    return data({ intent: intentOf(), result: submission.reply({ fieldErrors }), photoError }, { status: 400 });
  }
  const value = submission.value;
  const base = { contestId: ctx.details.contest.id, ideaId: ctx.idea.id, writer: { userId, isOrganiser }, now: ctx.at };
  switch (value.intent) {
    case "status":
      await setTrackStatus({ ...base, status: value.status });
      break;
    case "milestone":
      await addMilestone({ ...base, title: value.title, dueOn: value.dueOn });
      break;
    case "milestone-done":
      if (!(await setMilestoneDone({ ...base, milestoneId: value.milestoneId, done: value.done }))) notFound();
      break;
    case "update":
      await addUpdate({ ...base, text: value.text, photo });
      break;
    case "grant":
      await setGrant({ ...base, grantedEuros: value.granted });
      break;
    case "dashboard":
      await setDashboard({ ...base, dashboard: { municipalityRole: value.municipalityRole, helps: value.helps, hinders: value.hinders } });
      break;
    case "partner":
      await addPartner({ ...base, name: value.name, role: value.role });
      break;
    case "partner-leaves":
      if (!(await partnerLeaves({ ...base, partnerId: value.partnerId }))) notFound();
      break;
    case "spending": {
      const decision = await addSpending({
        ...base,
        description: value.description,
        amountEuros: value.amount,
        spentOn: value.spentOn,
        override: value.override,
      });
      if (!decision.ok) {
        const message = decision.reason === "no-grant" ? "taakgroepen.track.errors.noGrant" : "taakgroepen.track.errors.overBudget";
        return data({ intent: "spending" as Intent, result: submission.reply({ fieldErrors: { amount: [message] } }), photoError: null }, { status: 400 });
      }
      break;
    }
  }
  return redirectWith(`${ideaPath(ctx.details.contest.slug, ctx.idea.id)}/uitvoering`, { flash: { key: "taakgroepen.track.saved" } });
}

/** The action's answer belongs to the small form that was sent, not to the others on the page. */
function useLastResult(id: Intent) {
  const actionData = useActionData<typeof action>();
  return actionData?.intent === id ? actionData.result : undefined;
}

/** A date field (the shared TextField has no date type): label, input, error, like the others. */
function DateField({ field, label }: { field: FieldMetadata<string | undefined>; label: string }) {
  const t = useT();
  const errors = field.errors ?? [];
  const props = getInputProps(field, { type: "date" });
  return (
    <div className="field" data-invalid={errors.length > 0 || undefined}>
      <label htmlFor={field.id}>{label}</label>
      <input {...props} key={props.key} />
      {errors.length > 0 ? (
        <p className="field-error" id={field.errorId}>
          {errors.map((e) => translateMessage(t, e)).join(" ")}
        </p>
      ) : null}
    </div>
  );
}

export default function ManageTrackPage() {
  const t = useT();
  const { slug, ideaId, title, may, archived, vat, track } = useLoaderData<typeof loader>();
  const [dashboardForm, dashboardFields] = useForm({
    id: "dashboard",
    lastResult: useLastResult("dashboard"),
    defaultValue: track.dashboard,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: dashboardSchema }),
    ...validateOnSubmit,
  });
  const [partnerForm, partnerFields] = useForm({
    id: useFormIdThatResetsAfterPost("partner", { intent: "partner" }),
    lastResult: useLastResult("partner"),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: partnerSchema }),
    ...validateOnSubmit,
  });
  const [statusForm, statusFields] = useForm({
    id: "status",
    lastResult: useLastResult("status"),
    defaultValue: { status: track.status },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: statusSchema }),
    ...validateOnSubmit,
  });
  const [milestoneForm, milestoneFields] = useForm({
    id: useFormIdThatResetsAfterPost("milestone", { intent: "milestone" }),
    lastResult: useLastResult("milestone"),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: milestoneSchema }),
    ...validateOnSubmit,
  });
  const [updateForm, updateFields] = useForm({
    id: useFormIdThatResetsAfterPost("update", { intent: "update" }),
    lastResult: useLastResult("update"),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: updateSchema }),
    ...validateOnSubmit,
  });
  const [spendingForm, spendingFields] = useForm({
    id: useFormIdThatResetsAfterPost("spending", { intent: "spending" }),
    lastResult: useLastResult("spending"),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: spendingSchema }),
    ...validateOnSubmit,
  });
  const [grantForm, grantFields] = useForm({
    id: "grant",
    lastResult: useLastResult("grant"),
    defaultValue: track.money.grantedEuros !== null ? { granted: String(track.money.grantedEuros) } : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: grantSchema }),
    ...validateOnSubmit,
  });
  const managePath = `${ideaPath(slug, ideaId)}/uitvoering`;
  const actionData = useActionData<typeof action>();
  const updatePhotoError = actionData?.intent === "update" ? actionData.photoError : null;
  return (
    <section className="page narrow idea-page">
      <PageTitle title={t("taakgroepen.track.manageTitle", { title })} />
      <p className="breadcrumb">
        <Link to={ideaPath(slug, ideaId)}>{title}</Link>
      </p>
      <h1>{t("taakgroepen.track.manageTitle", { title })}</h1>
      <p className="lead">{t("taakgroepen.track.manageLead")}</p>
      {archived ? <p className="notice">{t("initiative.archiveNote")}</p> : null}

      <Form method="post" {...getFormProps(statusForm)} className="stack card">
        <input type="hidden" name="intent" value="status" />
        <FormErrors errors={statusForm.errors} id={statusForm.errorId} />
        <SelectField
          field={statusFields.status}
          label={t("taakgroepen.track.status")}
          options={trackStatuses.map((s) => ({ value: s, label: t(`taakgroepen.track.statuses.${s}`) }))}
        />
        <button type="submit" className="button">
          {t("taakgroepen.track.save")}
        </button>
      </Form>

      <Form method="post" encType="multipart/form-data" {...getFormProps(updateForm)} className="stack card">
        <input type="hidden" name="intent" value="update" />
        <FormErrors errors={updateForm.errors} id={updateForm.errorId} />
        <TextAreaField field={updateFields.text} label={t("taakgroepen.track.updateText")} rows={4} />
        <PhotoSlot altField={updateFields.photoAlt} error={updatePhotoError} remaining={1} />
        <button type="submit" className="button primary">
          {t("taakgroepen.track.addUpdate")}
        </button>
      </Form>

      <Form method="post" {...getFormProps(milestoneForm)} className="stack card">
        <input type="hidden" name="intent" value="milestone" />
        <FormErrors errors={milestoneForm.errors} id={milestoneForm.errorId} />
        <TextField field={milestoneFields.title} label={t("taakgroepen.track.milestoneTitle")} />
        <DateField field={milestoneFields.dueOn} label={t("taakgroepen.track.milestoneDate")} />
        <button type="submit" className="button">
          {t("taakgroepen.track.addMilestone")}
        </button>
      </Form>
      {track.milestones.length > 0 ? (
        <ul className="plain-list card">
          {track.milestones.map((m) => (
            <li key={m.id}>
              <Form method="post" className="taakgroep-mark">
                <input type="hidden" name="intent" value="milestone-done" />
                <input type="hidden" name="milestoneId" value={m.id} />
                <input type="hidden" name="done" value={m.done ? "nee" : "ja"} />
                <span>
                  {m.title} ({m.dueOn}){m.done ? ` · ${t("taakgroepen.track.milestoneDone")}` : ""}
                </span>
                <button type="submit" className="button">
                  {m.done ? t("taakgroepen.track.markNotDone", { title: m.title }) : t("taakgroepen.track.markDone", { title: m.title })}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      ) : null}

      <section className="stack card" aria-labelledby="dashboard-title">
        <h2 id="dashboard-title">{t("initiative.dashboardTitle")}</h2>
        <p>{t("initiative.dashboardLead")}</p>
        <Form method="post" {...getFormProps(dashboardForm)} className="stack">
          <input type="hidden" name="intent" value="dashboard" />
          <FormErrors errors={dashboardForm.errors} id={dashboardForm.errorId} />
          <TextAreaField field={dashboardFields.municipalityRole} label={t("initiative.municipalityRole")} rows={3} />
          <TextAreaField field={dashboardFields.helps} label={t("initiative.helps")} rows={3} />
          <TextAreaField field={dashboardFields.hinders} label={t("initiative.hinders")} rows={3} />
          <button type="submit" className="button">
            {t("initiative.saveDashboard")}
          </button>
        </Form>
        <h3>{t("initiative.partners")}</h3>
        {track.partners.length > 0 ? (
          <ul className="plain-list">
            {track.partners.map((p) => (
              <li key={p.id}>
                <Form method="post" className="taakgroep-mark">
                  <input type="hidden" name="intent" value="partner-leaves" />
                  <input type="hidden" name="partnerId" value={p.id} />
                  <span>
                    <strong>{p.name}</strong>: {p.role}
                    {p.left ? <span className="muted"> ({t("initiative.partnerLeft")})</span> : null}
                  </span>
                  {p.left ? null : (
                    <button type="submit" className="button">
                      {t("initiative.partnerLeaves", { name: p.name })}
                    </button>
                  )}
                </Form>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("initiative.noPartners")}</p>
        )}
        <Form method="post" {...getFormProps(partnerForm)} className="stack">
          <input type="hidden" name="intent" value="partner" />
          <FormErrors errors={partnerForm.errors} id={partnerForm.errorId} />
          <TextField field={partnerFields.name} label={t("initiative.partnerName")} hint={t("initiative.partnerNameHint")} />
          <TextField field={partnerFields.role} label={t("initiative.partnerRole")} />
          <button type="submit" className="button">
            {t("initiative.addPartner")}
          </button>
        </Form>
      </section>

      {may.grant ? (
        <Form method="post" {...getFormProps(grantForm)} className="stack card">
          <input type="hidden" name="intent" value="grant" />
          <FormErrors errors={grantForm.errors} id={grantForm.errorId} />
          <TextField field={grantFields.granted} label={t(vat === "incl" ? "initiative.grantIncl" : "initiative.grantExcl")} inputMode="numeric" />
          <button type="submit" className="button">
            {t("taakgroepen.track.setGrant")}
          </button>
        </Form>
      ) : null}

      {may.spending ? (
        <Form method="post" {...getFormProps(spendingForm)} className="stack card">
          <input type="hidden" name="intent" value="spending" />
          <FormErrors errors={spendingForm.errors} id={spendingForm.errorId} />
          <TextField field={spendingFields.description} label={t("taakgroepen.track.spendingDescription")} />
          <TextField field={spendingFields.amount} label={t(vat === "incl" ? "initiative.amountIncl" : "initiative.amountExcl")} inputMode="numeric" />
          <DateField field={spendingFields.spentOn} label={t("taakgroepen.track.spendingDate")} />
          {may.grant ? <CheckboxField field={spendingFields.override} label={t("taakgroepen.track.spendingOverride")} /> : null}
          <button type="submit" className="button">
            {t("taakgroepen.track.addSpending")}
          </button>
        </Form>
      ) : null}

      <RealisationTrack view={track} managePath={managePath} vat={vat} />
    </section>
  );
}
