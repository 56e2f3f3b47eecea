import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { formatAmount, vatTerms } from "~/lib/format";
import { notFound } from "~/routes-support/http.server";
import { useLocale, useT } from "~/lib/i18n/react";
import { loadIdeaContext } from "~/routes-support/idea-access.server";
import { ideaOrigin } from "~/modules/ideas/handin.server";
import { getIdeaDetails, initiatorNames } from "~/modules/ideas/ideas.server";
import { ideaPath, photoUrl, posterPath } from "~/modules/ideas/paths";
import { qrPath } from "~/modules/ideas/poster.server";
import { pageVisibility } from "~/modules/ideas/rules";
import { PageTitle } from "~/ui/page-title";
import ideasStyles from "~/ui/ideas.css?url";
import { roundLookOf } from "~/modules/auth/organisation-look";
import { accentStyle, OrganisationLogo } from "~/ui/organisation-look";
import type { I18nHandle } from "~/lib/i18n/sections";

export const handle = { i18n: ["ideas"] } satisfies I18nHandle;

export const links = () => [{ rel: "stylesheet", href: ideasStyles }];

// The poster for the keuzebijeenkomst: title, summary, photo, cost and a QR code to the idea's page,
// printed from the browser on A4 or A3 (the print stylesheet and @page size do the layout).

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await loadIdeaContext(request, params);
  const { idea } = ctx;
  if (pageVisibility(ctx.relation, idea) !== "full" || (idea.status !== "submitted" && idea.status !== "shortlisted")) notFound();
  const format = new URL(request.url).searchParams.get("formaat") === "a3" ? "a3" : "a4";
  const details = await getIdeaDetails(idea);
  const photo = details.photos.find((p) => !p.hidden);
  const url = `${ideaOrigin(request)}${ideaPath(ctx.details.contest.slug, idea.id)}`;
  return {
    slug: ctx.details.contest.slug,
    contestTitle: ctx.details.contest.title,
    // Printed large: the logo's large file (ADR 025).
    look: roundLookOf(ctx.details, "large"),
    vat: vatTerms(ctx.details.contest),
    format,
    idea: {
      id: idea.id,
      title: idea.title,
      summary: idea.summary,
      costEuros: idea.costEuros,
      buurtName: details.buurtName,
      initiators: initiatorNames(idea, details),
      photo: photo ? { url: photoUrl(photo.storageKey, "large"), altText: photo.altText } : null,
    },
    qr: { ...qrPath(url), url },
  };
}

export default function PosterPage() {
  const t = useT();
  const locale = useLocale();
  const { slug, contestTitle, look, vat, format, idea, qr } = useLoaderData<typeof loader>();
  // The print button needs JavaScript; without it the browser's own Print menu does the same.
  const [canPrint, setCanPrint] = useState(false);
  useEffect(() => setCanPrint(true), []);
  const quiet = 2;
  return (
    <section className="page poster-page">
      <PageTitle title={`${t("ideas.posterTitle")}: ${idea.title}`} />
      <style>{`@page { size: ${format === "a3" ? "A3" : "A4"} portrait; margin: ${format === "a3" ? 16 : 12}mm; }`}</style>
      <div className="poster-controls">
        <p className="breadcrumb">
          <Link to={ideaPath(slug, idea.id)}>{idea.title}</Link>
        </p>
        <p className="muted small">{t("ideas.posterLead")}</p>
        <nav aria-label={t("ideas.posterFormat")}>
          <span className="muted">{t("ideas.posterFormat")}: </span>
          <Link to={posterPath(slug, idea.id, "a4")} aria-current={format === "a4" ? "true" : undefined}>
            A4
          </Link>
          <Link to={posterPath(slug, idea.id, "a3")} aria-current={format === "a3" ? "true" : undefined}>
            A3
          </Link>
        </nav>
        {canPrint ? (
          <button type="button" className="button primary" onClick={() => window.print()}>
            {t("ideas.posterPrint")}
          </button>
        ) : (
          <p className="small">{t("ideas.posterNoJs")}</p>
        )}
      </div>
      <article className={`poster-sheet poster-${format}`} aria-label={t("ideas.posterTitle")} style={accentStyle(look.accent)}>
        <div className="poster-brand">
          <span className="poster-brand-organisation">
            <OrganisationLogo look={look} className="poster-logo" />
            <span>{contestTitle}</span>
          </span>
          <span>{t("app.name")}</span>
        </div>
        <h1 className="poster-title">{idea.title}</h1>
        {idea.initiators.length > 0 ? <p className="poster-by">{t("ideas.posterBy", { names: idea.initiators.join(", ") })}</p> : null}
        {idea.photo ? (
          <figure className="poster-photo">
            <img src={idea.photo.url} alt={idea.photo.altText} />
          </figure>
        ) : null}
        {idea.summary ? <p className="poster-summary">{idea.summary}</p> : null}
        <div className="poster-foot">
          <div>
            <p className="poster-cost-label">{t("ideas.posterCost")}</p>
            <p className="poster-cost">{idea.costEuros !== null ? formatAmount(idea.costEuros, locale, vat) : t("ideas.costUnknown")}</p>
            {idea.buurtName ? <p className="poster-meta">{idea.buurtName}</p> : null}
          </div>
          <div className="poster-qr">
            <svg
              viewBox={`${-quiet} ${-quiet} ${qr.size + 2 * quiet} ${qr.size + 2 * quiet}`}
              role="img"
              aria-label={t("ideas.qrLabel", { url: qr.url })}
              shapeRendering="crispEdges"
            >
              <rect x={-quiet} y={-quiet} width={qr.size + 2 * quiet} height={qr.size + 2 * quiet} fill="#fff" />
              <path d={qr.d} fill="#000" />
            </svg>
            {t("ideas.posterScan")}
          </div>
        </div>
      </article>
    </section>
  );
}
