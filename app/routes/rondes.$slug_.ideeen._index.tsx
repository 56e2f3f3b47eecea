import type { LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { formatDateTime, vatTerms } from "~/lib/format";
import { useCountText, useLocale, useT } from "~/lib/i18n/react";
import { checkPhase } from "~/modules/contests/phases";
import { loadContestForIdeas } from "~/routes-support/idea-access.server";
import { heldDraftIds, orderSeed } from "~/routes-support/idea-cookies.server";
import { getIdeaLists, listOwnUnlistedIdeas, listPublicIdeas } from "~/modules/ideas/ideas.server";
import { filterIdeas, parseListFilters, seededOrder } from "~/modules/ideas/order";
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
  const url = new URL(request.url);
  const filters = parseListFilters(url.searchParams);
  const all = listPublicIdeas(contestId);
  // Every visitor has their own stable shuffle: no idea is on top for everyone (see order.ts).
  const { seed, setCookie } = await orderSeed(request);
  const ideas = seededOrder(filterIdeas(all, filters), seed);
  const slug = ctx.details.contest.slug;
  const submitOpen = checkPhase(ctx.phase, SUBMIT_PHASES).ok;
  // The badge says what is true now (issue 18.3): won or not once the results are public, then the track's end.
  const choices = publishedChoices(contestId);
  const tracks = checkPhase(ctx.phase, TRACK_SHOW_PHASES).ok ? trackStatusesOf(contestId) : new Map<number, TrackStatus>();
  const body = {
    slug,
    roundLook: roundLookOf(ctx.details),
    contestTitle: ctx.details.contest.title,
    vat: vatTerms(ctx.details.contest),
    submitOpen,
    deadline: submitOpen ? ctx.phase.until : null,
    isOrganiser: ctx.isOrganiser,
    lists: getIdeaLists(contestId),
    map: currentMap(),
    filters,
    total: all.length,
    ideas: ideas.map((i) => ({
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
    mine: listOwnUnlistedIdeas(contestId, ctx.auth.user?.id ?? null, await heldDraftIds(request)),
  };
  return data(body, setCookie ? { headers: { "Set-Cookie": setCookie } } : undefined);
}

export default function IdeasListPage() {
  const t = useT();
  const count = useCountText();
  const locale = useLocale();
  const { slug, contestTitle, vat, submitOpen, deadline, isOrganiser, lists, map, filters, total, ideas, mine } = useLoaderData<typeof loader>();
  const mapped = ideas.flatMap((i) => (i.point ? [{ id: i.id, point: i.point, label: i.title, href: i.href }] : []));
  const filtered = Boolean(filters.q || filters.buurtId || filters.categoryId || filters.status);
  return (
    <section className="page ideas-list-page">
      <PageTitle title={`${t("ideas.listTitle")} · ${contestTitle}`} />
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

      <p className="list-count">
        {count(ideas.length, { one: "ideas.countOne", other: "ideas.countMany" }, { n: ideas.length })}
        {ideas.length > 1 ? <span className="muted small"> · {t("ideas.listOrderNote")}</span> : null}
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
        {map && mapped.length > 0 ? <IdeasMap config={map} markers={mapped} shown={ideas.length} /> : null}
      </div>
    </section>
  );
}
