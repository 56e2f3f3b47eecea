import { useLocale, useT } from "~/lib/i18n/react";
import { formatNumber } from "~/lib/i18n/numbers";
import { chartPoints, chartScale, turnoutShare, type TurnoutCurve } from "~/workflows/turnout-curve";

type Curve = TurnoutCurve & { days: number };

const WIDTH = 600;
const HEIGHT = 180;

/**
 * Turnout per day of the vote as two lines (this round solid, the previous round dashed), with the same
 * figures in a table under a disclosure for whoever cannot or does not want to read a chart.
 */
export function TurnoutChart({ current, previous }: { current: Curve; previous: (Curve & { title: string }) | null }) {
  const t = useT();
  const locale = useLocale();
  const scale = chartScale(current, previous);
  const valueOf = (curve: Curve, n: number) => (scale === "share" ? (turnoutShare(n, curve.residents) ?? 0) : n);
  const label = (curve: Curve, n: number) =>
    scale === "share"
      ? formatNumber((turnoutShare(n, curve.residents) ?? 0) / 100, locale, { style: "percent", maximumFractionDigits: 1 })
      : t("overview.votersValue", { n: formatNumber(n, locale) });
  const days = Math.max(current.days, previous?.days ?? 1);
  const mine = current.cumulative.map((n) => valueOf(current, n));
  const theirs = previous ? previous.cumulative.map((n) => valueOf(previous, n)) : [];
  const highest = Math.max(1, ...mine, ...theirs);
  const box = { width: WIDTH, height: HEIGHT, days, top: highest };
  const line = (values: number[]) =>
    chartPoints(values, box)
      .map((p) => `${p.x},${p.y}`)
      .join(" ");
  const rows = Array.from({ length: days }, (_, i) => i);
  const axisTop = scale === "share" ? formatNumber(highest / 100, locale, { style: "percent", maximumFractionDigits: 1 }) : formatNumber(highest, locale);
  return (
    <figure className="turnout-chart">
      <svg viewBox={`-8 -8 ${WIDTH + 16} ${HEIGHT + 16}`} role="img" aria-label={t("overview.chartLabel")} preserveAspectRatio="none">
        <line x1="0" y1={HEIGHT} x2={WIDTH} y2={HEIGHT} className="axis" />
        <line x1="0" y1="0" x2="0" y2={HEIGHT} className="axis" />
        {theirs.length > 0 ? <polyline points={line(theirs)} className="line-previous" /> : null}
        {mine.length > 0 ? <polyline points={line(mine)} className="line-current" /> : null}
      </svg>
      <figcaption>
        <span className="chart-axis-note">
          {axisTop} ({scale === "share" ? t("overview.chartShare") : t("overview.chartCount")}) · {t("overview.dayN", { n: 1 })}–{days}
        </span>
        <span className="chart-legend">
          <span className="key key-current" aria-hidden="true" /> {t("overview.legendThis")}
        </span>
        {previous ? (
          <span className="chart-legend">
            <span className="key key-previous" aria-hidden="true" /> {t("overview.legendPrevious", { title: previous.title })}
          </span>
        ) : null}
      </figcaption>
      <details>
        <summary>{t("overview.tableSummary")}</summary>
        <table className="turnout-table">
          <thead>
            <tr>
              <th scope="col">{t("overview.tableDay")}</th>
              <th scope="col">{t("overview.tableThis")}</th>
              {previous ? <th scope="col">{t("overview.tablePrevious")}</th> : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((i) => (
              <tr key={i}>
                <th scope="row">{i + 1}</th>
                <td>{current.cumulative[i] === undefined ? "–" : label(current, current.cumulative[i]!)}</td>
                {previous ? <td>{previous.cumulative[i] === undefined ? "–" : label(previous, previous.cumulative[i]!)}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
