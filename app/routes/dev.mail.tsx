import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { formatDateTime } from "~/lib/format";
import { listDevMail, mayReadDevMailbox } from "~/lib/dev-mailbox.server";
import { notFound } from "~/routes-support/http.server";
import { useLocale, useT } from "~/lib/i18n/react";
import { PageTitle } from "~/ui/page-title";

// Exists only while there is no SMTP server and not in production, and only for this machine: it shows reset links.
export async function loader({ request, context }: LoaderFunctionArgs) {
  if (!mayReadDevMailbox(request, context)) notFound();
  return { mails: (await listDevMail()).map((m) => ({ ...m, createdAt: m.createdAt.getTime() })) };
}

export default function DevMailPage() {
  const t = useT();
  const locale = useLocale();
  const { mails } = useLoaderData<typeof loader>();
  return (
    <section className="page">
      <PageTitle title={t("devMail.title")} />
      <h1>{t("devMail.title")}</h1>
      <p className="lead">{t("devMail.lead")}</p>
      {mails.length === 0 ? <p>{t("devMail.empty")}</p> : null}
      <ol className="mail-list">
        {mails.map((m) => (
          <li key={m.id} className="card">
            <h2>{m.subject}</h2>
            <p className="muted">
              {t("devMail.to")}: {m.to} · {t("devMail.sentAt")}: {formatDateTime(m.createdAt, locale)}
            </p>
            <pre className="mail-body">{m.text}</pre>
          </li>
        ))}
      </ol>
    </section>
  );
}
