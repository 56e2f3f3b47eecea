import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { now } from "~/lib/clock.server";
import { publicOrigin } from "~/lib/env.server";
import { formatAmount, formatDate, vatTerms } from "~/lib/format";
import { useLocale, useT } from "~/lib/i18n/react";
import { contestImageUrl } from "~/modules/contests/contest-image";
import { effectiveSchedule, type Phase } from "~/modules/contests/phases";
import { phaseName } from "~/ui/phase-words";
import { paragraphsOf } from "~/modules/contests/public-view";
import { qrPath } from "~/modules/ideas/poster.server";
import { loadVisibleContest } from "~/routes-support/contest-access.server";
import { shareCardFor } from "~/routes-support/share.server";
import { PageTitle } from "~/ui/page-title";
import { shareMeta } from "~/ui/share-meta";
import ideasStyles from "~/ui/ideas.css?url";
import flyerStyles from "~/ui/flyer.css?url";
import { roundLookOf } from "~/modules/auth/organisation-look";
import { accentStyle, OrganisationLogo } from "~/ui/organisation-look";
import type { I18nHandle } from "~/lib/i18n/sections";

export const handle = { i18n: ["spread"] } satisfies I18nHandle;

export const links = () => [
  { rel: "stylesheet", href: ideasStyles },
  { rel: "stylesheet", href: flyerStyles },
];

// Issue 21.7: an A4 flyer for the round, to print and hand out or pin up: what the round is, the money,
// when to hand in and vote, and a QR code to the round's page. It shares the poster's sheet and print
// rules (ideas.css) and its QR code (ideas/poster.server.ts: one encoder in the app).

/** The phases a flyer names: when residents can do something. */
const FLYER_PHASES: readonly Phase[] = ["indienen", "stemmen", "prijsuitreiking"];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { details, info } = await loadVisibleContest(request, params.slug, now());
  const { contest } = details;
  const path = `/rondes/${contest.slug}`;
  const url = `${publicOrigin()}${path}`;
  const schedule = info.schedule ?? (details.schedule ? effectiveSchedule(details.schedule, details.overrides) : null);
  const image = contest.imagePath ? { src: contestImageUrl(contest.imagePath, "large"), alt: contest.imageAlt ?? "" } : null;
  return {
    slug: contest.slug,
    title: contest.title,
    // The first paragraph: a flyer has room for a few lines, the page has the rest.
    intro: paragraphsOf(contest.intro)[0] ?? "",
    organisationName: details.organisationName,
    // Printed large: the logo's large file (ADR 025).
    look: roundLookOf(details, "large"),
    budgetEuros: contest.budgetEuros,
    vat: vatTerms(contest),
    image,
    phases: schedule ? FLYER_PHASES.map((phase) => ({ phase, start: schedule[phase].start, end: schedule[phase].end })) : [],
    qr: { ...qrPath(url), url },
    share: await shareCardFor(request, { title: contest.title, description: contest.intro, path, image }),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? shareMeta(data.share) : []);

export default function FlyerPage() {
  const t = useT();
  const locale = useLocale();
  const page = useLoaderData<typeof loader>();
  // The print button needs JavaScript; without it the browser's own Print menu does the same.
  const [canPrint, setCanPrint] = useState(false);
  useEffect(() => setCanPrint(true), []);
  const quiet = 2;
  const { qr } = page;
  return (
    <section className="page poster-page">
      <PageTitle title={t("spread.flyerTitle", { title: page.title })} />
      <style>{"@page { size: A4 portrait; margin: 12mm; }"}</style>
      <div className="poster-controls">
        <p className="breadcrumb">
          <Link to={`/rondes/${page.slug}`}>{t("spread.flyerBack")}</Link>
        </p>
        <p className="muted small">{t("spread.flyerPrintHint")}</p>
        {canPrint ? (
          <button type="button" className="button primary" onClick={() => window.print()}>
            {t("spread.flyerPrint")}
          </button>
        ) : null}
      </div>
      <article className="poster-sheet poster-a4 flyer-sheet" aria-label={t("spread.flyerTitle", { title: page.title })} style={accentStyle(page.look.accent)}>
        <div className="poster-brand">
          <span className="poster-brand-organisation">
            <OrganisationLogo look={page.look} className="poster-logo" />
            <span>{t("spread.flyerBy", { organisation: page.organisationName })}</span>
          </span>
          <span>{t("app.name")}</span>
        </div>
        <h1 className="poster-title">{page.title}</h1>
        {page.image ? (
          <figure className="poster-photo">
            <img src={page.image.src} alt={page.image.alt} />
          </figure>
        ) : null}
        {page.intro ? <p className="poster-summary flyer-intro">{page.intro}</p> : null}
        <p className="flyer-budget">{t("spread.flyerBudget", { budget: formatAmount(page.budgetEuros, locale, page.vat) })}</p>
        {page.phases.length > 0 ? (
          <div className="flyer-phases">
            <h2>{t("spread.flyerPhases")}</h2>
            <dl>
              {page.phases.map((p) => (
                <div key={p.phase}>
                  <dt>{phaseName(t, p.phase)}</dt>
                  <dd>{p.phase === "prijsuitreiking" ? formatDate(p.start, locale) : `${formatDate(p.start, locale)} – ${formatDate(p.end - 1, locale)}`}</dd>
                </div>
              ))}
            </dl>
          </div>
        ) : null}
        <div className="poster-foot">
          <div>
            <p className="poster-cost-label">{t("spread.flyerOrVisit")}</p>
            <p className="flyer-url">{qr.url}</p>
          </div>
          <div className="poster-qr">
            <svg
              viewBox={`${-quiet} ${-quiet} ${qr.size + 2 * quiet} ${qr.size + 2 * quiet}`}
              role="img"
              aria-label={t("spread.flyerQrLabel", { url: qr.url })}
              shapeRendering="crispEdges"
            >
              <rect x={-quiet} y={-quiet} width={qr.size + 2 * quiet} height={qr.size + 2 * quiet} fill="#fff" />
              <path d={qr.d} fill="#000" />
            </svg>
            {t("spread.flyerScan")}
          </div>
        </div>
      </article>
    </section>
  );
}
