import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { readForm, redirectWith } from "~/routes-support/http.server";
import { useT } from "~/lib/i18n/react";
import { markEmailConfirmed } from "~/modules/auth/email-confirmation.server";
import { loadContestForIdeas } from "~/routes-support/idea-access.server";
import { confirmIdeaContact, isConfirmTokenUsable } from "~/modules/ideas/ideas.server";
import { ideaPath } from "~/modules/ideas/paths";
import { PageTitle } from "~/ui/page-title";
import type { I18nHandle } from "~/lib/i18n/sections";

export const handle = { i18n: ["ideas"] } satisfies I18nHandle;

// The link in the submission mail of a brand-new account. A button, not the link itself, confirms:
// mail scanners that open links must not do it for the person.

export async function loader({ request, params }: LoaderFunctionArgs) {
  await loadContestForIdeas(request, params.slug);
  const token = new URL(request.url).searchParams.get("token") ?? "";
  return { token, usable: token.length > 0 && token.length < 200 && (await isConfirmTokenUsable(token)) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await loadContestForIdeas(request, params.slug);
  const token = String((await readForm(request)).get("token") ?? "");
  const confirmed = token.length > 0 && token.length < 200 ? await confirmIdeaContact({ token, now: ctx.at }) : null;
  if (!confirmed) return { failed: true };
  if (confirmed.ownerUserId) await markEmailConfirmed(confirmed.ownerUserId, ctx.at);
  return redirectWith(ideaPath(ctx.details.contest.slug, confirmed.ideaId), { flash: { key: "ideas.confirmed" } });
}

export default function ConfirmIdeaPage() {
  const t = useT();
  const { token, usable } = useLoaderData<typeof loader>();
  return (
    <section className="page narrow">
      <PageTitle title={t("ideas.confirmTitle")} />
      <h1>{t("ideas.confirmTitle")}</h1>
      {usable ? (
        <Form method="post" className="stack card">
          <p>{t("ideas.confirmLead")}</p>
          <input type="hidden" name="token" value={token} />
          <button type="submit" className="button primary">
            {t("ideas.confirmButton")}
          </button>
        </Form>
      ) : (
        <p className="notice warning">
          {t("ideas.confirmInvalid")} <Link to="/inloggen">{t("auth.loginTitle")}</Link>
        </p>
      )}
    </section>
  );
}
