import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { now } from "~/lib/clock.server";
import { formatAmount, formatDateTime, vatTerms, type VatTerms } from "~/lib/format";
import { useCountText, useLocale, useT } from "~/lib/i18n/react";
import { loadVisibleContest } from "~/routes-support/contest-access.server";
import { ideaPath } from "~/modules/ideas/paths";
import { resultsJsonPath } from "~/modules/results/paths";
import { publishedResultsOf, votingHasEnded } from "~/modules/results/results.server";
import { archivedResultsOf } from "~/modules/results/archive.server";
import { archivedPartsView } from "~/modules/results/archived-parts-view";
import { partsRuleLine, renderLine } from "~/modules/results/explain";
import { resultsView } from "~/modules/results/view";
import { RouteErrorPage } from "~/ui/error-page";
import { PageTitle } from "~/ui/page-title";
import { ResultsChart } from "~/ui/results-chart";
import { ResultsIdeas, ResultsOverview, ResultsParts, ResultsRule } from "~/ui/results-view";
import { EligibilityCheck } from "~/ui/eligibility-check";
import { howEligibilityIsChecked } from "~/modules/voting/eligibility";
import resultsStyles from "~/ui/results.css?url";
import { formatNumber } from "~/lib/i18n/numbers";
import { roundLookOf } from "~/modules/auth/organisation-look";
import type { I18nHandle } from "~/lib/i18n/sections";

export const handle = { i18n: ["rounds", "results", "voting", "budgetParts"] } satisfies I18nHandle;

// The public results (/rondes/:slug/uitslag): embargoed until the organiser reveals them at the
// prize ceremony; after that, what was published (the reveal and any logged correction), never a
// live count. Archived rounds imported from a .pb file show the official results of their time.

