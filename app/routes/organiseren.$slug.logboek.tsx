import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { listAudit } from "~/lib/audit.server";
import { getLocale } from "~/routes-support/locale.server";
import { formatDateTime } from "~/lib/format";
import { useLocale, useT } from "~/lib/i18n/react";
import type { MessageKey } from "~/lib/i18n";
import { userNames } from "~/modules/auth/users.server";
import { aftercareAuditLabels } from "~/modules/aftercare/audit-labels";
import { requireContestManager } from "~/routes-support/contest-access.server";
import { auditChanges } from "~/modules/contests/audit-view";
import { ideaAuditLabels } from "~/modules/ideas/audit-labels";
import { juryAuditLabels } from "~/modules/jury/audit-labels";
import { draagvlakAuditLabels } from "~/modules/draagvlak/audit-labels";
import { isPhase } from "~/modules/contests/phases";
import { PageTitle } from "~/ui/page-title";
import { phaseName } from "~/ui/phase-words";

const actionLabels: Record<string, MessageKey> = {
  ...ideaAuditLabels,
  ...juryAuditLabels,
  ...aftercareAuditLabels,
  ...draagvlakAuditLabels,
  "contest.created": "console.actionCreated",
  "contest.next-edition-started": "console.actionNextEdition",
  "contest.settings-changed": "console.actionSettingsChanged",
  "contest.schedule-set": "console.actionScheduleSet",
  "contest.published": "console.actionPublished",
  "contest.image-changed": "console.actionImageChanged",
  "aftercare.grant": "console.actionAftercareGrant",
  "aftercare.spending-override": "console.actionAftercareOverride",
  "results.archive-imported": "console.actionResultsImported",
  "results.corrected": "console.actionResultsCorrected",
  "results.revealed": "console.actionResultsRevealed",
  "taakgroep.export": "console.actionTaakgroepExport",
  "taakgroep.mark": "console.actionTaakgroepMark",
  "taakgroep.paper-signup": "console.actionTaakgroepPaperSignup",
  "participation.residents-saved": "participation.console.auditResidentsSaved",
  "voting.codes-generated": "console.actionCodesGenerated",
  "voting.codes-revoked": "console.actionCodesRevoked",
  "voting.poster-count-resolved": "console.actionPosterResolved",
  "voting.poster-count-saved": "console.actionPosterSaved",
  "contest.phase-close-early": "console.actionCloseEarly",
  "contest.phase-extend": "console.actionExtend",
  "contest.phase-reopen": "console.actionReopen",
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { details } = await requireContestManager(request, params.slug);
  const entries = listAudit(details.contest.id);
  const names = userNames(entries.map((e) => e.userId));
  const locale = await getLocale(request);
  return {
    title: details.contest.title,
    entries: entries.map((e) => ({
      id: e.id,
      at: e.at.getTime(),
      who: e.userId ? (names.get(e.userId) ?? e.userId) : "—",
      action: e.action,
      subject: e.subject,
      reason: e.reason,
      changes: auditChanges(e.before, e.after, (ms) => formatDateTime(ms, locale)),
    })),
  };
}

export default function AuditLogPage() {
  const t = useT();
  const locale = useLocale();
  const { title, entries } = useLoaderData<typeof loader>();
  return (
    <>
      <PageTitle title={`${title} · ${t("console.logTitle")}`} />
      <h2>{t("console.logTitle")}</h2>
      <p className="muted">{t("console.logLead")}</p>
      {entries.length === 0 ? <p>{t("console.logEmpty")}</p> : null}
      <ol className="audit-list">
        {entries.map((e) => (
          <li key={e.id} className="audit-entry">
            <h3>
              {actionLabels[e.action] ? t(actionLabels[e.action]!) : e.action}
              {e.subject ? `: ${isPhase(e.subject) ? phaseName(t, e.subject) : e.subject}` : ""}
            </h3>
            <p className="muted small">
              {e.who} · {formatDateTime(e.at, locale)}
            </p>
            {e.reason ? (
              <p>
                {t("console.logReason")}: {e.reason}
              </p>
            ) : null}
            {e.changes.length > 0 ? (
              <table className="audit-diff">
                <thead>
                  <tr>
                    <th scope="col">{t("console.logWhat")}</th>
                    <th scope="col">{t("console.logBefore")}</th>
                    <th scope="col">{t("console.logAfter")}</th>
                  </tr>
                </thead>
                <tbody>
                  {e.changes.map((c) => (
                    <tr key={c.field}>
                      <td>{c.field}</td>
                      <td>{c.before}</td>
                      <td>{c.after}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
          </li>
        ))}
      </ol>
    </>
  );
}
