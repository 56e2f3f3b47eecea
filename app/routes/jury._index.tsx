import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useT } from "~/lib/i18n/react";
import { requireUser } from "~/routes-support/guards.server";
import { contestsJudgedBy } from "~/modules/jury/panel.server";
import { juryPath } from "~/modules/jury/paths";
import { PageTitle } from "~/ui/page-title";
import type { I18nHandle } from "~/lib/i18n/sections";

export const handle = { i18n: ["jury"] } satisfies I18nHandle;

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireUser(request);
  return { contests: await contestsJudgedBy(actor.grants) };
}

export default function MyJuryPage() {
  const t = useT();
  const { contests } = useLoaderData<typeof loader>();
  return (
    <section className="page">
      <PageTitle title={t("jury.myContestsTitle")} />
      <h1>{t("jury.myContestsTitle")}</h1>
      <p className="lead">{contests.length > 0 ? t("jury.myContestsLead") : t("jury.myContestsEmpty")}</p>
      <ul className="card-grid">
        {contests.map((c) => (
          <li key={c.id} className="card">
            <h2>
              <Link to={juryPath(c.slug)}>{c.title}</Link>
            </h2>
            <p className="muted">{c.isChair ? t("jury.chair") : t("jury.juror")}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
