import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "~/lib/parse-form";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useMemo } from "react";
import { formatDateTime, vatTerms } from "~/lib/format";
import { redirectWith } from "~/routes-support/http.server";
import { useLocale, useT } from "~/lib/i18n/react";
import { requirePhase } from "~/routes-support/refusals.server";
import { loadContestForIdeas } from "~/routes-support/idea-access.server";
import { rememberDraft } from "~/routes-support/idea-cookies.server";
import { newToken } from "~/modules/ideas/tokens.server";
import { readIdeaForm } from "~/routes-support/idea-form.server";
import { handIn } from "~/modules/ideas/handin.server";
import { handInFlashParams } from "~/modules/participation/participation.server";
import { createIdea, getIdeaLists } from "~/modules/ideas/ideas.server";
import { editIdeaPath, finishIdeaPath, ideaPath, ideasPath } from "~/modules/ideas/paths";
import { MAX_PHOTOS_PER_IDEA } from "~/modules/ideas/photos";
import { SUBMIT_PHASES } from "~/modules/ideas/rules";
import { COST_LINE_ROWS, ideaFormSchema } from "~/modules/ideas/schemas";
import { FormErrors, validateOnSubmit } from "~/ui/form";
import { IdeaFields, PhotoSlot } from "~/ui/idea-form";
import { PageTitle } from "~/ui/page-title";
import ideasStyles from "~/ui/ideas.css?url";
import mapStyles from "~/ui/map.css?url";
import { placeSettings } from "~/routes-support/map-settings.server";
import { roundLookOf } from "~/modules/auth/organisation-look";
import type { I18nHandle } from "~/lib/i18n/sections";

export const handle = { i18n: ["ideas", "geo"] } satisfies I18nHandle;

export const links = () => [
  { rel: "stylesheet", href: ideasStyles },
  { rel: "stylesheet", href: mapStyles },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await loadContestForIdeas(request, params.slug);
  const phase = requirePhase(ctx.details, SUBMIT_PHASES, ctx.at);
  const lists = await getIdeaLists(ctx.details.contest.id);
  return {
    slug: ctx.details.contest.slug,
    roundLook: roundLookOf(ctx.details),
    contestTitle: ctx.details.contest.title,
    deadline: phase.until,
    loggedIn: Boolean(ctx.auth.user),
    lists,
    place: await placeSettings(ctx.details),
    vat: vatTerms(ctx.details.contest),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const ctx = await loadContestForIdeas(request, params.slug);
  requirePhase(ctx.details, SUBMIT_PHASES, ctx.at);
  const lists = await getIdeaLists(ctx.details.contest.id);
  const schema = ideaFormSchema({ categoryIds: lists.categories.map((c) => c.id), buurtIds: lists.buurten.map((b) => b.id) });
  const read = await readIdeaForm(request, schema, 0, { details: ctx.details, ip: context.clientIp, now: ctx.at });
  if (!read.ok) return read.response;
  const { intent, ...values } = read.value;
  const user = ctx.auth.user;
  // Without an account the draft belongs to this browser, through a token in a cookie.
  const draftToken = user ? null : newToken();
  const ideaId = await createIdea({
    contestId: ctx.details.contest.id,
    values,
    author: user ? { kind: "user", userId: user.id } : { kind: "anonymous", draftToken: draftToken! },
    photo: read.photo,
    now: ctx.at,
  });
  const cookies = draftToken ? [await rememberDraft(request, ideaId, draftToken)] : [];
  const slug = ctx.details.contest.slug;
  if (intent === "submit") {
    if (!user) return redirectWith(finishIdeaPath(slug, ideaId), { cookies });
    const handedIn = await handIn({ request, details: ctx.details, idea: { id: ideaId, title: values.title }, user, confirmed: true, now: ctx.at });
    // The idea page then asks the optional questions on who takes part (ADR 014).
    return redirectWith(ideaPath(slug, ideaId), {
      flash: { key: "ideas.submitted", params: handedIn ? handInFlashParams(ctx.details.contest.id) : undefined },
    });
  }
  return redirectWith(editIdeaPath(slug, ideaId), { cookies, flash: { key: "ideas.draftSaved" } });
}

export default function NewIdeaPage() {
  const t = useT();
  const locale = useLocale();
  const { slug, contestTitle, deadline, loggedIn, lists, place, vat } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const schema = useMemo(() => ideaFormSchema({ categoryIds: lists.categories.map((c) => c.id), buurtIds: lists.buurten.map((b) => b.id) }), [lists]);
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    defaultValue: { costLines: Array.from({ length: COST_LINE_ROWS }, () => ({ description: "", amount: "" })) },
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    ...validateOnSubmit,
  });
  return (
    <section className="page idea-page">
      <PageTitle title={t("ideas.newTitle")} />
      <p className="breadcrumb">
        <Link to={`/rondes/${slug}`}>{contestTitle}</Link> <span aria-hidden="true">›</span> <Link to={ideasPath(slug)}>{t("ideas.listTitle")}</Link>
      </p>
      <h1>{t("ideas.newTitle")}</h1>
      <p className="lead">{t("ideas.newLead")}</p>
      {deadline !== null ? <p>{t("ideas.handInUntil", { date: formatDateTime(deadline, locale) })}</p> : null}
      {!loggedIn ? <p className="notice">{t("ideas.newNoAccount")}</p> : null}
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="idea-form stack">
        <FormErrors errors={form.errors} id={form.errorId} />
        <p className="muted small">{t("ideas.requiredNote")}</p>
        <IdeaFields fields={fields} categories={lists.categories} buurten={lists.buurten} place={place} vat={vat} />
        <fieldset className="idea-section">
          <legend>{t("ideas.sectionPhoto")}</legend>
          <PhotoSlot altField={fields.photoAlt} error={actionData?.photoError} remaining={MAX_PHOTOS_PER_IDEA} />
        </fieldset>
        <div className="form-actions">
          <button type="submit" name="intent" value="submit" className="button primary" disabled={navigation.state === "submitting"}>
            {t("ideas.submit")}
          </button>
          <button type="submit" name="intent" value="save" className="button" disabled={navigation.state === "submitting"}>
            {t("ideas.saveDraft")}
          </button>
        </div>
      </Form>
    </section>
  );
}
