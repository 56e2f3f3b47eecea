import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { readForm, redirectWith } from "~/routes-support/http.server";
import { useT } from "~/lib/i18n/react";
import { rotateSession } from "~/modules/auth/session.server";
import { requireUser } from "~/routes-support/guards.server";
import { loadContestForIdeas } from "~/routes-support/idea-access.server";
import { acceptInvitation, findInvitation } from "~/modules/ideas/coinitiators.server";
import { ideaPath } from "~/modules/ideas/paths";
import { PageTitle } from "~/ui/page-title";
import type { I18nHandle } from "~/lib/i18n/sections";

export const handle = { i18n: ["ideas"] } satisfies I18nHandle;

// A co-initiator accepts the emailed invitation while logged in (or after making an account).

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await loadContestForIdeas(request, params.slug);
  const url = new URL(request.url);
  const token = url.searchParams.get("token") ?? "";
  const found = token.length > 0 && token.length < 200 ? await findInvitation(token) : undefined;
  const valid = found !== undefined && found.idea.contestId === ctx.details.contest.id && found.idea.status !== "withdrawn";
  return {
    token,
    valid,
    ideaTitle: valid ? found.idea.title : null,
    loggedIn: Boolean(ctx.auth.user),
    here: url.pathname + url.search,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await loadContestForIdeas(request, params.slug);
  const { user } = await requireUser(request);
  const token = String((await readForm(request)).get("token") ?? "");
  const result =
    token.length > 0 && token.length < 200 ? await acceptInvitation({ token, userId: user.id, now: ctx.at }) : ({ ok: false, reason: "invalid" } as const);
  if (!result.ok || result.contestId !== ctx.details.contest.id) return { failed: result.ok ? "invalid" : result.reason };
  return redirectWith(ideaPath(ctx.details.contest.slug, result.ideaId), {
    cookies: [await rotateSession(request, user.id)],
    flash: { key: "ideas.inviteAccepted" },
  });
}

export default function InvitationPage() {
  const t = useT();
  const { token, valid, ideaTitle, loggedIn, here } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <section className="page narrow">
      <PageTitle title={t("ideas.inviteTitle")} />
      <h1>{t("ideas.inviteTitle")}</h1>
      {!valid || (actionData && actionData.failed !== "own") ? (
        <p className="notice warning">{t("ideas.inviteInvalid")}</p>
      ) : actionData?.failed === "own" ? (
        <p className="notice warning">{t("ideas.inviteOwn")}</p>
      ) : (
        <div className="card stack">
          <p>{t("ideas.inviteLead", { title: ideaTitle ?? "" })}</p>
          {loggedIn ? (
            <Form method="post">
              <input type="hidden" name="token" value={token} />
              <button type="submit" className="button primary">
                {t("ideas.inviteAccept")}
              </button>
            </Form>
          ) : (
            <p>
              {t("ideas.inviteLogin")} <Link to={`/inloggen?redirectTo=${encodeURIComponent(here)}`}>{t("auth.loginTitle")}</Link> ·{" "}
              <Link to={`/registreren?redirectTo=${encodeURIComponent(here)}`}>{t("auth.registerTitle")}</Link>
            </p>
          )}
        </div>
      )}
    </section>
  );
}
