import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useLocale, useT } from "~/lib/i18n/react";
import type { MessageKey } from "~/lib/i18n";
import { loadJuryContext } from "~/routes-support/jury-access.server";
import { juryIdeaPath, juryOverviewPath } from "~/modules/jury/paths";
import { juryOverview } from "~/modules/jury/scores.server";
import { defaultDirection, isSortKey, sortOverview, type SortDirection, type SortKey } from "~/modules/jury/scoring";
import { mayOpenOverview } from "~/modules/jury/shortlist";
import { formatScore, JuryBarChart, JuryProgressBar } from "~/ui/jury";
import { PageTitle } from "~/ui/page-title";
import type { I18nHandle } from "~/lib/i18n/sections";

export const handle = { i18n: ["jury"] } satisfies I18nHandle;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await loadJuryContext(request, params.slug);
  if (!ctx.mayDecide) throw new Response("Forbidden", { status: 403 });
  const overview = await juryOverview(ctx.details.contest.id);
  const chair = ctx.juror ? overview.jurors.find((j) => j.userId === ctx.juror!.userId) : undefined;
  const base = { slug: ctx.details.contest.slug, title: ctx.details.contest.title };
  if (!mayOpenOverview({ isOrganiser: ctx.isOrganiser, isChair: ctx.juror?.isChair ?? false }, chair?.progress ?? null)) {
    return { ...base, hidden: true as const, rows: [], sorted: [], jurors: [], sort: "rank" as SortKey, dir: "asc" as SortDirection };
  }
  const url = new URL(request.url);
  const requested = url.searchParams.get("sorteer");
  const sort: SortKey = isSortKey(requested) ? requested : "rank";
  const dirParam = url.searchParams.get("volgorde");
  const dir: SortDirection = dirParam === "asc" || dirParam === "desc" ? dirParam : defaultDirection(sort);
  return {
    ...base,
    hidden: false as const,
    rows: overview.rows,
    sorted: sortOverview(overview.rows, sort, dir),
    jurors: overview.jurors.map((j) => ({
      userId: j.userId,
      name: j.name,
      isChair: j.isChair,
      done: j.progress.done,
      total: j.progress.total,
      finished: j.progress.finished,
    })),
    sort,
    dir,
  };
}

const sortable: { key: SortKey; label: MessageKey }[] = [
  { key: "rank", label: "jury.colAverage" },
  { key: "spread", label: "jury.colSpread" },
  { key: "count", label: "jury.colCount" },
  { key: "title", label: "jury.colIdea" },
];

const columns: { key: SortKey; label: MessageKey; numeric: boolean }[] = [
  { key: "rank", label: "jury.colRank", numeric: true },
  { key: "title", label: "jury.colIdea", numeric: false },
  { key: "spread", label: "jury.colSpread", numeric: true },
  { key: "count", label: "jury.colCount", numeric: true },
];

