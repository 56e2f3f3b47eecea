import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useCallback } from "react";
import { now } from "~/lib/clock.server";
import { vatTerms } from "~/lib/format";
import { redirectWith } from "~/routes-support/http.server";
import { useT } from "~/lib/i18n/react";
import { requireContestManager } from "~/routes-support/contest-access.server";
import { asHttp, requirePhase } from "~/routes-support/refusals.server";
import { ceremonySlides, indexFromStepParam, stepParam } from "~/modules/results/ceremony";
import { ceremonyPath, resultsConsolePath, resultsPath } from "~/modules/results/paths";
import { countContest, publishedResultsOf, RESULTS_PHASES, revealResults } from "~/modules/results/results.server";
import { CeremonyView } from "~/ui/ceremony-view";
import { RouteErrorPage } from "~/ui/error-page";
import { PageTitle } from "~/ui/page-title";
import { roundLookOf } from "~/modules/auth/organisation-look";
import resultsStyles from "~/ui/results.css?url";
import type { I18nHandle } from "~/lib/i18n/sections";

export const handle = { i18n: ["results"] } satisfies I18nHandle;

// The prize ceremony for the big screen at the closing event (/organiseren/:slug/uitreiking): only
// after voting has closed (409 before), slide by slide from the lowest prize to the first, and on
// the last slide the organiser makes the results public. Works without JavaScript through ?stap=N.

export const links: LinksFunction = () => [{ rel: "stylesheet", href: resultsStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { details } = await requireContestManager(request, params.slug);
  const at = now();
  requirePhase(details, RESULTS_PHASES, at);
  const slug = details.contest.slug;
  const published = await publishedResultsOf(details.contest.id);
  let snapshot = published?.snapshot ?? null;
  if (!snapshot) {
    // No totals before the count is final (ADR 007): the Uitslag tab says how.
    if (details.contest.votingFinalAt === null) return { kind: "not-final" as const, slug, title: details.contest.title };
    const count = await countContest(details, at);
    if (!count.ok) return { kind: "problem" as const, slug, title: details.contest.title };
    snapshot = count.snapshot;
  }
  const slides = ceremonySlides(snapshot.outcome, snapshot.turnout.total);
  return {
    kind: "ready" as const,
    slug,
    title: details.contest.title,
    // On the big screen: the large logo file (ADR 025).
    look: roundLookOf(details, "large"),
    vat: vatTerms(details.contest),
    slides,
    ideas: Object.fromEntries(snapshot.ideas.map((idea) => [idea.id, { title: idea.title }])),
    index: indexFromStepParam(new URL(request.url).searchParams.get("stap"), slides.length),
    revealed: published !== null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { details, actor } = await requireContestManager(request, params.slug);
  const at = now();
  const result = await asHttp(async () => revealResults({ details, actorUserId: actor.userId, now: at }));
  const slug = details.contest.slug;
  if (!result.ok && (result.reason === "problem" || result.reason === "not-final")) return redirectWith(resultsConsolePath(slug));
  const published = await publishedResultsOf(details.contest.id);
  const last = published ? ceremonySlides(published.snapshot.outcome, published.snapshot.turnout.total).length - 1 : 0;
  return redirectWith(ceremonyPath(slug, stepParam(last)), {
    flash: { key: result.ok ? "results.console.revealedFlash" : "results.console.alreadyRevealed" },
  });
}

export default function CeremonyPage() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const hrefFor = useCallback((index: number) => ceremonyPath(page.slug, stepParam(index)), [page.slug]);
  if (page.kind === "problem" || page.kind === "not-final") {
    return (
      <section className="page narrow">
        <PageTitle title={t("results.ceremony.pageTitle", { contest: page.title })} />
        <h1>{t("results.ceremony.title")}</h1>
        <p className="notice warning">{t(page.kind === "problem" ? "results.ceremonyPage.problem" : "results.console.finaliseFirst")}</p>
        <p>
          <Link to={resultsConsolePath(page.slug)}>{t("results.ceremonyPage.back")}</Link>
        </p>
      </section>
    );
  }
  const finaleAction = page.revealed ? (
    <p className="ceremony-revealed">
      <span role="status">{t("results.ceremonyPage.revealed")}</span>{" "}
      <a className="ceremony-button is-next" href={resultsPath(page.slug)}>
        {t("results.ceremonyPage.viewPublic")}
      </a>
    </p>
  ) : (
    <Form method="post">
      <button type="submit" className="ceremony-button is-next ceremony-reveal" disabled={navigation.state === "submitting"}>
        {t("results.ceremonyPage.revealNow")}
      </button>
    </Form>
  );
  return (
    <>
      <PageTitle title={t("results.ceremony.pageTitle", { contest: page.title })} />
      <CeremonyView
        // After the reveal the page comes back on its last slide, now with the link to the public page.
        key={page.revealed ? "revealed" : "not-revealed"}
        contestTitle={page.title}
        look={page.look}
        vat={page.vat}
        slides={page.slides}
        ideas={page.ideas}
        initialIndex={page.index}
        hrefFor={hrefFor}
        exitHref={resultsConsolePath(page.slug)}
        finaleAction={finaleAction}
      />
    </>
  );
}

export const ErrorBoundary = RouteErrorPage;
