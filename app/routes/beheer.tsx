import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useT } from "~/lib/i18n/react";
import { platformOverview } from "~/modules/auth/platform.server";
import { requirePermission } from "~/modules/auth/session.server";
import { PageTitle } from "~/ui/page-title";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "platform:administer");
  return platformOverview();
}

export default function AdminPage() {
  const t = useT();
  const { municipalities, organisations, userCount } = useLoaderData<typeof loader>();
  return (
    <section className="page">
      <PageTitle title={t("admin.title")} />
      <h1>{t("admin.title")}</h1>
      <p className="lead">{t("admin.lead")}</p>
      <div className="card-grid">
        <div className="card">
          <h2>{t("admin.municipalities")}</h2>
          <ul className="plain-list">
            {municipalities.map((m) => (
              <li key={m.id}>{m.name}</li>
            ))}
          </ul>
        </div>
        <div className="card">
          <h2>{t("admin.organisations")}</h2>
          <ul className="plain-list">
            {organisations.map((o) => (
              <li key={o.id}>
                {o.name} <span className="muted">({o.municipality})</span>
              </li>
            ))}
          </ul>
        </div>
        <div className="card">
          <h2>{t("admin.users")}</h2>
          <p className="big-number">{userCount}</p>
        </div>
      </div>
    </section>
  );
}