export default function JuryOverviewPage() {
  const t = useT();
  const locale = useLocale();
  const { slug, title, hidden, rows, sorted, jurors, sort, dir } = useLoaderData<typeof loader>();
  if (hidden) {
    return (
      <>
        <PageTitle title={`${t("jury.overviewTitle")} · ${title}`} />
        <h2>{t("jury.overviewTitle")}</h2>
        <p className="notice warning">{t("jury.overviewHidden")}</p>
      </>
    );
  }
  const finished = jurors.filter((j) => j.finished).length;
  const sortHeader = (key: SortKey, label: MessageKey, numeric: boolean) => {
    const active = sort === key;
    const nextDir: SortDirection = active ? (dir === "asc" ? "desc" : "asc") : defaultDirection(key);
    return (
      <th scope="col" className={numeric ? "number" : undefined} aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : undefined}>
        <Link to={`${juryOverviewPath(slug)}?sorteer=${key}&volgorde=${nextDir}`} aria-label={t("jury.sortBy", { column: t(label) })} preventScrollReset>
          {t(label)}
          {active ? <span aria-hidden="true">{dir === "asc" ? " ▲" : " ▼"}</span> : null}
        </Link>
      </th>
    );
  };
  return (
    <>
      <PageTitle title={`${t("jury.overviewTitle")} · ${title}`} />
      <h2>{t("jury.overviewTitle")}</h2>
      <p className="lead">{t("jury.overviewLead")}</p>

      <section className="card" aria-labelledby="jury-voortgang">
        <h3 id="jury-voortgang">{t("jury.panelProgressTitle")}</h3>
        <JuryProgressBar label={t("jury.jurorsDone", { done: finished, total: jurors.length })} done={finished} total={jurors.length} />
        <ul className="plain-list">
          {jurors.map((j) => (
            <li key={j.userId}>
              {t("jury.panelProgressLine", { name: j.name, done: j.done, total: j.total })}
              {j.isChair ? <span className="muted"> ({t("jury.chair")})</span> : null}
            </li>
          ))}
        </ul>
      </section>

      <section className="card">
        <JuryBarChart title={t("jury.chartTitle")} rows={rows} />
      </section>

      <section aria-labelledby="jury-tabel">
        <h3 id="jury-tabel">{t("jury.tableTitle")}</h3>
        {/* On a phone the column headers are hidden (each row is a card), so the sort links stand above the table. */}
        <nav className="sort-links" aria-label={t("jury.sortLabel")}>
          <span aria-hidden="true">{t("jury.sortLabel")}</span>
          {sortable.map(({ key, label }) => (
            <Link
              key={key}
              to={`${juryOverviewPath(slug)}?sorteer=${key}&volgorde=${defaultDirection(key)}`}
              aria-current={sort === key ? "true" : undefined}
              preventScrollReset
            >
              {t(label)}
            </Link>
          ))}
        </nav>
        <div className="table-scroll">
          <table className="jury-table stacks">
            <caption className="visually-hidden">{t("jury.overviewTitle")}</caption>
            <thead>
              <tr>
                {sortHeader("rank", "jury.colRank", true)}
                {sortHeader("title", "jury.colIdea", false)}
                <th scope="col" className="number">
                  {t("jury.colAverage")}
                </th>
                {columns.slice(2).map((c) => sortHeader(c.key, c.label, c.numeric))}
                <th scope="col">{t("jury.colOutliers")}</th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((row) => (
                <tr key={row.ideaId}>
                  <td className="number" data-label={t("jury.colRank")}>
                    <span>
                      {row.rank ?? "–"}
                      {row.tied ? <span className="small"> ({t("jury.tied")})</span> : null}
                    </span>
                  </td>
                  <th scope="row" data-label={t("jury.colIdea")}>
                    <Link to={juryIdeaPath(slug, row.ideaId)}>{row.title}</Link>
                  </th>
                  <td className="number" data-label={t("jury.colAverage")}>
                    {row.average !== null ? formatScore(row.average, locale) : t("jury.noScore")}
                  </td>
                  <td className="number" data-label={t("jury.colSpread")}>
                    {row.spread !== null ? formatScore(row.spread, locale) : "–"}
                  </td>
                  <td className="number" data-label={t("jury.colCount")}>
                    <span>
                      {row.count}
                      {row.partial > 0 ? <span className="muted small"> · {t("jury.partialCount", { n: row.partial })}</span> : null}
                      {row.conflicts > 0 ? <span className="muted small"> · {t("jury.conflictCount", { n: row.conflicts })}</span> : null}
                    </span>
                  </td>
                  <td data-label={t("jury.colOutliers")}>
                    {row.outliers.length === 0 ? (
                      "–"
                    ) : (
                      <ul>
                        {row.outliers.map((o, i) => (
                          <li key={i}>
                            {t("jury.outlierLine", { juror: o.juror, score: formatScore(o.score, locale), median: formatScore(o.median, locale) })}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="muted small">{t("jury.spreadHelp")}</p>
        <p className="muted small">{t("jury.outlierHelp")}</p>
      </section>
    </>
  );
}
