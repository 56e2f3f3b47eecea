import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "~/lib/parse-form";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { getEnv, publicOrigin } from "~/lib/env.server";
import { POST_LIMITS, readForm, redirectWith } from "~/routes-support/http.server";
import { useT } from "~/lib/i18n/react";
import { requireUser } from "~/routes-support/guards.server";
import { requirePhase } from "~/routes-support/refusals.server";
import { loadIdeaContext } from "~/routes-support/idea-access.server";
import { ideaPath } from "~/modules/ideas/paths";
import { requireSignupIdea } from "~/routes-support/taakgroep-access.server";
import { TAAKGROEP_PHASES, taakgroepTags } from "~/modules/taakgroepen/record";
import { joinSchema, signupActionSchema } from "~/modules/taakgroepen/schemas";
import { joinTaakgroep, taakgroepView, withdrawFromTaakgroep } from "~/modules/taakgroepen/taakgroepen.server";
import { getTrack } from "~/modules/aftercare/track.server";
import { trackIsFinished } from "~/modules/aftercare/track";
import { getTranslator } from "~/routes-support/locale.server";
import { CheckboxField, CheckboxGroup, FormErrors, TextAreaField, TextField, validateOnSubmit } from "~/ui/form";
import { PageTitle } from "~/ui/page-title";
import { tagKeys } from "~/ui/taakgroepen";
import ideasStyles from "~/ui/ideas.css?url";
import taakgroepenStyles from "~/ui/taakgroepen.css?url";
import { roundLookOf } from "~/modules/auth/organisation-look";
import type { I18nHandle } from "~/lib/i18n/sections";

export const handle = { i18n: ["ideas", "taakgroepen"] } satisfies I18nHandle;

export const links = () => [
  { rel: "stylesheet", href: ideasStyles },
  { rel: "stylesheet", href: taakgroepenStyles },
];

// "Ik doe mee" on an idea page: during the vote and after (TAAKGROEP_PHASES), for anyone with an
// account. A second sign-up updates the first; withdrawing adds a row.

async function loadSignup(request: Request, params: { slug?: string; ideaId?: string }) {
  const auth = await requireUser(request);
  const ctx = await loadIdeaContext(request, params);
  requireSignupIdea(ctx);
  requirePhase(ctx.details, TAAKGROEP_PHASES, ctx.at);
  return { ctx, user: auth.user };
}

/** Joining a realised or stopped idea is refused as its page no longer offers it (issue 18.3). */
async function requireOpenToJoin(request: Request, ideaId: number): Promise<void> {
  const { status } = await getTrack(ideaId);
  if (!trackIsFinished(status)) return;
  const t = await getTranslator(request);
  throw data({ message: t(status === "gerealiseerd" ? "taakgroepen.leadRealised" : "taakgroepen.leadStopped") }, { status: 409 });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx, user } = await loadSignup(request, params);
  await requireOpenToJoin(request, ctx.idea.id);
  const own = (
    await taakgroepView({
      contestId: ctx.details.contest.id,
      ideaId: ctx.idea.id,
      minimum: ctx.details.contest.minTaakgroepSize,
      userId: user.id,
      canSeeMembers: false,
    })
  ).own;
  return {
    slug: ctx.details.contest.slug,
    roundLook: roundLookOf(ctx.details),
    ideaId: ctx.idea.id,
    title: ctx.idea.title,
    defaults: own
      ? {
          name: own.name,
          contact: own.contact,
          skills: own.skills ?? "",
          tags: [...own.tags],
          timeAvailable: own.timeAvailable ?? "",
          sharesContact: own.sharesContact ? "on" : "",
        }
      : { name: user.name, contact: user.email, skills: "", tags: [] as string[], timeAvailable: "", sharesContact: "on" },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx, user } = await loadSignup(request, params);
  const submission = parseWithZod(await readForm(request, POST_LIMITS.text), { schema: signupActionSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const back = ideaPath(ctx.details.contest.slug, ctx.idea.id);
  const value = submission.value;
  if (value.intent === "withdraw") {
    const done = await withdrawFromTaakgroep({ contestId: ctx.details.contest.id, ideaId: ctx.idea.id, userId: user.id, now: ctx.at });
    return redirectWith(back, { flash: { key: done ? "taakgroepen.withdrawn" : "taakgroepen.notIn" } });
  }
  await requireOpenToJoin(request, ctx.idea.id);
  const { formedNow } = await joinTaakgroep({
    contestId: ctx.details.contest.id,
    ideaId: ctx.idea.id,
    userId: user.id,
    name: value.name,
    contact: value.contact,
    skills: value.skills,
    tags: value.tags,
    timeAvailable: value.timeAvailable,
    sharesContact: value.sharesContact,
    minimum: ctx.details.contest.minTaakgroepSize,
    now: ctx.at,
    ideaTitle: ctx.idea.title,
    origin: publicOrigin(request, getEnv().appUrl),
    ideaPath: back,
  });
  return redirectWith(back, { flash: { key: formedNow ? "taakgroepen.formed" : "taakgroepen.joined" } });
}

export default function JoinTaakgroepPage() {
  const t = useT();
  const { slug, ideaId, title, defaults } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult,
    defaultValue: defaults,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: joinSchema }),
    ...validateOnSubmit,
  });
  return (
    <section className="page narrow idea-page">
      <PageTitle title={t("taakgroepen.joinTitle", { title })} />
      <p className="breadcrumb">
        <Link to={ideaPath(slug, ideaId)}>{title}</Link>
      </p>
      <h1>{t("taakgroepen.joinTitle", { title })}</h1>
      <p className="lead">{t("taakgroepen.joinLead")}</p>
      <Form method="post" {...getFormProps(form)} className="stack card">
        <input type="hidden" name="intent" value="join" />
        <FormErrors errors={form.errors} id={form.errorId} />
        <TextField field={fields.name} label={t("taakgroepen.name")} autoComplete="name" />
        <TextField field={fields.contact} label={t("taakgroepen.contact")} hint={t("taakgroepen.contactHint")} autoComplete="email" />
        <TextAreaField field={fields.skills} label={t("taakgroepen.skills")} hint={t("taakgroepen.skillsHint")} rows={3} />
        <CheckboxGroup field={fields.tags} label={t("taakgroepen.tags")} options={taakgroepTags.map((tag) => ({ value: tag, label: t(tagKeys[tag]) }))} />
        <TextField field={fields.timeAvailable} label={t("taakgroepen.time")} hint={t("taakgroepen.timeHint")} />
        <CheckboxField field={fields.sharesContact} label={t("taakgroepen.sharesContact")} hint={t("taakgroepen.sharesContactHint")} />
        <button type="submit" className="button primary" disabled={navigation.state === "submitting"}>
          {t("taakgroepen.submit")}
        </button>
      </Form>
    </section>
  );
}
