import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { now } from "~/lib/clock.server";
import { readForm, redirectWith } from "~/routes-support/http.server";
import { useT } from "~/lib/i18n/react";
import { getAuth, rotateSession } from "~/modules/auth/session.server";
import { requireUser } from "~/routes-support/guards.server";
import { acceptJuryInvitation, findJuryInvitation } from "~/modules/jury/panel.server";
import { juryPath } from "~/modules/jury/paths";
import { PageTitle } from "~/ui/page-title";
import type { I18nHandle } from "~/lib/i18n/sections";

export const handle = { i18n: ["jury"] } satisfies I18nHandle;

// A juror accepts the emailed invitation: the link opens this page (a mail scanner following it
// changes nothing), the button accepts, logged in with the invited address.

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const token = url.searchParams.get("token") ?? "";
  const invitation = token.length > 0 && token.length < 200 ? await findJuryInvitation(token) : null;
  const { user } = await getAuth(request);
  return {
    token,
    invitation: invitation ? { contestTitle: invitation.contestTitle, email: invitation.email, isChair: invitation.isChair } : null,
    loggedIn: Boolean(user),
    wrongAccount: Boolean(user && invitation && user.email.toLowerCase() !== invitation.email),
    here: url.pathname + url.search,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireUser(request);
  const token = String((await readForm(request)).get("token") ?? "");
  const result = token.length > 0 && token.length < 200 ? await acceptJuryInvitation({ token, user, now: now() }) : ({ ok: false, reason: "invalid" } as const);
  if (!result.ok) return { failed: result.reason };
  return redirectWith(juryPath(result.slug), { cookies: [await rotateSession(request, user.id)], flash: { key: "jury.accepted" } });
}

export default function JuryInvitationPage() {
  const t = useT();
  const { token, invitation, loggedIn, wrongAccount, here } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const invalid = !invitation || actionData?.failed === "invalid";
  return (
    <section className="page narrow">
      <PageTitle title={t("jury.acceptTitle")} />
      <h1>{t("jury.acceptTitle")}</h1>
      {invalid ? (
        <p className="notice warning">{t("jury.acceptInvalid")}</p>
      ) : (
        <div className="card stack">
          <p>
            {invitation.isChair ? t("jury.acceptLeadChair", { contest: invitation.contestTitle }) : t("jury.acceptLead", { contest: invitation.contestTitle })}
          </p>
          {wrongAccount || actionData?.failed === "wrong-account" ? (
            <p className="notice warning">{t("jury.acceptWrongAccount", { email: invitation.email })}</p>
          ) : loggedIn ? (
            <Form method="post">
              <input type="hidden" name="token" value={token} />
              <button type="submit" className="button primary">
                {t("jury.acceptButton")}
              </button>
            </Form>
          ) : (
            <p>
              {t("jury.acceptLogin", { email: invitation.email })} <Link to={`/inloggen?redirectTo=${encodeURIComponent(here)}`}>{t("auth.loginTitle")}</Link> ·{" "}
              <Link to={`/registreren?redirectTo=${encodeURIComponent(here)}`}>{t("auth.registerTitle")}</Link>
            </p>
          )}
        </div>
      )}
    </section>
  );
}
