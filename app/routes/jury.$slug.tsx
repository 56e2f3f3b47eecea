import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { useT } from "~/lib/i18n/react";

import { loadJuryContext } from "~/routes-support/jury-access.server";
import { juryDecisionPath, juryHomePath, juryOverviewPath, juryPanelPath, juryPath } from "~/modules/jury/paths";
import juryStyles from "~/ui/jury.css?url";
import { phaseName } from "~/ui/phase-words";
import type { I18nHandle } from "~/lib/i18n/sections";

export const handle = { i18n: ["jury"] } satisfies I18nHandle;

export const links = () => [{ rel: "stylesheet", href: juryStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await loadJuryContext(request, params.slug);
  return {
    slug: ctx.details.contest.slug,
    title: ctx.details.contest.title,
    phase: ctx.phase.phase,
    isJuror: ctx.juror !== null,
    isChair: ctx.juror?.isChair ?? false,
    mayDecide: ctx.mayDecide,
    isOrganiser: ctx.isOrganiser,
  };
}

export default function JuryLayout() {
  const t = useT();
  const { slug, title, phase, isJuror, isChair, mayDecide, isOrganiser } = useLoaderData<typeof loader>();
  return (
    <div className="page jury">
      <p className="breadcrumb">
        <Link to={juryHomePath()}>{t("jury.myContestsTitle")}</Link> <span aria-hidden="true">›</span> {title}
      </p>
      <div className="jury-head">
        <h1>
          {t("jury.title")}: {title}
        </h1>
        <span className="badge badge-ok">{phaseName(t, phase)}</span>
        {isJuror ? <span className="badge badge-muted">{isChair ? t("jury.chair") : t("jury.juror")}</span> : null}
      </div>
      <nav aria-label={t("jury.tabsLabel")} className="jury-tabs">
        <NavLink to={juryPath(slug)} end>
          {t("jury.tabScore")}
        </NavLink>
        {mayDecide ? <NavLink to={juryOverviewPath(slug)}>{t("jury.tabOverview")}</NavLink> : null}
        {mayDecide ? <NavLink to={juryDecisionPath(slug)}>{t("jury.tabDecision")}</NavLink> : null}
        {isOrganiser ? <Link to={juryPanelPath(slug)}>{t("jury.tabPanel")}</Link> : null}
      </nav>
      <Outlet />
    </div>
  );
}
