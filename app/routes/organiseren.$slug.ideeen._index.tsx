import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useT } from "~/lib/i18n/react";
import { requirePermission } from "~/routes-support/guards.server";
import { requireContestManager } from "~/routes-support/contest-access.server";
import { listForModeration } from "~/modules/ideas/moderation.server";
import { reportedReactions } from "~/modules/draagvlak/reactions.server";
import { ideaListsPath, ideaPath, moderateIdeaPath, paperIdeaPath } from "~/modules/ideas/paths";
import { PAPER_PHASES } from "~/modules/ideas/rules";
import { checkPhase, phaseAt } from "~/modules/contests/phases";
import { now } from "~/lib/clock.server";
import { IdeaStatusBadge } from "~/ui/idea-card";
import { PageTitle } from "~/ui/page-title";
import { usePhaseWords } from "~/ui/phase-words";
import ideasStyles from "~/ui/ideas.css?url";
import type { I18nHandle } from "~/lib/i18n/sections";

export const handle = { i18n: ["ideas", "initiative"] } satisfies I18nHandle;

export const links = () => [{ rel: "stylesheet", href: ideasStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { details } = await requireContestManager(request, params.slug);
  await requirePermission(request, "idea:moderate", details.target);
  const { rows, drafts } = await listForModeration(details.contest.id);
  // Offer paper ideas only when they can be entered, and otherwise say when (issue 18: the button led to a 409).
  const paper = checkPhase(phaseAt(details.clock, now()), PAPER_PHASES);
  return {
    slug: details.contest.slug,
    title: details.contest.title,
    rows,
    drafts,
    paperClosed: paper.ok ? null : paper,
    reactions: await reportedReactions(details.contest.id),
  };
}

export default function OrganiserIdeasPage() {
  const t = useT();
  const phaseWords = usePhaseWords();
  const { slug, title, rows, drafts, paperClosed, reactions } = useLoaderData<typeof loader>();
  return (
    <div className="org-ideas">
      <PageTitle title={`${title} · ${t("ideas.orgTitle")}`} />
      <h2>{t("ideas.orgTitle")}</h2>
      <p>{t("ideas.orgLead")}</p>
      <p className="actions-row">
        {paperClosed ? null : (
          <Link to={paperIdeaPath(slug)} className="button">
            {t("ideas.orgPaper")}
          </Link>
        )}
        <Link to={ideaListsPath(slug)}>{t("ideas.orgLists")}</Link>
      </p>
      {paperClosed ? (
        <p className="muted small">
          <strong>{t("ideas.orgPaperClosed")}</strong> {phaseWords.refusal(paperClosed)}
        </p>
      ) : null}
      {rows.length === 0 ? (
        <p className="empty">{t("ideas.orgNoIdeas")}</p>
      ) : (
        <table className="org-ideas-table">
          <thead>
            <tr>
              <th scope="col">{t("ideas.orgColumnIdea")}</th>
              <th scope="col">{t("ideas.orgColumnStatus")}</th>
              <th scope="col">{t("ideas.orgColumnReports")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} className={row.openReports > 0 ? "has-reports" : undefined}>
                <td>
                  <Link to={moderateIdeaPath(slug, row.id)}>{row.title}</Link>
                  <br />
                  <span className="small muted">
                    {row.isPaper ? `${row.paperName} (${t("ideas.orgPaperMark")})` : row.ownerName}
                    {row.unconfirmed && row.status !== "withdrawn" ? ` · ${t("ideas.orgUnconfirmed")}` : ""}
                  </span>
                </td>
                <td>
                  <IdeaStatusBadge status={row.status} hidden={row.hidden} />
                </td>
                <td>{row.openReports > 0 ? <strong>{t("ideas.orgOpenReports", { n: row.openReports })}</strong> : <span className="muted">-</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {drafts > 0 ? <p className="muted small">{t("ideas.orgDrafts", { n: drafts })}</p> : null}
      <section aria-labelledby="gemelde-reacties" className="stack">
        <h3 id="gemelde-reacties">{t("initiative.reported.title")}</h3>
        {reactions.length === 0 ? (
          <p className="muted">{t("initiative.reported.none")}</p>
        ) : (
          <ul className="plain-list stack">
            {reactions.map((r) => (
              <li key={r.reactionId} className="card">
                <p>
                  <strong>{t("initiative.reported.reports", { n: r.openReports })}</strong> · {r.ideaTitle} · {r.authorName}
                  {r.hidden ? ` · ${t("initiative.reported.hidden")}` : ""}
                </p>
                <p className="idea-text">{r.body}</p>
                <Link to={`${ideaPath(slug, r.ideaId)}#reacties`}>{t("initiative.reported.open", { title: r.ideaTitle })}</Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <p className="small">
        <Link to={`/rondes/${slug}/ideeen`}>{t("ideas.backToList")}</Link>
      </p>
    </div>
  );
}
