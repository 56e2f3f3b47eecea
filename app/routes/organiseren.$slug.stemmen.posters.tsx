import { parseWithZod } from "~/lib/parse-form";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { now } from "~/lib/clock.server";
import { POST_LIMITS, readForm, redirectWith } from "~/routes-support/http.server";
import { translateMessage, type MessageKey } from "~/lib/i18n/core";
import { useT } from "~/lib/i18n/react";
import { requireContestManager } from "~/routes-support/contest-access.server";
import { requirePhase } from "~/routes-support/refusals.server";
import { checkPhase, phaseAt } from "~/modules/contests/phases";
import { resolveSchema } from "~/modules/voting/console-forms";
import { POSTER_PHASES } from "~/modules/voting/console-phases";
import { postersPath, votingConsolePath } from "~/modules/voting/paths";
import { MAX_POSTER_COUNT, posterCountsFormSchema, type PosterLineStatus } from "~/modules/voting/poster-counts";
import { posterCountsFor, resolvePosterDifference, savePosterCount } from "~/modules/voting/poster-counts.server";
import { ballotIdeaIds, ideaTitles, votingContestOf } from "~/modules/voting/votes.server";
import { PageTitle } from "~/ui/page-title";
import votingStyles from "~/ui/voting.css?url";
import type { I18nHandle } from "~/lib/i18n/sections";

export const handle = { i18n: ["voting"] } satisfies I18nHandle;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: votingStyles }];

// The sticker counts of the paper posters (issue 6): each of two organisers enters their own count;
// once both are in, the differences show and are resolved, and only then do the counts count.

const statusKeys: Record<PosterLineStatus, MessageKey> = {
  equal: "voting.postersEqual",
  different: "voting.postersDifferent",
  missing: "voting.postersMissing",
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { details, actor } = await requireContestManager(request, params.slug);
  const contest = votingContestOf(details);
  const ideaIds = await ballotIdeaIds(contest.id);
  const titles = await ideaTitles(ideaIds);
  return {
    slug: contest.slug,
    title: contest.title,
    enabled: contest.eligibleByPoster,
    open: checkPhase(phaseAt(details.clock, now()), POSTER_PHASES).ok,
    ideas: ideaIds.map((id) => ({ id, title: titles.get(id) ?? String(id) })),
    view: await posterCountsFor({ contestId: contest.id, viewerId: actor.userId, ideaIds }),
  };
}

type ActionData = { errors: string[]; taken?: boolean };

export async function action({ request, params }: ActionFunctionArgs) {
  const { details, actor } = await requireContestManager(request, params.slug);
  const at = now();
  requirePhase(details, POSTER_PHASES, at);
  const contest = votingContestOf(details);
  if (!contest.eligibleByPoster) return data<ActionData>({ errors: ["voting.postersDisabled"] }, { status: 409 });
  const form = await readForm(request, POST_LIMITS.rows);
  const ideaIds = await ballotIdeaIds(contest.id);
  const issues = (error: Record<string, unknown> | null | undefined) =>
    Object.values(error ?? {})
      .flat()
      .filter((e): e is string => typeof e === "string");
  if (form.get("intent") === "resolve") {
    const submission = parseWithZod(form, { schema: resolveSchema });
    if (submission.status !== "success") return data<ActionData>({ errors: issues(submission.error) }, { status: 400 });
    if (!ideaIds.includes(submission.value.ideaId)) return data<ActionData>({ errors: ["voting.unknownIdea"] }, { status: 400 });
    await resolvePosterDifference({ contestId: contest.id, actorUserId: actor.userId, ...submission.value, now: at });
    return redirectWith(postersPath(contest.slug), { flash: { key: "voting.postersResolved" } });
  }
  const submission = parseWithZod(form, { schema: posterCountsFormSchema(ideaIds) });
  if (submission.status !== "success") return data<ActionData>({ errors: issues(submission.error) }, { status: 400 });
  const saved = await savePosterCount({ contestId: contest.id, actorUserId: actor.userId, counts: submission.value, now: at });
  if (!saved.ok) return data<ActionData>({ errors: [], taken: true }, { status: 409 });
  return redirectWith(postersPath(contest.slug), { flash: { key: "voting.postersSaved" } });
}

