import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { formatMoney } from "~/lib/format";
import { useLocale, useT } from "~/lib/i18n/react";
import { now } from "~/lib/clock.server";
import { listContestsOrganisedBy } from "~/modules/contests/contests.server";
import { requirePermission } from "~/modules/auth/session.server";
import { PageTitle } from "~/ui/page-title";

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requirePermission(request, "organise:open");
  return { contests: listContestsOrganisedBy(actor!, now()) };
}

export default function OrganiseIndexPage() {
  const t = useT();
  const locale = useLocale();
  const { contests } = useLoaderData<typeof loader>();
  return (
    <section className="page">
      <PageTitle title={t("organise.title")} />
      <h1>{t("organise.title")}</h1>
      <p className="lead">{t("organise.lead")}</p>
      {contests.length === 0 ? <p>{t("organise.none")}</p> : null}
      <ul className="card-grid">
        {contests.map((c) => (
          <li key={c.id} className="card">
            <h2>{c.title}</h2>
            <p className="muted">{c.organisationName}</p>
            <p>
              <span className={`badge ${c.status === "concept" ? "badge-muted" : "badge-ok"}`}>
                {c.status === "concept" ? t("contest.statusConcept") : t("contest.statusPublished")}
              </span>{" "}
              {t("home.budget")}: {formatMoney(c.budgetEuros, locale)}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
