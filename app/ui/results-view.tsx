import { Link } from "@remix-run/react";
import { formatAmount, formatMoney, vatWords, type VatTerms } from "~/lib/format";
import { useCountText, useLocale, useT } from "~/lib/i18n/react";
import { renderLine, type ExplainLine } from "~/modules/results/explain";
import type { ResultsIdeaView, ResultsView } from "~/modules/results/view";
import type { PartBlock } from "~/modules/results/archived-parts-view";
import { ResultsChart } from "./results-chart";
import { formatNumber } from "~/lib/i18n/numbers";

// The parts of a results page, shared by the public page (/rondes/:slug/uitslag) and the
// organiser's results tab, so both show the same thing: winners, turnout and money; the bar chart;
// every idea with why it did or did not win; and the rule with its tie-break and draw seed.

function useLine(vat: VatTerms) {
  const t = useT();
  const locale = useLocale();
  return (line: ExplainLine) => renderLine(line, t, locale, vat);
}

function WinnerPlace({ idea, index }: { idea: ResultsIdeaView; index: number }) {
  return <span className="results-winner-place">{idea.prizeName ?? `${index + 1}.`}</span>;
}

export function ResultsOverview({ view, vat }: { view: ResultsView; vat: VatTerms }) {
  const t = useT();
  const locale = useLocale();
  const line = useLine(vat);
  const number = (n: number) => formatNumber(n, locale);
  const count = useCountText();
  // The parts come after the grid of cards, not in it: a full-width item in an auto-fit grid keeps an
  // empty column open beside the three cards.
  return (
    <>
      <div className="results-summary">
        <section className="card" aria-labelledby="winnaars-titel">
          <h2 id="winnaars-titel">{t("results.winnersTitle")}</h2>
          {view.winners.length > 0 ? (
            <ol className="results-winners">
              {view.winners.map((idea, index) => (
                <li key={idea.ideaId}>
                  <WinnerPlace idea={idea} index={index} />
                  <span className="results-winner-title">{idea.href ? <Link to={idea.href}>{idea.title}</Link> : idea.title}</span>
                  <span className="results-winner-detail">
                    {count(idea.stickers, { one: "results.chartStickersOne", other: "results.chartStickersMany" }, { count: number(idea.stickers) })} ·{" "}
                    <span className="nowrap">{formatAmount(idea.amount, locale, vat)}</span>
                  </span>
                </li>
              ))}
            </ol>
          ) : (
            <p>{t("results.noWinners")}</p>
          )}
        </section>
        <section className="card" aria-labelledby="opkomst-titel">
          <h2 id="opkomst-titel">{t("results.turnoutTitle")}</h2>
          <p className="results-turnout-total">
            {count(view.turnout.total, { one: "results.turnoutOne", other: "results.turnoutMany" }, { count: number(view.turnout.total) })}
          </p>
          <dl className="details results-turnout-ways">
            <dt>{t("results.turnoutOnline")}</dt>
            <dd>{number(view.turnout.online)}</dd>
            <dt>{t("results.turnoutCode")}</dt>
            <dd>{number(view.turnout.code)}</dd>
            <dt>{t("results.turnoutPoster")}</dt>
            <dd>{number(view.turnout.poster)}</dd>
          </dl>
        </section>
        <section className="card" aria-labelledby="geld-titel">
          <h2 id="geld-titel">{t("results.moneyTitle")}</h2>
          {view.summary.money.map((l, i) => (
            <p key={i}>{line(l)}</p>
          ))}
        </section>
      </div>
      {view.parts ? <ResultsParts parts={view.parts} vat={vat} /> : null}
    </>
  );
}

/**
 * A budget in parts (ADR 026): per part its money, what it spent itself and the ideas of the part that
 * won, saying which got their money from what the parts left. One block per part rather than a table,
 * so a phone shows it without scrolling sideways. Shared with the results page of an archived round.
 */