export default function PosterCountsPage() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionData | undefined;
  const { view } = page;
  const own = new Map((view.own?.counts ?? []).map((c) => [c.ideaId, c.count]));
  const titleOf = (id: number) => page.ideas.find((i) => i.id === id)?.title ?? String(id);
  const slotLabel = (slot: "a" | "b") => t("voting.postersSlot", { slot: slot.toUpperCase() });
  return (
    <>
      <PageTitle title={`${page.title} · ${t("voting.postersTitle")}`} />
      <p className="breadcrumb">
        <Link to={votingConsolePath(page.slug)}>{t("voting.tab")}</Link> <span aria-hidden="true">›</span> {t("voting.postersTitle")}
      </p>
      <h2>{t("voting.postersTitle")}</h2>
      {!page.enabled ? (
        <p className="notice warning">{t("voting.postersDisabled")}</p>
      ) : (
        <>
          <p>{t("voting.postersLead")}</p>
          {result?.errors.length ? (
            <div className="form-error" role="alert">
              {result.errors.map((e) => translateMessage(t, e)).join(" ")}
            </div>
          ) : null}
          {result?.taken ? (
            <div className="form-error" role="alert">
              {t("voting.postersTaken")}
            </div>
          ) : null}

          {page.open && (view.own || view.entries < 2) ? (
            <Form method="post" className="card stack" aria-labelledby="eigen-telling">
              <h3 id="eigen-telling">
                {t("voting.postersYourCount")}
                {view.own ? ` (${slotLabel(view.own.slot)})` : null}
              </h3>
              <div className="count-inputs">
                {page.ideas.map((idea) => (
                  <div className="field" key={idea.id}>
                    <label htmlFor={`count-${idea.id}`}>
                      <span aria-hidden="true">{idea.title}</span>
                      <span className="visually-hidden">{t("voting.postersCountName", { title: idea.title })}</span>
                    </label>
                    <input
                      id={`count-${idea.id}`}
                      name={`count.${idea.id}`}
                      type="number"
                      min={0}
                      max={MAX_POSTER_COUNT}
                      inputMode="numeric"
                      defaultValue={own.get(idea.id) ?? ""}
                    />
                  </div>
                ))}
              </div>
              <button type="submit" className="button primary">
                {t("voting.postersSave")}
              </button>
            </Form>
          ) : null}
          {!view.own && view.entries >= 2 ? <p className="notice">{t("voting.postersTaken")}</p> : null}

          {view.comparison === null ? (
            view.own ? (
              <p className="notice">{t("voting.postersWaiting")}</p>
            ) : null
          ) : (
            <section className="card" aria-labelledby="vergelijking">
              <h3 id="vergelijking">{t("voting.postersCompare")}</h3>
              {view.comparison.sameOrganiser ? <p className="form-error">{t("voting.postersSameOrganiser")}</p> : null}
              {view.comparison.reconciled ? <p className="notice">{t("voting.postersReconciled")}</p> : null}
              <div className="table-scroll">
                <table className="count-table">
                  <thead>
                    <tr>
                      <th scope="col">{t("voting.postersIdea")}</th>
                      <th scope="col" className="number">
                        {t("voting.postersA")}
                      </th>
                      <th scope="col" className="number">
                        {t("voting.postersB")}
                      </th>
                      <th scope="col">{t("voting.postersCompare")}</th>
                      <th scope="col" className="number">
                        {t("voting.postersFinal")}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {view.comparison.lines.map((line) => (
                      <tr key={line.ideaId}>
                        <th scope="row">{titleOf(line.ideaId)}</th>
                        <td className="number">{line.a ?? "–"}</td>
                        <td className="number">{line.b ?? "–"}</td>
                        <td className={`status-${line.status}`}>{t(statusKeys[line.status])}</td>
                        <td className="number">{line.final ?? "–"}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {page.open && view.comparison.lines.some((l) => l.status === "different") ? (
                <>
                  <h4>{t("voting.postersResolveTitle")}</h4>
                  <p>{t("voting.postersResolveLead")}</p>
                  {view.comparison.lines
                    .filter((l) => l.status === "different")
                    .map((line) => (
                      <Form
                        method="post"
                        className="stack resolve-form"
                        key={line.ideaId}
                        aria-label={`${t("voting.postersResolve")}: ${titleOf(line.ideaId)}`}
                      >
                        <input type="hidden" name="intent" value="resolve" />
                        <input type="hidden" name="ideaId" value={line.ideaId} />
                        <p>
                          <strong>{titleOf(line.ideaId)}</strong>: {line.a} / {line.b}
                        </p>
                        <div className="field">
                          <label htmlFor={`resolve-count-${line.ideaId}`}>{t("voting.postersCountName", { title: titleOf(line.ideaId) })}</label>
                          <input
                            id={`resolve-count-${line.ideaId}`}
                            name="count"
                            type="number"
                            min={0}
                            max={MAX_POSTER_COUNT}
                            inputMode="numeric"
                            defaultValue={line.resolved ?? ""}
                            required
                          />
                        </div>
                        <div className="field">
                          <label htmlFor={`resolve-note-${line.ideaId}`}>{t("voting.postersResolveNote")}</label>
                          <p className="field-hint" id={`resolve-note-${line.ideaId}-hint`}>
                            {t("voting.postersResolveNoteHint")}
                          </p>
                          <input
                            id={`resolve-note-${line.ideaId}`}
                            name="note"
                            aria-describedby={`resolve-note-${line.ideaId}-hint`}
                            required
                            maxLength={200}
                          />
                        </div>
                        <button type="submit" className="button">
                          {t("voting.postersResolve")}
                        </button>
                      </Form>
                    ))}
                </>
              ) : null}
            </section>
          )}
        </>
      )}
    </>
  );
}