export const links: LinksFunction = () => [{ rel: "stylesheet", href: resultsStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const at = now();
  const { details, info } = await loadVisibleContest(request, params.slug, at);
  const roundLook = roundLookOf(details);
  const contest = { slug: details.contest.slug, title: details.contest.title, budgetEuros: details.contest.budgetEuros, vat: vatTerms(details.contest) };
  const archived = await archivedResultsOf(details.contest.id);
  if (archived) {
    const source = [archived.source.unit, archived.source.subunit, archived.source.instance].filter(Boolean).join(", ");
    // A budget in parts (ADR 026): per part as a live round shows it, from the outcome the import checked
    // against the official one. Without an official outcome there are no winners to show per part.
    const parts = archived.parts
      ? {
          list: archived.parts.parts,
          rule: partsRuleLine(details.contest.outcomeRule, archived.parts.leftover, "votes"),
          view: archived.officialOutcome
            ? archivedPartsView({
                rule: details.contest.outcomeRule,
                budget: details.contest.budgetEuros,
                parts: archived.parts,
                ideas: archived.ideas.map((i) => ({ ...i, part: i.part ?? "" })),
              })
            : null,
        }
      : null;
    return { kind: "archived" as const, roundLook, contest, archived: { ...archived, sourceText: source }, parts };
  }
  const published = await publishedResultsOf(details.contest.id);
  if (!published) {
    const embargo = votingHasEnded(details, at) ? "counting" : info.phase === "stemmen" ? "voting" : "not-yet";
    return { kind: "embargo" as const, roundLook, contest, embargo };
  }
  return {
    kind: "published" as const,
    roundLook,
    contest,
    vat: vatTerms(details.contest),
    eligibility: howEligibilityIsChecked(details.contest),
    areaNames: details.areas.map((a) => a.name),
    invalid: published.snapshot.invalid ?? null,
    revealedAt: published.revealedAt,
    corrections: published.corrections,
    view: resultsView(published.snapshot, (ideaId) => ideaPath(details.contest.slug, ideaId)),
    jsonPath: resultsJsonPath(details.contest.slug),
  };
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

export default function ResultsPage() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  return (
    <article className="page results-page">
      <PageTitle title={t("results.pageTitle", { contest: page.contest.title })} />
      <p className="breadcrumb">
        <Link to={`/rondes/${page.contest.slug}`}>
          <span aria-hidden="true">← </span>
          {t("results.back")}
        </Link>
      </p>
      <header className="results-header">
        <h1>{t("results.pageTitle", { contest: page.contest.title })}</h1>
        {page.kind === "published" ? <Published page={page} /> : null}
      </header>
      {page.kind === "embargo" ? <Embargo embargo={page.embargo} /> : null}
      {page.kind === "published" ? (
        <>
          <ResultsOverview view={page.view} vat={page.vat} />
          <ResultsIdeas view={page.view} vat={page.vat} />
          <ResultsRule view={page.view} vat={page.vat} />
          <section className="card" aria-label={t("rounds.howChecked")}>
            <EligibilityCheck lines={page.eligibility} areaNames={page.areaNames} title="howChecked" invalid={page.invalid} />
          </section>
          <p>
            <a href={page.jsonPath}>{t("results.jsonLink")}</a>
          </p>
        </>
      ) : null}
      {page.kind === "archived" ? <Archived page={page} /> : null}
    </article>
  );
}

function Published({ page }: { page: Extract<Data, { kind: "published" }> }) {
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <p className="lead">{t("results.lead")}</p>
      <p className="muted">{t("results.revealedOn", { date: formatDateTime(page.revealedAt, locale) })}</p>
      {page.corrections.length > 0 ? (
        <div className="notice warning results-corrections" role="note">
          <h2>{t("results.correctionsTitle")}</h2>
          <p>{t("results.correctionsLead")}</p>
          <ul>
            {page.corrections.map((c, i) => (
              <li key={i}>{t("results.correctionLine", { date: formatDateTime(c.at, locale), reason: c.reason })}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}

function Embargo({ embargo }: { embargo: Extract<Data, { kind: "embargo" }>["embargo"] }) {
  const t = useT();
  const text = embargo === "counting" ? t("results.embargoCounting") : embargo === "voting" ? t("results.embargoVoting") : t("results.embargoNotYet");
  return (
    <section className="card results-embargo" aria-labelledby="embargo-titel">
      <h2 id="embargo-titel">{t("results.embargoTitle")}</h2>
      <p>{text}</p>
    </section>
  );
}

function Archived({ page }: { page: Extract<Data, { kind: "archived" }> }) {
  const t = useT();
  const locale = useLocale();
  const { archived } = page;
  const number = (n: number) => formatNumber(n, locale);
  const count = useCountText();
  const outcomeText = (selected: number) =>
    selected === 1 ? t("results.archivedSelected1") : selected === 2 ? t("results.archivedSelected2") : t("results.archivedSelected0");
  return (
    <>
      <p className="lead">{t("results.archivedLead")}</p>
      <p>
        {count(archived.voters, { one: "results.archivedVotersOne", other: "results.archivedVotersMany" }, { count: number(archived.voters) })}{" "}
        {t("results.archivedBudget", { budget: formatAmount(page.contest.budgetEuros, locale, page.contest.vat) })}
      </p>
      {archived.sourceText ? <p className="muted">{t("results.archivedSource", { source: archived.sourceText })}</p> : null}
      {archived.officialOutcome ? null : <p className="notice warning">{t("results.archivedNoOutcome")}</p>}
      {archived.duplicateBallots > 0 ? (
        <p className="notice">
          {count(
            archived.duplicateBallots,
            { one: "results.archivedDuplicatesOne", other: "results.archivedDuplicatesMany" },
            { count: number(archived.duplicateBallots) },
          )}
        </p>
      ) : null}
      {/* As on a live round's page: the parts come before the chart of every idea. */}
      {page.parts ? <ArchivedParts parts={page.parts} vat={page.contest.vat} /> : null}
      <section className="card" aria-labelledby="grafiek-titel">
        <h2 id="grafiek-titel">{t("results.chartVotesTitle")}</h2>
        <ResultsChart
          labelledBy="grafiek-titel"
          unit="votes"
          rows={archived.ideas.map((idea, i) => ({
            ideaId: i,
            title: idea.title,
            rank: i + 1,
            stickers: idea.votes,
            poster: 0,
            chosen: idea.selected > 0,
          }))}
        />
      </section>
      <section aria-labelledby="archief-titel">
        <h2 id="archief-titel">{t("results.archivedIdeasTitle")}</h2>
        <ol className="results-ideas">
          {archived.ideas.map((idea, i) => (
            <li key={idea.sourceId} className={`card results-idea${idea.selected > 0 ? " is-chosen" : ""}`}>
              <div className="results-idea-head">
                <h3>
                  <span className="visually-hidden">{t("results.chartRank", { rank: i + 1 })}: </span>
                  {idea.title}
                </h3>
                {archived.officialOutcome ? (
                  <span className={`badge ${idea.selected > 0 ? "badge-ok" : "badge-muted"}`}>{outcomeText(idea.selected)}</span>
                ) : null}
              </div>
              <ul className="results-idea-facts">
                <li>{count(idea.votes, { one: "results.chartVotesOne", other: "results.chartVotesMany" }, { count: number(idea.votes) })}</li>
                {idea.part ? <li>{t("budgetParts.results.inPart", { part: idea.part })}</li> : null}
                <li>
                  {t("results.cost")}: <span className="nowrap">{formatAmount(idea.cost, locale, page.contest.vat)}</span>
                </li>
              </ul>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

/**
 * An archived round's budget in parts (ADR 026): the money and the rule with the leftover policy, then the
 * block per part a live round shows. Without an official outcome only the parts and their money.
 */
function ArchivedParts({ parts, vat }: { parts: NonNullable<Extract<Data, { kind: "archived" }>["parts"]>; vat: VatTerms }) {
  const t = useT();
  const locale = useLocale();
  const { view } = parts;
  return (
    <>
      <section className="card" aria-labelledby="deelregel-titel">
        <h2 id="deelregel-titel">{t("results.ruleTitle")}</h2>
        <p>{renderLine(parts.rule, t, locale, vat)}</p>
        {view?.money.map((l, i) => (
          <p key={i}>{renderLine(l, t, locale, vat)}</p>
        ))}
        {view ? null : (
          <ul>
            {parts.list.map((p) => (
              <li key={p.name}>
                {p.name}: <span className="nowrap">{formatAmount(p.budget, locale, vat)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {view ? <ResultsParts parts={view.parts} vat={vat} /> : null}
    </>
  );
}

export const ErrorBoundary = RouteErrorPage;
