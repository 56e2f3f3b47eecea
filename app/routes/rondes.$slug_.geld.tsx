import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { now } from "~/lib/clock.server";
import { formatMoney, vatTerms, vatWords } from "~/lib/format";
import { useLocale, useT } from "~/lib/i18n/react";
import { contestMoney } from "~/workflows/money-overview.server";
import { moneyCsvPath } from "~/modules/aftercare/paths";
import { TRACK_SHOW_PHASES } from "~/modules/aftercare/track";
import { checkPhase } from "~/modules/contests/phases";
import { loadVisibleContest } from "~/routes-support/contest-access.server";
import { ideaPath } from "~/modules/ideas/paths";
import { PageTitle } from "~/ui/page-title";
import ideasStyles from "~/ui/ideas.css?url";
import initiativeStyles from "~/ui/initiative.css?url";
import type { I18nHandle } from "~/lib/i18n/sections";

export const handle = { i18n: ["initiative"] } satisfies I18nHandle;

export const links = () => [
  { rel: "stylesheet", href: ideasStyles },
  { rel: "stylesheet", href: initiativeStyles },
];

// The round's money (issue 21.5): per idea what it was granted and has spent, with totals, for anyone
// to check, and the same as a CSV. Shown from the prize-giving on, once the results are revealed.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const at = now();
  const { details, info } = await loadVisibleContest(request, params.slug, at);
  const contest = { slug: details.contest.slug, title: details.contest.title, vat: vatTerms(details.contest) };
  if (!checkPhase(info, TRACK_SHOW_PHASES).ok) return { contest, overview: null };
  const money = await contestMoney(details, at);
  return { contest, overview: money.revealed ? money.overview : null };
}

export default function MoneyPage() {
  const t = useT();
  const locale = useLocale();
  const { contest, overview } = useLoaderData<typeof loader>();
  const money = (euros: number | null) => (euros === null ? "—" : formatMoney(euros, locale));
  return (
    <section className="page narrow money-page">
      <PageTitle title={`${t("initiative.money.title")} · ${contest.title}`} />
      <p className="breadcrumb">
        <Link to={`/rondes/${contest.slug}`}>
          <span aria-hidden="true">← </span>
          {contest.title}
        </Link>
      </p>
      <h1>{t("initiative.money.title")}</h1>
      {overview === null ? (
        <p className="lead">{t("initiative.money.notYet")}</p>
      ) : (
        <>
          <p className="lead">{t("initiative.money.lead")}</p>
          <p>{t("initiative.money.vatNote", { vat: vatWords(contest.vat, locale) })}</p>
          {overview.rows.length === 0 ? (
            <p>{t("initiative.money.none")}</p>
          ) : (
            <div className="table-scroll">
              <table className="cost-table money-table">
                <caption>
                  {t("initiative.money.title")} ({vatWords(contest.vat, locale)})
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t("initiative.money.idea")}</th>
                    <th scope="col">{t("initiative.money.granted")}</th>
                    <th scope="col">{t("initiative.money.spent")}</th>
                    <th scope="col">{t("initiative.money.left")}</th>
                  </tr>
                </thead>
                <tbody>
                  {overview.rows.map((r) => (
                    <tr key={r.ideaId}>
                      <th scope="row">
                        <Link to={ideaPath(contest.slug, r.ideaId)}>{r.title}</Link>
                      </th>
                      <td>{money(r.grantedEuros)}</td>
                      <td>{money(r.spentEuros)}</td>
                      <td>
                        {money(r.leftEuros)}
                        {r.overspent ? <span className="muted small"> ({t("initiative.money.overspent")})</span> : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">{t("initiative.money.total")}</th>
                    <td>{money(overview.totals.grantedEuros)}</td>
                    <td>{money(overview.totals.spentEuros)}</td>
                    <td>{money(overview.totals.leftEuros)}</td>
                  </tr>
                </tfoot>
              </table>
            </div>
          )}
          <p>
            <a href={moneyCsvPath(contest.slug)} download>
              {t("initiative.money.download")}
            </a>
          </p>
        </>
      )}
    </section>
  );
}
