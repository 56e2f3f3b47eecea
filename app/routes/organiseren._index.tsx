import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { now } from "~/lib/clock.server";
import { formatAmount, vatTerms } from "~/lib/format";
import { useLocale, useT } from "~/lib/i18n/react";
import { requirePermission } from "~/routes-support/guards.server";
import { listContestsOrganisedBy } from "~/modules/contests/contests.server";

import { PageTitle } from "~/ui/page-title";
import { phaseName } from "~/ui/phase-words";
import type { I18nHandle } from "~/lib/i18n/sections";

export const handle = { i18n: ["results", "console", "aftercare"] } satisfies I18nHandle;

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requirePermission(request, "organise:open");
  return {
    contests: (await listContestsOrganisedBy(actor!, now())).map((c) => ({
      id: c.id,
      slug: c.slug,
      title: c.title,
      organisationName: c.organisationName,
      budgetEuros: c.budgetEuros,
      amountsIncludeVat: c.amountsIncludeVat,
      phase: c.phase.phase,
    })),
  };
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
      <p className="hero-actions">
        <Link className="button primary" to="/organiseren/nieuw">
          {t("console.newContest")}
        </Link>
        <Link className="button" to="/organiseren/gebieden">
          {t("console.areasLink")}
        </Link>
        <Link className="button" to="/organiseren/ondersteuners">
          {t("aftercare.supporters.title")}
        </Link>
        <Link className="button" to="/organiseren/team">
          {t("organise.team.link")}
        </Link>
        <Link className="button" to="/organiseren/importeren">
          {t("results.import.link")}
        </Link>
      </p>
      {contests.length === 0 ? <p>{t("organise.none")}</p> : null}
      <ul className="card-grid">
        {contests.map((c) => (
          <li key={c.id} className="card">
            <h2>
              <Link to={`/organiseren/${c.slug}`}>{c.title}</Link>
            </h2>
            <p className="muted">{c.organisationName}</p>
            <p>
              <span className={`badge ${c.phase === "concept" ? "badge-muted" : "badge-ok"}`}>{phaseName(t, c.phase)}</span> {t("home.budget")}:{" "}
              {formatAmount(c.budgetEuros, locale, vatTerms(c))}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