export function ResultsParts({ parts, vat }: { parts: readonly PartBlock[]; vat: VatTerms }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section className="card results-parts" aria-labelledby="delen-titel">
      <h2 id="delen-titel">{t("budgetParts.results.partsTitle")}</h2>
      <ul className="results-parts-list">
        {parts.map((part) => (
          <li key={part.name}>
            <h3>{part.name}</h3>
            <p className="results-part-money">
              {t("budgetParts.results.partSpentLine", {
                spent: formatMoney(part.spent, locale),
                budget: formatMoney(part.budget, locale),
                vat: vatWords(vat, locale),
              })}
            </p>
            {part.winners.length > 0 ? (
              <ul className="results-part-winners">
                {part.winners.map((w) => (
                  <li key={w.ideaId}>
                    <span className="results-winner-title">{w.title}</span>{" "}
                    <span className="results-winner-detail">
                      · <span className="nowrap">{formatAmount(w.amount, locale, vat)}</span>
                      {w.fromLeftover ? ` · ${t("budgetParts.results.fromLeftoverMark")}` : null}
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t("budgetParts.results.noPartWinners")}</p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ResultsIdeas({ view, vat, headingId = "ideeen-titel" }: { view: ResultsView; vat: VatTerms; headingId?: string }) {
  const t = useT();
  const locale = useLocale();
  const line = useLine(vat);
  return (
    <>
      <section className="card" aria-labelledby="grafiek-titel">
        <h2 id="grafiek-titel">{t("results.chartTitle")}</h2>
        <p className="muted">{t("results.chartLead")}</p>
        <ResultsChart
          labelledBy="grafiek-titel"
          rows={view.ideas.map((idea) => ({
            ideaId: idea.ideaId,
            title: idea.title,
            rank: idea.rank,
            stickers: idea.stickers,
            poster: idea.poster,
            chosen: idea.chosen,
          }))}
        />
      </section>
      <section aria-labelledby={headingId}>
        <h2 id={headingId}>{t("results.allIdeasTitle")}</h2>
        <ol className="results-ideas">
          {view.ideas.map((idea) => {
            const e = idea.explanation;
            return (
              <li key={idea.ideaId} className={`card results-idea${idea.chosen ? " is-chosen" : ""}`}>
                <div className="results-idea-head">
                  <h3>
                    <span className="visually-hidden">{line(e.rank)} </span>
                    {idea.title}
                  </h3>
                  <span className={`badge ${idea.chosen ? "badge-ok" : "badge-muted"}`}>{line(e.status)}</span>
                </div>
                <ul className="results-idea-facts">
                  <li aria-hidden="true">{line(e.rank)}</li>
                  <li>{e.stickers.map((l) => line(l)).join(" ")}</li>
                  <li>
                    {t("results.cost")}: <span className="nowrap">{formatAmount(idea.cost, locale, vat)}</span>
                  </li>
                  {idea.amount > 0 ? (
                    <li>
                      {t("results.gets")}: <strong className="nowrap">{formatAmount(idea.amount, locale, vat)}</strong>
                    </li>
                  ) : null}
                </ul>
                <div className="results-idea-why">
                  {e.why.map((l, i) => (
                    <p key={i}>{line(l)}</p>
                  ))}
                  {e.shares.length > 0 ? (
                    <ul className="results-idea-shares">
                      {e.shares.map((l, i) => (
                        <li key={i}>{line(l)}</li>
                      ))}
                    </ul>
                  ) : null}
                  {e.ties.map((l, i) => (
                    <p key={i} className="results-idea-tie">
                      {line(l)}
                    </p>
                  ))}
                </div>
                {idea.href ? (
                  <p className="results-idea-link">
                    <Link to={idea.href}>
                      {t("results.ideaPage")}
                      <span className="visually-hidden">: {idea.title}</span>
                    </Link>
                  </p>
                ) : null}
              </li>
            );
          })}
        </ol>
      </section>
    </>
  );
}

export function ResultsRule({ view, vat }: { view: ResultsView; vat: VatTerms }) {
  const t = useT();
  const line = useLine(vat);
  const [tieRule, seed, ...rest] = view.summary.tieBreak;
  return (
    <section className="card results-rule" aria-labelledby="regel-titel">
      <h2 id="regel-titel">{t("results.ruleTitle")}</h2>
      <p>{line(view.summary.rule)}</p>
      <h3>{t("results.tieBreak.title")}</h3>
      {tieRule ? <p>{line(tieRule)}</p> : null}
      {seed ? <SeedLine seed={view.drawSeed} /> : null}
      {rest.map((l, i) => (
        <p key={i}>{line(l)}</p>
      ))}
    </section>
  );
}

/** "De code van de loting is K7QMA-3XPAD." with the seed in a monospace font, easy to copy. */
function SeedLine({ seed }: { seed: string }) {
  const t = useT();
  const [before, after] = t("results.tieBreak.seed", { seed: "\u0000" }).split("\u0000");
  return (
    <p>
      {before}
      <span className="results-seed">{seed}</span>
      {after}
    </p>
  );
}
