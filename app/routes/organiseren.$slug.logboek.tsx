import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { listAudit } from "~/lib/audit.server";
import { getLocale } from "~/routes-support/locale.server";
import { formatDateTime } from "~/lib/format";
import { translator } from "~/lib/i18n";
import { useLocale, useT } from "~/lib/i18n/react";
import { userNames } from "~/modules/auth/users.server";
import { requireContestManager } from "~/routes-support/contest-access.server";
import { auditChanges } from "~/modules/contests/audit-view";
import { ideaTitles } from "~/modules/voting/votes.server";
import { auditSentence, sentenceText, subjectIdeaId } from "~/workflows/audit-sentences";
import { PageTitle } from "~/ui/page-title";
import type { I18nHandle } from "~/lib/i18n/sections";

export const handle = { i18n: ["rounds", "results", "console", "auditLog", "ideas", "jury", "taakgroepen", "aftercare", "help"] } satisfies I18nHandle;

const parse = (json: string | null): unknown => (json ? (JSON.parse(json) as unknown) : null);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { details } = await requireContestManager(request, params.slug);
  const entries = await listAudit(details.contest.id);
  const names = await userNames(entries.map((e) => e.userId));
  const titles = await ideaTitles(entries.flatMap((e) => subjectIdeaId(e.action, e.subject) ?? []));
  const locale = await getLocale(request);
  const removedAccount = translator(locale)("auditLog.removedAccount");
  return {
    title: details.contest.title,
    entries: entries.map((e) => {
      const ideaId = subjectIdeaId(e.action, e.subject);
      return {
        id: e.id,
        at: e.at.getTime(),
        sentence: auditSentence({
          action: e.action,
          who: e.userId ? (names.get(e.userId) ?? removedAccount) : null,
          subject: e.subject,
          ideaTitle: ideaId === null ? null : (titles.get(ideaId) ?? null),
          before: parse(e.before),
          after: parse(e.after),
        }),
        reason: e.reason,
        changes: auditChanges(e.before, e.after, (ms) => formatDateTime(ms, locale)),
      };
    }),
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
            <h3>{sentenceText(e.sentence, t, locale)}</h3>
            <p className="muted small">{formatDateTime(e.at, locale)}</p>
            {e.reason ? <p>{t("auditLog.reason", { reason: e.reason })}</p> : null}
            {e.changes.length > 0 ? (
              // The raw record stays for whoever needs to check it, folded away from whoever reads the log.
              <details className="audit-details">
                <summary>{t("auditLog.details")}</summary>
                <table className="audit-diff">
                  <thead>
                    <tr>
                      <th scope="col">{t("auditLog.detailsField")}</th>
                      <th scope="col">{t("auditLog.detailsBefore")}</th>
                      <th scope="col">{t("auditLog.detailsAfter")}</th>
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
              </details>
            ) : null}
          </li>
        ))}
      </ol>
    </>
  );
}
