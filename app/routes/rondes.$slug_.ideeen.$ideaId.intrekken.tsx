import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { redirectWith } from "~/routes-support/http.server";
import { useT } from "~/lib/i18n/react";
import { enforce, loadIdeaContext } from "~/routes-support/idea-access.server";
import { withdrawIdea } from "~/modules/ideas/ideas.server";
import { ideaPath } from "~/modules/ideas/paths";
import { withdrawDecision } from "~/modules/ideas/rules";
import { PageTitle } from "~/ui/page-title";
import type { I18nHandle } from "~/lib/i18n/sections";

export const handle = { i18n: ["ideas"] } satisfies I18nHandle;

// Withdrawing is possible at any time, also after the deadline; the idea is kept, not deleted.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await loadIdeaContext(request, params);
  await enforce(request, ctx, withdrawDecision(ctx.relation, ctx.idea.status, ctx.idea.isPaper));
  return { slug: ctx.details.contest.slug, ideaId: ctx.idea.id, title: ctx.idea.title };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await loadIdeaContext(request, params);
  await enforce(request, ctx, withdrawDecision(ctx.relation, ctx.idea.status, ctx.idea.isPaper));
  await withdrawIdea({ idea: ctx.idea, actorUserId: ctx.auth.user?.id ?? null, now: ctx.at });
  return redirectWith(ideaPath(ctx.details.contest.slug, ctx.idea.id), { flash: { key: "ideas.withdrawn" } });
}

export default function WithdrawIdeaPage() {
  const t = useT();
  const { slug, ideaId, title } = useLoaderData<typeof loader>();
  return (
    <section className="page narrow">
      <PageTitle title={`${t("ideas.withdrawTitle")}: ${title}`} />
      <p className="breadcrumb">
        <Link to={ideaPath(slug, ideaId)}>{title}</Link>
      </p>
      <h1>{t("ideas.withdrawTitle")}</h1>
      <Form method="post" className="stack card">
        <p>{t("ideas.withdrawLead")}</p>
        <button type="submit" className="button primary">
          {t("ideas.withdrawButton")}
        </button>
        <Link to={ideaPath(slug, ideaId)}>{t("ideas.withdrawCancel")}</Link>
      </Form>
    </section>
  );
}
