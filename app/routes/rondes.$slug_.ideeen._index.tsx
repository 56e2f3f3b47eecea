import type { LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { formatDateTime, vatTerms } from "~/lib/format";
import { useCountText, useLocale, useT } from "~/lib/i18n/react";
import { checkPhase } from "~/modules/contests/phases";
import { loadContestForIdeas } from "~/routes-support/idea-access.server";
import { heldDraftIds, orderSeed } from "~/routes-support/idea-cookies.server";
import { getIdeaLists, listOwnUnlistedIdeas, listPublicIdeas, publicIdeaDescriptions } from "~/modules/ideas/ideas.server";
import { filterIdeas, seededOrder } from "~/modules/ideas/order";
import { listSearch, pageLinks, pageOf, parseListQuery } from "~/modules/ideas/list-pages";
import { ideaPath, ideasPath, moderationPath, newIdeaPath, photoUrl } from "~/modules/ideas/paths";
import { SUBMIT_PHASES } from "~/modules/ideas/rules";
import { IdeaCard, IdeaStatusBadge } from "~/ui/idea-card";
import { ideaBadgeNow } from "~/ui/idea-now";
import { publishedChoices } from "~/modules/results/results.server";
import { trackStatusesOf } from "~/modules/aftercare/track.server";
import { TRACK_SHOW_PHASES, type TrackStatus } from "~/modules/aftercare/track";
import { PageTitle } from "~/ui/page-title";
import ideasStyles from "~/ui/ideas.css?url";
import mapStyles from "~/ui/map.css?url";
import { currentMap } from "~/routes-support/map-settings.server";
import { IdeasMap } from "~/ui/ideas-map";
import { roundLookOf } from "~/modules/auth/organisation-look";
import type { I18nHandle } from "~/lib/i18n/sections";

export const handle = { i18n: ["ideas", "geo"] } satisfies I18nHandle;

export const links = () => [
  { rel: "stylesheet", href: ideasStyles },
  { rel: "stylesheet", href: mapStyles },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await loadContestForIdeas(request, params.slug);
  const contestId = ctx.details.contest.id;
  const { filters, page, seed: linkedSeed } = parseListQuery(new URL(request.url).searchParams);
  const all = await listPublicIdeas(contestId);
  // Every visitor has their own stable shuffle: no idea is on top for everyone (see order.ts). A link
  // between pages carries the order it was made in, so paging holds it even without the cookie.
  const { seed: ownSeed, setCookie } = await orderSeed(request);
  const seed = linkedSeed ?? ownSeed;
  // The descriptions (the longest texts) are read only for a search: most views have none.
  const descriptions = filters.q ? await publicIdeaDescriptions(contestId) : null;
  const searchable = descriptions ? all.map((i) => ({ ...i, description: descriptions.get(i.id) ?? "" })) : all;
  const matching = seededOrder(filterIdeas(searchable, filters), seed);
  // A page of the list at a time (ADR 029): what a page costs no longer grows with every idea.
  const shown = pageOf(matching.length, page);
  const slug = ctx.details.contest.slug;
  const submitOpen = checkPhase(ctx.phase, SUBMIT_PHASES).ok;
  const onPage = shown ? matching.slice(shown.from, shown.to) : [];
  // The badge says what is true now (issue 18.3): won or not once the results are public, then the track's end.
  const choices = await publishedChoices(contestId);
  const tracks = checkPhase(ctx.phase, TRACK_SHOW_PHASES).ok ? await trackStatusesOf(contestId) : new Map<number, TrackStatus>();
  const link = (n: number) => `${ideasPath(slug)}${listSearch(filters, n, seed)}`;
  const body = {
    slug,
    roundLook: roundLookOf(ctx.details),
    contestTitle: ctx.details.contest.title,
    vat: vatTerms(ctx.details.contest),
    submitOpen,
    deadline: submitOpen ? ctx.phase.until : null,
    isOrganiser: ctx.isOrganiser,
    lists: await getIdeaLists(contestId),
    map: currentMap(),
    filters,
    total: all.length,
    matching: matching.length,
    paging: shown
      ? {
          page: shown.page,
          pageCount: shown.pageCount,
          first: shown.from + 1,
          last: shown.to,
          links: pageLinks(shown.page, shown.pageCount).map((n) => (n === "gap" ? null : { n, href: link(n) })),
          previous: shown.page > 1 ? link(shown.page - 1) : null,
          next: shown.page < shown.pageCount ? link(shown.page + 1) : null,
        }
      : null,
    // Asked for a page after the last one: the page says so, with a way back (and a 404).
    missingPage: shown ? null : { asked: page, pageCount: pageOf(matching.length, 1)!.pageCount, first: link(1) },
    ideas: onPage.map((i) => ({
      id: i.id,
      href: ideaPath(slug, i.id),
      title: i.title,
      summary: i.summary,
      costEuros: i.costEuros,
      badge: ideaBadgeNow({ status: i.status, hidden: false, chosen: choices?.get(i.id) ?? null, track: tracks.get(i.id) ?? null }),
      buurtName: i.buurtName,
      categoryName: i.categoryName,
      photo: i.photo ? { url: photoUrl(i.photo.storageKey, "small"), altText: i.photo.altText } : null,
      point: i.point,
    })),
    mine: await listOwnUnlistedIdeas(contestId, ctx.auth.user?.id ?? null, await heldDraftIds(request)),
  };
  const headers = setCookie ? { "Set-Cookie": setCookie } : undefined;
  return data(body, { status: shown ? 200 : 404, headers });
}

export default function IdeasListPage() {
  const t = useT();
  const count = useCountText();
  const locale = useLocale();
  const { slug, contestTitle, vat, submitOpen, deadline, isOrganiser, lists, map, filters, total, matching, paging, missingPage, ideas, mine } =
    useLoaderData<typeof loader>();
  const mapped = ideas.flatMap((i) => (i.point ? [{ id: i.id, point: i.point, label: i.title, href: i.href }] : []));
  const filtered = Boolean(filters.q || filters.buurtId || filters.categoryId || filters.status);
  const paged = paging !== null && paging.pageCount > 1;
  const title = missingPage
    ? t("ideas.pageMissingTitle", { page: missingPage.asked })
    : paged
      ? t("ideas.listTitlePage", { page: paging.page, pages: paging.pageCount })
      : t("ideas.listTitle");
  return (
    <section className="page ideas-list-page">
      <PageTitle title={`${title} · ${contestTitle}`} />
      <p className="breadcrumb">
        <Link to={`/rondes/${slug}`}>{contestTitle}</Link>
      </p>
      <div className="list-head">
        <div>
          <h1>{t("ideas.listTitle")}</h1>
          <p className="lead">{t("ideas.listLead", { contest: contestTitle })}</p>
        </div>
        {submitOpen ? (
          <div className="list-cta">
            <Link to={newIdeaPath(slug)} className="button primary">
              {t("ideas.handIn")}
            </Link>
            {deadline !== null ? <p className="small muted">{t("ideas.handInUntil", { date: formatDateTime(deadline, locale) })}</p> : null}
          </div>
        ) : null}
      </div>
      {isOrganiser ? (
        <p>
          <Link to={moderationPath(slug)}>{t("ideas.moderate")}</Link>
        </p>
      ) : null}

      {mine.length > 0 ? (
        <section className="card my-ideas" aria-labelledby="mijn-ideeen">
          <h2 id="mijn-ideeen">{t("ideas.myDrafts")}</h2>
          <ul className="plain-list">
            {mine.map((m) => (
              <li key={m.id}>
                <Link to={ideaPath(slug, m.id)}>{m.title}</Link> <IdeaStatusBadge status={m.status} hidden={m.hidden} />
                {m.unconfirmed && m.status !== "draft" ? <span className="small muted"> · {t("ideas.orgUnconfirmed")}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {total > 0 ? (
        <Form method="get" action={ideasPath(slug)} className="filters card" role="search" aria-labelledby="filters-title">
          <h2 id="filters-title" className="filters-title">
            {t("ideas.filtersTitle")}
          </h2>
          <div className="filters-grid">
            <div className="field">
              <label htmlFor="q">{t("ideas.search")}</label>
              <input id="q" name="q" type="search" defaultValue={filters.q ?? ""} placeholder={t("ideas.searchHint")} />
            </div>
            {lists.buurten.length > 0 ? (
              <div className="field">
                <label htmlFor="buurt">{t("ideas.buurt")}</label>
                <select id="buurt" name="buurt" defaultValue={filters.buurtId ?? ""}>
                  <option value="">{t("ideas.all")}</option>
                  {lists.buurten.map((b) => (
                    <option key={b.id} value={b.id}>
                      {b.name}
                    </option>
                  ))}
                </select>
              </div>
            ) : null}
            {lists.categories.length > 0 ? (
              <div className="field">
                <label htmlFor="categorie">{t("ideas.category")}</label>
                <select id="categorie" name="categorie" defaultValue={filters.categoryId ?? ""}>
                  <option value="">{t("ideas.all")}</option>
                  {lists.categories.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                    </option>
                  ))}
                </select>
              </div>
            ) : null}
            <div className="field">
              <label htmlFor="status">{t("ideas.status")}</label>
              <select id="status" name="status" defaultValue={filters.status ?? ""}>
                <option value="">{t("ideas.all")}</option>
                <option value="submitted">{t("ideas.statusSubmitted")}</option>
                <option value="shortlisted">{t("ideas.statusShortlisted")}</option>
              </select>
            </div>
          </div>
          <div className="actions-row">
            <button type="submit" className="button primary">
              {t("ideas.filterButton")}
            </button>
            {filtered ? <Link to={ideasPath(slug)}>{t("ideas.clearFilters")}</Link> : null}
          </div>
        </Form>
      ) : null}

      {missingPage ? (
        <div className="card missing-page">
          <h2>{t("ideas.pageMissingTitle", { page: missingPage.asked })}</h2>
          <p>{count(missingPage.pageCount, { one: "ideas.pageMissingOne", other: "ideas.pageMissingMany" }, { pages: missingPage.pageCount })}</p>
          <p>
            <Link to={missingPage.first}>{t("ideas.pageMissingFirst")}</Link>
          </p>
        </div>
      ) : (
        <>
          <p className="list-count" id="ideeen">
            {count(matching, { one: "ideas.countOne", other: "ideas.countMany" }, { n: matching })}
            {paged ? <span> · {t("ideas.pageRange", { first: paging.first, last: paging.last })}</span> : null}
            {matching > 1 ? <span className="muted small"> · {t("ideas.listOrderNote")}</span> : null}
          </p>
          <div className={`ideas-with-map${map && mapped.length > 0 ? " has-map" : ""}`}>
            {ideas.length === 0 ? (
              <p className="empty">{total === 0 ? (submitOpen ? t("ideas.noIdeas") : t("ideas.noIdeasClosed")) : t("ideas.noMatches")}</p>
            ) : (
              <ul className="idea-grid">
                {ideas.map((idea) => (
                  <IdeaCard key={idea.id} idea={idea} vat={vat} />
                ))}
              </ul>
            )}
            {map && mapped.length > 0 ? <IdeasMap config={map} markers={mapped} shown={ideas.length} paged={paged} /> : null}
          </div>
          {paged ? <ListPager paging={paging} /> : null}
        </>
      )}
    </section>
  );
}

type Paging = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["paging"]>;

/**
 * Links to the other pages of the list: real links, so paging works without JavaScript. "Vorige" and
 * "Volgende" on the first row, the page numbers on the next, so both fit a phone without reordering.
 */
function ListPager({ paging }: { paging: Paging }) {
  const t = useT();
  return (
    <nav className="list-pager" aria-label={t("ideas.pagerLabel")}>
      <div className="list-pager-steps">
        {paging.previous ? (
          <Link to={`${paging.previous}#ideeen`} rel="prev" className="list-pager-previous">
            {t("ideas.pagePrevious")}
          </Link>
        ) : null}
        <p className="list-pager-where">{t("ideas.pageOf", { page: paging.page, pages: paging.pageCount })}</p>
        {paging.next ? (
          <Link to={`${paging.next}#ideeen`} rel="next" className="list-pager-next">
            {t("ideas.pageNext")}
          </Link>
        ) : null}
      </div>
      <ul className="list-pager-numbers">
        {paging.links.map((link, i) =>
          link === null ? (
            <li key={`gap-${i}`} className="list-pager-gap" aria-hidden="true">
              …
            </li>
          ) : (
            <li key={link.n}>
              {link.n === paging.page ? (
                <span aria-current="page" className="list-pager-current">
                  <span className="visually-hidden">{t("ideas.pageNumber")} </span>
                  {link.n}
                </span>
              ) : (
                <Link to={`${link.href}#ideeen`}>
                  <span className="visually-hidden">{t("ideas.pageNumber")} </span>
                  {link.n}
                </Link>
              )}
            </li>
          ),
        )}
      </ul>
    </nav>
  );
}
