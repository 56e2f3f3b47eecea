import type { CSSProperties } from "react";
import { Link } from "@remix-run/react";
import { useLocale, useT } from "~/lib/i18n/react";
import { formatNumber } from "~/lib/i18n/numbers";

export interface ResultsChartRow {
  readonly ideaId: number;
  readonly title: string;
  /** The idea's public page, when it has one. */
  readonly href?: string | null;
  readonly rank: number;
  readonly stickers: number;
  /** Of which on paper posters at the keuzebijeenkomst. */
  readonly poster: number;
  /** Won a prize or money. */
  readonly chosen: boolean;
}

/**
 * Stickers per idea as horizontal bars, in rank order. The numbers are text beside each bar and
 * the bars are decoration (aria-hidden), so a screen reader reads a plain ordered list: "1. Bankjes
 * in het park, 12 stickers, gekozen". Bars are CSS, not an image, so they stay sharp and wrap
 * under the title on a 375 px phone (~/ui/results.css).
 */
export function ResultsChart({
  rows,
  labelledBy,
  unit = "stickers",
}: {
  rows: readonly ResultsChartRow[];
  labelledBy: string;
  /** Archived rounds from .pb files count votes, not stickers. */
  unit?: "stickers" | "votes";
}) {
  const t = useT();
  const locale = useLocale();
  const max = Math.max(1, ...rows.map((row) => row.stickers));
  const number = (n: number) => formatNumber(n, locale);
  return (
    <ol className="results-chart" aria-labelledby={labelledBy}>
      {rows.map((row) => {
        const style = {
          "--share": `${Math.round((row.stickers / max) * 1000) / 10}%`,
          "--poster": row.stickers > 0 ? `${Math.round((row.poster / row.stickers) * 1000) / 10}%` : "0%",
        } as CSSProperties;
        return (
          <li key={row.ideaId} className={`results-chart-row${row.chosen ? " is-chosen" : ""}`}>
            <span className="results-chart-rank" aria-hidden="true">
              {row.rank}
            </span>
            <span className="results-chart-title">
              <span className="visually-hidden">{t("results.chartRank", { rank: row.rank })}: </span>
              {row.href ? <Link to={row.href}>{row.title}</Link> : row.title}
              {row.chosen ? (
                <>
                  <span className="visually-hidden">, </span>
                  <span className="badge badge-ok results-chart-badge">{t("results.chartWinner")}</span>
                </>
              ) : null}
            </span>
            <span className="results-chart-track" aria-hidden="true">
              <span className="results-chart-bar" style={style}>
                {row.poster > 0 ? <span className="results-chart-poster" /> : null}
              </span>
            </span>
            <span className="results-chart-value">
              <span className="visually-hidden">, </span>
              {unit === "votes"
                ? row.stickers === 1
                  ? t("results.chartVotesOne")
                  : t("results.chartVotesMany", { count: number(row.stickers) })
                : row.stickers === 1
                  ? t("results.chartStickersOne")
                  : t("results.chartStickersMany", { count: number(row.stickers) })}
              {row.poster > 0 ? <span className="results-chart-paper"> ({t("results.chartPosterPart", { count: number(row.poster) })})</span> : null}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
