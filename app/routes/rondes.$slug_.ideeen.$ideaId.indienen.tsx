import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "~/lib/parse-form";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { getEnv, publicOrigin } from "~/lib/env.server";
import { readForm, redirectWith } from "~/routes-support/http.server";
import { getLocale, getTranslator } from "~/routes-support/locale.server";
import { useT } from "~/lib/i18n/react";
import { registerAccount } from "~/modules/auth/accounts.server";
import { registerSchema } from "~/modules/auth/schemas";
import { createSessionCookie } from "~/modules/auth/session.server";
import { requirePhase } from "~/routes-support/refusals.server";
import { loadIdeaContext, type IdeaContext } from "~/routes-support/idea-access.server";
import { forgetDraft } from "~/routes-support/idea-cookies.server";
import { handIn } from "~/modules/ideas/handin.server";
import { handInFlashParams } from "~/modules/participation/participation.server";
import { claimDraft, getIdeaLists } from "~/modules/ideas/ideas.server";
import { editIdeaPath, finishIdeaPath, ideaPath } from "~/modules/ideas/paths";
import { missingForSubmission, SUBMIT_PHASES } from "~/modules/ideas/rules";
import { FormErrors, TextField, validateOnSubmit } from "~/ui/form";
import { PageTitle } from "~/ui/page-title";
import ideasStyles from "~/ui/ideas.css?url";
import { roundLookOf } from "~/modules/auth/organisation-look";
import type { I18nHandle } from "~/lib/i18n/sections";

export const handle = { i18n: ["ideas"] } satisfies I18nHandle;

export const links = () => [{ rel: "stylesheet", href: ideasStyles }];

// The last step of handing in without an account: make one (or log in), and the draft is handed in.

async function loadDraft(request: Request, params: { slug?: string; ideaId?: string }): Promise<IdeaContext & { missing: string[] }> {
  const ctx = await loadIdeaContext(request, params);
  const { idea } = ctx;
  if (idea.status !== "draft") throw redirect(ideaPath(ctx.details.contest.slug, idea.id));
  if (ctx.relation !== "draft-holder" && ctx.relation !== "owner") throw new Response("Not Found", { status: 404 });
  requirePhase(ctx.details, SUBMIT_PHASES, ctx.at);
  const lists = await getIdeaLists(ctx.details.contest.id);
  const missing = missingForSubmission(idea, { hasCategories: lists.categories.length > 0, hasBuurten: lists.buurten.length > 0 });
  return { ...ctx, missing };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await loadDraft(request, params);
  return {
    slug: ctx.details.contest.slug,
    roundLook: roundLookOf(ctx.details),
    ideaId: ctx.idea.id,
    ideaTitle: ctx.idea.title,
    userName: ctx.auth.user?.name ?? null,
    incomplete: ctx.missing.length > 0,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const ctx = await loadDraft(request, params);
  const { idea } = ctx;
  const slug = ctx.details.contest.slug;
  if (ctx.missing.length > 0) throw redirect(editIdeaPath(slug, idea.id));
  const forget = await forgetDraft(request, idea.id);

  if (ctx.auth.user) {
    await claimDraft({ ideaId: idea.id, userId: ctx.auth.user.id, now: ctx.at });
    const handedIn = await handIn({ request, details: ctx.details, idea, user: ctx.auth.user, confirmed: true, now: ctx.at });
    const params = handedIn ? handInFlashParams(ctx.details.contest.id) : undefined;
    return redirectWith(ideaPath(slug, idea.id), { cookies: [forget], flash: { key: "ideas.submitted", params } });
  }

  const submission = parseWithZod(await readForm(request), { schema: registerSchema });
  if (submission.status !== "success") return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  const { redirectTo: _ignored, ...account } = submission.value;
  const locale = await getLocale(request);
  // The idea's own confirmation mail carries the link that confirms the address too.
  const result = await registerAccount({ ...account, locale, ip: context.clientIp, origin: publicOrigin(request, getEnv().appUrl), confirmationMail: false });
  if (!result.ok) {
    const t = await getTranslator(request);
    return data(submission.reply({ formErrors: [t("auth.mailThrottled", { minutes: result.retryAfterMinutes })], hideFields: ["password"] }), { status: 429 });
  }
  // An address with an account: the owner got a mail; handing in goes on after logging in (the draft stays).
  if (result.userId === null) return data(submission.reply({ fieldErrors: { email: ["validation.emailTaken"] }, hideFields: ["password"] }), { status: 400 });
  await claimDraft({ ideaId: idea.id, userId: result.userId, now: ctx.at });
  // A new account proves its email address with the link in the confirmation mail.
  const handedIn = await handIn({
    request,
    details: ctx.details,
    idea,
    user: { id: result.userId, email: account.email, name: account.name, locale },
    confirmed: false,
    now: ctx.at,
  });
  return redirectWith(ideaPath(slug, idea.id), {
    cookies: [await createSessionCookie(result.userId), forget],
    flash: { key: "ideas.submittedCheckMail", params: handedIn ? handInFlashParams(ctx.details.contest.id) : undefined },
  });
}

export default function FinishIdeaPage() {
  const t = useT();
  const { slug, ideaId, ideaTitle, userName, incomplete } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: registerSchema }),
    ...validateOnSubmit,
  });
  const busy = navigation.state === "submitting";
  return (
    <section className="page narrow idea-page">
      <PageTitle title={t("ideas.finishTitle")} />
      <p className="breadcrumb">
        <Link to={ideaPath(slug, ideaId)}>{ideaTitle}</Link>
      </p>
      <h1>{t("ideas.finishTitle")}</h1>
      {incomplete ? (
        <p className="notice warning">
          {t("ideas.finishMissing")} <Link to={editIdeaPath(slug, ideaId)}>{t("ideas.finishMissingLink")}</Link>
        </p>
      ) : userName ? (
        <Form method="post" className="stack card">
          <p>{t("ideas.finishAsUserLead", { name: userName })}</p>
          <button type="submit" className="button primary" disabled={busy}>
            {t("ideas.submit")}
          </button>
        </Form>
      ) : (
        <>
          <p className="lead">{t("ideas.finishLead")}</p>
          <Form method="post" {...getFormProps(form)} className="stack card">
            <FormErrors errors={form.errors} id={form.errorId} />
            <TextField field={fields.name} label={t("auth.name")} hint={t("auth.nameHint")} autoComplete="given-name" />
            <TextField field={fields.email} label={t("auth.email")} type="email" autoComplete="email" inputMode="email" />
            <TextField field={fields.password} label={t("auth.password")} hint={t("auth.passwordHint")} type="password" autoComplete="new-password" />
            <TextField field={fields.postcode} label={t("auth.postcode")} hint={t("auth.postcodeHint")} autoComplete="postal-code" />
            <button type="submit" className="button primary" disabled={busy}>
              {t("ideas.finishButton")}
            </button>
          </Form>
          <p className="below-card">
            {t("ideas.finishLoginInstead")}{" "}
            <Link to={`/inloggen?redirectTo=${encodeURIComponent(finishIdeaPath(slug, ideaId))}`}>{t("ideas.finishLogin")}</Link>
          </p>
        </>
      )}
    </section>
  );
}
