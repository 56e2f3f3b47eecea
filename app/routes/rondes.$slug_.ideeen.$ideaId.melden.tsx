import { getFormProps, getInputProps, useForm, type FieldMetadata } from "@conform-to/react";
import { parseWithZod } from "~/lib/parse-form";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { notFound, POST_LIMITS, readForm, redirectWith } from "~/routes-support/http.server";
import { translateMessage } from "~/lib/i18n/core";
import { useT } from "~/lib/i18n/react";
import { loadIdeaContext } from "~/routes-support/idea-access.server";
import { getIdeaDetails } from "~/modules/ideas/ideas.server";
import { reportIdea } from "~/modules/ideas/moderation.server";
import { ideaPath } from "~/modules/ideas/paths";
import { pageVisibility } from "~/modules/ideas/rules";
import { reportReasonsForm, reportSchema } from "~/modules/ideas/schemas";
import { FormErrors, TextAreaField, validateOnSubmit } from "~/ui/form";
import { PageTitle } from "~/ui/page-title";
import ideasStyles from "~/ui/ideas.css?url";
import { roundLookOf } from "~/modules/auth/organisation-look";
import type { I18nHandle } from "~/lib/i18n/sections";

export const handle = { i18n: ["ideas"] } satisfies I18nHandle;

export const links = () => [{ rel: "stylesheet", href: ideasStyles }];

// Anyone who can see an idea may report it or one of its photos; organisers then decide.

async function loadReportable(request: Request, params: { slug?: string; ideaId?: string }) {
  const ctx = await loadIdeaContext(request, params);
  if (pageVisibility(ctx.relation, ctx.idea) !== "full" || ctx.idea.status === "draft" || ctx.idea.hiddenAt) notFound();
  const photos = (await getIdeaDetails(ctx.idea)).photos.filter((p) => !p.hidden);
  return { ctx, photos };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx, photos } = await loadReportable(request, params);
  const chosen = Number(new URL(request.url).searchParams.get("foto"));
  return {
    slug: ctx.details.contest.slug,
    roundLook: roundLookOf(ctx.details),
    ideaId: ctx.idea.id,
    title: ctx.idea.title,
    photos: photos.map((p, i) => ({ id: p.id, n: i + 1, altText: p.altText })),
    about: photos.some((p) => p.id === chosen) ? `photo-${chosen}` : "idea",
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx, photos } = await loadReportable(request, params);
  const submission = parseWithZod(await readForm(request, POST_LIMITS.text), { schema: reportSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const { about, reason, message } = submission.value;
  const photoId = about === "idea" ? null : Number(about.slice("photo-".length));
  if (photoId !== null && !photos.some((p) => p.id === photoId))
    return data(submission.reply({ fieldErrors: { about: ["ideas.errors.choose"] } }), { status: 400 });
  await reportIdea({ idea: ctx.idea, photoId, reason, message: message ?? null, reporterUserId: ctx.auth.user?.id ?? null, now: ctx.at });
  return redirectWith(ideaPath(ctx.details.contest.slug, ctx.idea.id), { flash: { key: "ideas.reported" } });
}

export default function ReportIdeaPage() {
  const t = useT();
  const { slug, ideaId, title, photos, about } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult,
    defaultValue: { about },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: reportSchema }),
    ...validateOnSubmit,
  });
  const aboutOptions = [
    { value: "idea", label: t("ideas.reportAboutIdea") },
    ...photos.map((p) => ({ value: `photo-${p.id}`, label: t("ideas.reportAboutPhoto", { n: p.n, alt: p.altText }) })),
  ];
  return (
    <section className="page narrow idea-page">
      <PageTitle title={`${t("ideas.reportTitle")}: ${title}`} />
      <p className="breadcrumb">
        <Link to={ideaPath(slug, ideaId)}>{title}</Link>
      </p>
      <h1>{t("ideas.reportTitle")}</h1>
      <p className="lead">{t("ideas.reportLead")}</p>
      <Form method="post" {...getFormProps(form)} className="stack card">
        <FormErrors errors={form.errors} id={form.errorId} />
        <RadioGroup field={fields.about} legend={t("ideas.reportAbout")} options={aboutOptions} />
        <RadioGroup
          field={fields.reason}
          legend={t("ideas.reportReason")}
          options={reportReasonsForm.map((r) => ({ value: r, label: t(`ideas.reasons.${r}`) }))}
        />
        <TextAreaField field={fields.message} label={t("ideas.reportMessage")} rows={3} />
        <button type="submit" className="button primary" disabled={navigation.state === "submitting"}>
          {t("ideas.reportButton")}
        </button>
      </Form>
    </section>
  );
}

/** Radio buttons in a fieldset with a legend; the error sits under the legend's group. */
function RadioGroup({ field, legend, options }: { field: FieldMetadata<string | undefined>; legend: string; options: { value: string; label: string }[] }) {
  const t = useT();
  const errors = field.errors ?? [];
  return (
    <fieldset className="choice-group field" data-invalid={errors.length > 0 || undefined} aria-describedby={errors.length > 0 ? field.errorId : undefined}>
      <legend>{legend}</legend>
      {options.map((o) => {
        const props = getInputProps(field, { type: "radio", value: o.value });
        return (
          <div className="choice" key={o.value}>
            <input {...props} key={props.key} id={`${field.id}-${o.value}`} />
            <label htmlFor={`${field.id}-${o.value}`}>{o.label}</label>
          </div>
        );
      })}
      {errors.length > 0 ? (
        <p className="field-error" id={field.errorId}>
          {errors.map((e) => translateMessage(t, e)).join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}
