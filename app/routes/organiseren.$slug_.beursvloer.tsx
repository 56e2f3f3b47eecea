import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { now } from "~/lib/clock.server";
import { formatDateTime } from "~/lib/format";
import { useLocale, useT } from "~/lib/i18n/react";
import { beursvloerOf } from "~/modules/help/beursvloer.server";
import { requireContestManager } from "~/routes-support/contest-access.server";
import { PageTitle } from "~/ui/page-title";
import helpStyles from "~/ui/help.css?url";
import type { I18nHandle } from "~/lib/i18n/sections";

export const handle = { i18n: ["help"] } satisfies I18nHandle;

export const links = () => [{ rel: "stylesheet", href: helpStyles }];

// The beursvloer on paper (issue 21.4): for the meeting where initiators and helpers sit at tables,
// every idea's needs with what was matched, and every offer with its contact. Organisers only: it
// holds the contacts.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { details, actor } = await requireContestManager(request, params.slug);
  return {
    slug: details.contest.slug,
    title: details.contest.title,
    at: now(),
    ...(await beursvloerOf(details.contest.id, { userId: actor.userId, isOrganiser: true })),
  };
}

export default function BeursvloerPrintPage() {
  const t = useT();
  const locale = useLocale();
  const page = useLoaderData<typeof loader>();
  const [canPrint, setCanPrint] = useState(false);
  useEffect(() => setCanPrint(true), []);
  return (
    <section className="page help-print">
      <PageTitle title={t("help.printTitle", { title: page.title })} />
      <div className="help-print-controls">
        <p className="breadcrumb">
          <Link to={`/rondes/${page.slug}/beursvloer`}>{t("help.title")}</Link>
        </p>
        {canPrint ? (
          <button type="button" className="button primary" onClick={() => window.print()}>
            {t("help.printButton")}
          </button>
        ) : null}
      </div>
      <h1>{t("help.printTitle", { title: page.title })}</h1>
      <p>{t("help.printLead", { date: formatDateTime(page.at, locale) })}</p>
      <h2>{t("help.needsTitle")}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("help.needIdea")}</th>
            <th scope="col">{t("help.needKind")}</th>
            <th scope="col">{t("help.needDescription")}</th>
            <th scope="col">{t("help.matchLabel")}</th>
          </tr>
        </thead>
        <tbody>
          {page.ideas.flatMap((idea) =>
            idea.needs.length === 0
              ? [
                  <tr key={`i${idea.id}`}>
                    <th scope="row">{idea.title}</th>
                    <td colSpan={3} className="muted">
                      {t("help.noNeeds")}
                    </td>
                  </tr>,
                ]
              : idea.needs.map((need, i) => (
                  <tr key={need.id}>
                    <th scope="row">{i === 0 ? idea.title : ""}</th>
                    <td>{t(`help.kinds.${need.kind}`)}</td>
                    <td>
                      {need.description}
                      <br />
                      <strong>{t(`help.needStates.${need.state}`)}</strong>
                    </td>
                    <td>
                      {need.matches.map((m) => (
                        <p key={m.id}>
                          {t(`help.matchStatuses.${m.status}`)}: {m.offer.name}
                          {m.offer.contact ? ` (${m.offer.contact})` : ""}
                        </p>
                      ))}
                    </td>
                  </tr>
                )),
          )}
        </tbody>
      </table>
      <h2>{t("help.offersTitle")}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("help.offerName")}</th>
            <th scope="col">{t("help.offerKind")}</th>
            <th scope="col">{t("help.offerDescription")}</th>
            <th scope="col">{t("help.offerContact")}</th>
          </tr>
        </thead>
        <tbody>
          {page.offers
            .filter((o) => !o.withdrawn)
            .map((o) => (
              <tr key={o.id}>
                <th scope="row">
                  {o.name}
                  <br />
                  <span className="muted small">{t(`help.offererKinds.${o.offererKind}`)}</span>
                </th>
                <td>{t(`help.kinds.${o.kind}`)}</td>
                <td>
                  {o.description}
                  <br />
                  <span className="muted small">{o.inReturn ? t("help.inReturn", { text: o.inReturn }) : t("help.nothingInReturn")}</span>
                </td>
                <td>{o.contact}</td>
              </tr>
            ))}
        </tbody>
      </table>
    </section>
  );
}
