import type { LinksFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { now } from "~/lib/clock.server";
import { useT } from "~/lib/i18n/react";
import type { MessageKey } from "~/lib/i18n";
import { listPublicContests } from "~/modules/contests/public-contests.server";
import { groupForPublicList, type ListGroup } from "~/modules/contests/public-view";
import { ContestCard } from "~/ui/contest-card";
import { PageTitle } from "~/ui/page-title";
import roundsStyles from "~/ui/rounds.css?url";
import type { I18nHandle } from "~/lib/i18n/sections";

export const handle = { i18n: ["rounds"] } satisfies I18nHandle;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: roundsStyles }];

export async function loader() {
  const at = now();
  return { now: at, groups: groupForPublicList(await listPublicContests(at)) };
}

const sections: { group: ListGroup; title: MessageKey; empty: MessageKey }[] = [
  { group: "current", title: "rounds.groupCurrent", empty: "rounds.groupCurrentEmpty" },
  { group: "upcoming", title: "rounds.groupUpcoming", empty: "rounds.groupUpcomingEmpty" },
  { group: "past", title: "rounds.groupPast", empty: "rounds.groupPastEmpty" },
];

export default function ContestListPage() {
  const t = useT();
  const { now, groups } = useLoaderData<typeof loader>();
  return (
    <div className="page rounds-list">
      <PageTitle title={t("rounds.listTitle")} />
      <h1>{t("rounds.listTitle")}</h1>
      <p className="lead">{t("rounds.listLead")}</p>
      {sections.map(({ group, title, empty }) => (
        <section key={group} className="rounds-group" aria-labelledby={`groep-${group}`}>
          <h2 id={`groep-${group}`}>
            {t(title)} <span className="rounds-count">({groups[group].length})</span>
          </h2>
          {groups[group].length === 0 ? (
            <p className="rounds-empty">{t(empty)}</p>
          ) : (
            <ul className="card-grid">
              {groups[group].map((contest) => (
                <ContestCard key={contest.slug} contest={contest} now={now} />
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}
