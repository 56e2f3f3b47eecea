import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "~/lib/parse-form";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useMemo } from "react";
import { now } from "~/lib/clock.server";
import { vatTerms } from "~/lib/format";
import { redirectWith } from "~/routes-support/http.server";
import { useT } from "~/lib/i18n/react";
import { requirePermission } from "~/routes-support/guards.server";
import { requireContestManager } from "~/routes-support/contest-access.server";
import { requirePhase } from "~/routes-support/refusals.server";
import { readIdeaForm } from "~/routes-support/idea-form.server";
import { createIdea, getIdeaLists } from "~/modules/ideas/ideas.server";
import { ideaPath, moderationPath } from "~/modules/ideas/paths";
import { MAX_PHOTOS_PER_IDEA } from "~/modules/ideas/photos";
import { PAPER_PHASES } from "~/modules/ideas/rules";
import { COST_LINE_ROWS, paperConsentWays, paperIdeaSchema } from "~/modules/ideas/schemas";
import { CheckboxField, FormErrors, SelectField, TextField, validateOnSubmit } from "~/ui/form";
import { IdeaFields, PhotoSlot } from "~/ui/idea-form";
import { PageTitle } from "~/ui/page-title";
import ideasStyles from "~/ui/ideas.css?url";
import mapStyles from "~/ui/map.css?url";
import { placeSettings } from "~/routes-support/map-settings.server";
import type { I18nHandle } from "~/lib/i18n/sections";

export const handle = { i18n: ["ideas", "geo"] } satisfies I18nHandle;

export const links = () => [
  { rel: "stylesheet", href: ideasStyles },
  { rel: "stylesheet", href: mapStyles },
];

// An organiser types in an idea that came in on paper, on the resident's behalf and with their consent.

async function load(request: Request, slug: string | undefined) {
  const { details, actor } = await requireContestManager(request, slug);
  await requirePermission(request, "idea:enter-paper", details.target);
  requirePhase(details, PAPER_PHASES, now());
  return { details, actor };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { details } = await load(request, params.slug);
  return {
    slug: details.contest.slug,
    title: details.contest.title,
    lists: await getIdeaLists(details.contest.id),
    place: await placeSettings(details),
    vat: vatTerms(details.contest),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { details, actor } = await load(request, params.slug);
  const lists = await getIdeaLists(details.contest.id);
  const schema = paperIdeaSchema({ categoryIds: lists.categories.map((c) => c.id), buurtIds: lists.buurten.map((b) => b.id) });
  const read = await readIdeaForm(request, schema, 0, { details, ip: context.clientIp, now: now() });
  if (!read.ok) return read.response;
  const { paperName, paperContact, paperConsentHow, consent: _consent, ...values } = read.value;
  const ideaId = await createIdea({
    contestId: details.contest.id,
    values,
    author: { kind: "paper", name: paperName, contact: paperContact, consentHow: paperConsentHow, enteredByUserId: actor.userId },
    photo: read.photo,
    now: now(),
  });
  return redirectWith(ideaPath(details.contest.slug, ideaId), { flash: { key: "ideas.paperSaved" } });
}

export default function PaperIdeaPage() {
  const t = useT();
  const { slug, title, lists, place, vat } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const schema = useMemo(() => paperIdeaSchema({ categoryIds: lists.categories.map((c) => c.id), buurtIds: lists.buurten.map((b) => b.id) }), [lists]);
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    defaultValue: { costLines: Array.from({ length: COST_LINE_ROWS }, () => ({ description: "", amount: "" })) },
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    ...validateOnSubmit,
  });
  return (
    <div className="idea-page org-ideas">
      <PageTitle title={`${title} · ${t("ideas.paperTitle")}`} />
      <p className="small">
        <Link to={moderationPath(slug)}>{t("ideas.orgTitle")}</Link>
      </p>
      <h2>{t("ideas.paperTitle")}</h2>
      <p>{t("ideas.paperLead")}</p>
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="idea-form stack">
        <FormErrors errors={form.errors} id={form.errorId} />
        <fieldset className="idea-section">
          <legend>{t("ideas.paperSectionWho")}</legend>
          <div className="stack">
            <TextField field={fields.paperName} label={t("ideas.paperName")} hint={t("ideas.paperNameHint")} autoComplete="off" />
            <TextField field={fields.paperContact} label={t("ideas.paperContact")} hint={t("ideas.paperContactHint")} autoComplete="off" />
            <SelectField
              field={fields.paperConsentHow}
              label={t("ideas.paperConsentHow")}
              options={[{ value: "", label: t("ideas.chooseOne") }, ...paperConsentWays.map((w) => ({ value: w, label: t(`ideas.consentWays.${w}`) }))]}
            />
            <CheckboxField field={fields.consent} label={t("ideas.paperConsent")} />
          </div>
        </fieldset>
        <IdeaFields fields={fields} categories={lists.categories} buurten={lists.buurten} place={place} vat={vat} />
        <fieldset className="idea-section">
          <legend>{t("ideas.sectionPhoto")}</legend>
          <PhotoSlot altField={fields.photoAlt} error={actionData?.photoError} remaining={MAX_PHOTOS_PER_IDEA} />
        </fieldset>
        <button type="submit" className="button primary" disabled={navigation.state === "submitting"}>
          {t("ideas.paperSubmit")}
        </button>
      </Form>
    </div>
  );
}
