import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { now } from "~/lib/clock.server";
import { useT } from "~/lib/i18n/react";
import { requireContestManager } from "~/routes-support/contest-access.server";
import { phaseAt } from "~/modules/contests/phases";
import consoleStyles from "~/ui/console.css?url";
import { phaseName } from "~/ui/phase-words";
import type { I18nHandle } from "~/lib/i18n/sections";

export const handle = { i18n: ["results", "console", "jury", "voting", "taakgroepen", "draagvlak", "aftercare", "participation"] } satisfies I18nHandle;

export const links = () => [{ rel: "stylesheet", href: consoleStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { details } = await requireContestManager(request, params.slug);
  return {
    slug: details.contest.slug,
    title: details.contest.title,
    organisationName: details.organisationName,
    phase: phaseAt(details.clock, now()).phase,
  };
}

export default function ContestConsoleLayout() {
  const t = useT();
  const { slug, title, organisationName, phase } = useLoaderData<typeof loader>();
  return (
    <div className="page console">
      <p className="breadcrumb">
        <Link to="/organiseren">{t("console.title")}</Link> <span aria-hidden="true">›</span> {organisationName}
      </p>
      <div className="console-head">
        <h1>{title}</h1>
        <span className={`badge ${phase === "concept" ? "badge-muted" : "badge-ok"}`}>{phaseName(t, phase)}</span>
      </div>
      <nav aria-label={t("console.tabsLabel")} className="tabs">
        <NavLink to={`/organiseren/${slug}`} end>
          {t("console.tabOverview")}
        </NavLink>
        <NavLink to={`/organiseren/${slug}/ideeen`}>{t("console.tabIdeas")}</NavLink>
        <NavLink to={`/organiseren/${slug}/draagvlak`}>{t("draagvlak.consoleTab")}</NavLink>
        <NavLink to={`/organiseren/${slug}/jury`}>{t("jury.tabPanel")}</NavLink>
        <NavLink to={`/organiseren/${slug}/stemmen`}>{t("voting.tab")}</NavLink>
        <NavLink to={`/organiseren/${slug}/uitslag`}>{t("results.console.tab")}</NavLink>
        <NavLink to={`/organiseren/${slug}/taakgroepen`}>{t("taakgroepen.console.tab")}</NavLink>
        <NavLink to={`/organiseren/${slug}/nazorg`}>{t("aftercare.followUp.title")}</NavLink>
        <NavLink to={`/organiseren/${slug}/deelname`}>{t("participation.console.tab")}</NavLink>
        <NavLink to={`/organiseren/${slug}/instellingen`}>{t("console.tabSettings")}</NavLink>
        <NavLink to={`/organiseren/${slug}/planning`}>{t("console.tabSchedule")}</NavLink>
        <NavLink to={`/organiseren/${slug}/logboek`}>{t("console.tabLog")}</NavLink>
      </nav>
      <Outlet />
    </div>
  );
}
