import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useT } from "~/lib/i18n/react";
import { describeRoles } from "~/modules/auth/roles.server";
import { requireUser } from "~/modules/auth/session.server";
import { PageTitle } from "~/ui/page-title";

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireUser(request);
  return {
    user: { name: user.name, email: user.email, postcode: user.postcode, isBeheerder: user.isBeheerder },
    roles: describeRoles(user.id),
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
          <dd>{user.email}</dd>
          <dt>{t("auth.postcode")}</dt>
          <dd>{user.postcode}</dd>
        </dl>
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
