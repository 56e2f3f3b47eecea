import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { now } from "~/lib/clock.server";
import { redirectWith } from "~/routes-support/http.server";
import { useT } from "~/lib/i18n/react";
import { requireContestManager } from "~/routes-support/contest-access.server";
import { phaseAt } from "~/modules/contests/phases";
import { rulesLocked } from "~/modules/contests/settings";
import { addressListSummary } from "~/modules/voting/address-list.server";
import { saveAddressListFromRequest, type AddressListRefusal } from "~/routes-support/address-list-request.server";
import { addressLettersPath, addressListPath, votingConsolePath } from "~/modules/voting/paths";
import { PageTitle } from "~/ui/page-title";
import type { I18nHandle } from "~/lib/i18n/sections";

export const handle = { i18n: ["voting"] } satisfies I18nHandle;

// The municipality's list of eligible addresses (issue 15, Stemmen › Adressen): uploaded as CSV,
// stored only as keyed hashes with the number of residents who may vote at each address. It can be
// replaced until voting starts; letters with a code per resident can be made from the same upload.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { details } = await requireContestManager(request, params.slug);
  const contest = details.contest;
  return {
    slug: contest.slug,
    title: contest.title,
    usesList: contest.accountCheck === "address-list",
    eligibleByCode: contest.eligibleByCode,
    locked: rulesLocked(phaseAt(details.clock, now())),
    summary: await addressListSummary(contest.id),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const result = await saveAddressListFromRequest(request, params.slug, false);
  if (!result.ok) return data<AddressListRefusal>(result.refusal, { status: result.refusal.status });
  const { addresses, voters } = result.saved;
  return redirectWith(addressListPath(result.details.contest.slug), {
    flash: { key: "voting.addressListSaved", params: { addresses: String(addresses), voters: String(voters) } },
  });
}

export default function AddressListPage() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  const refusal = useActionData<typeof action>() as AddressListRefusal | undefined;
  return (
    <>
      <PageTitle title={`${page.title} · ${t("voting.addressListTitle")}`} />
      <p className="breadcrumb">
        <Link to={votingConsolePath(page.slug)}>{t("voting.tab")}</Link>
      </p>
      <section className="card stack" aria-labelledby="adressen-titel">
        <h2 id="adressen-titel">{t("voting.addressListTitle")}</h2>
        {!page.usesList ? <p className="notice warning">{t("voting.addressListNotUsed")}</p> : null}
        <p>{page.summary ? t("voting.addressListSummary", { addresses: page.summary.addresses, voters: page.summary.voters }) : t("voting.addressListNone")}</p>
        <p>{t("voting.addressListPrivacy")}</p>
        {refusal ? (
          <div className="form-error" role="alert">
            <p>{t("voting.addressListRefused")}</p>
            <ul>
              {refusal.problems.map((p, i) => (
                <li key={i}>
                  {p.line > 0
                    ? t("voting.addressListLine", { line: p.line, problem: t(`voting.addressListProblem.${p.problem}`) })
                    : t(`voting.addressListProblem.${p.problem}`)}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {page.locked ? (
          <p className="notice">{t("voting.addressListLocked")}</p>
        ) : (
          <Form method="post" encType="multipart/form-data" className="stack" reloadDocument>
            <div className="field">
              <label htmlFor="address-list">{t("voting.addressListFile")}</label>
              <p className="field-hint" id="address-list-hint">
                {t("voting.addressListFormat")}
              </p>
              <input id="address-list" name="list" type="file" accept=".csv,text/csv,text/plain" required aria-describedby="address-list-hint" />
            </div>
            <p className="hero-actions">
              <button type="submit" className="button primary">
                {t("voting.addressListSave")}
              </button>
              {page.eligibleByCode ? (
                <button type="submit" className="button" formAction={addressLettersPath(page.slug)}>
                  {t("voting.addressListSaveLetters")}
                </button>
              ) : null}
            </p>
            {page.eligibleByCode ? <p className="muted small">{t("voting.addressListLettersNote")}</p> : null}
          </Form>
        )}
      </section>
    </>
  );
}
