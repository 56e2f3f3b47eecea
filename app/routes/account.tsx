import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { CONFIRM_EMAIL_PATH } from "~/modules/auth/paths";
import { useT } from "~/lib/i18n/react";
import { describeRoles } from "~/modules/auth/roles.server";
import { requireUser } from "~/routes-support/guards.server";
import { PageTitle } from "~/ui/page-title";
import type { I18nHandle } from "~/lib/i18n/sections";

export const handle = { i18n: ["voting", "notifications", "accountDetails"] } satisfies I18nHandle;

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireUser(request);
  return {
    user: { name: user.name, email: user.email, postcode: user.postcode, isBeheerder: user.isBeheerder, emailConfirmed: user.emailConfirmed },
    roles: await describeRoles(user.id),
  };
}

export default function AccountPage() {
  const t = useT();
  const { user, roles } = useLoaderData<typeof loader>();
  return (
    <section className="page narrow">
      <PageTitle title={t("account.title")} />
      <h1>{t("account.title")}</h1>
      <div className="card">
        <h2>{t("account.details")}</h2>
        <dl className="details">
          <dt>{t("auth.name")}</dt>
          <dd>{user.name}</dd>
          <dt>{t("auth.email")}</dt>
          <dd>
            {user.email}
            {user.emailConfirmed ? null : <UnconfirmedEmail />}
          </dd>
          <dt>{t("auth.postcode")}</dt>
          <dd>{user.postcode}</dd>
        </dl>
        <p>
          <Link to="/account/wijzigen">{t("accountDetails.link")}</Link>
        </p>
      </div>
      <div className="card">
        <h2>{t("account.roles")}</h2>
        {roles.length === 0 && !user.isBeheerder ? <p>{t("account.noRoles")}</p> : null}
        <ul className="plain-list">
          {user.isBeheerder ? <li>{t("account.roleBeheerder")}</li> : null}
          {roles.map((r, i) => (
            <li key={i}>
              {r.role === "organisator" ? t("account.roleOrganisator") : t("account.roleJurylid")}: {r.scopeName}
              {r.isChair ? ` (${t("account.chair")})` : ""}
            </li>
          ))}
        </ul>
      </div>
      <div className="card">
        <h2>{t("notifications.preferencesTitle")}</h2>
        <p>{t("notifications.preferencesLead")}</p>
        <p>
          <Link to="/account/meldingen">{t("notifications.accountLink")}</Link>
        </p>
      </div>
      <div className="card">
        <h2>{t("account.privacyTitle")}</h2>
        <p>{t("account.privacyLead")}</p>
        <p className="link-row">
          <a href="/account/gegevens" download>
            {t("account.download")}
          </a>
          <Link to="/account/verwijderen">{t("account.deleteLink")}</Link>
        </p>
      </div>
    </section>
  );
}

/** An address not yet confirmed cannot vote (issue 15): say so where the address is shown, with a way to get the link again. */
function UnconfirmedEmail() {
  const t = useT();
  return (
    <Form method="post" action={CONFIRM_EMAIL_PATH} className="inline-form">
      <p className="notice warning">{t("account.emailUnconfirmed")}</p>
      <input type="hidden" name="intent" value="resend" />
      <input type="hidden" name="redirectTo" value="/account" />
      <button type="submit" className="button">
        {t("voting.confirmFirstResend")}
      </button>
    </Form>
  );
}
