import type { ActionFunctionArgs, HeadersFunction, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { getEnv, publicOrigin } from "~/lib/env.server";
import { formatDateTime } from "~/lib/format";
import { translateMessage } from "~/lib/i18n/core";
import { useLocale, useT } from "~/lib/i18n/react";
import { requireContestManager } from "~/routes-support/contest-access.server";
import { phaseAt } from "~/modules/contests/phases";
import { makeCodeBatchFromRequest } from "~/routes-support/code-batch-request.server";
import { letterCodeUrl, shortVotePath, votingConsolePath } from "~/modules/voting/paths";
import { qrPath } from "~/modules/ideas/poster.server";
import { votesPhrase } from "~/ui/contest-texts";
import { PageTitle } from "~/ui/page-title";
import { roundLookOf, type RoundLook } from "~/modules/auth/organisation-look";
import { accentStyle, OrganisationLogo } from "~/ui/organisation-look";
import votingStyles from "~/ui/voting.css?url";
import type { I18nHandle } from "~/lib/i18n/sections";

export const handle = { i18n: ["rounds", "letters", "voting"] } satisfies I18nHandle;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: votingStyles }];

// Makes a batch of voting codes and hands them out this once (ADR 007): as a CSV file for a mail
// merge, or as a page of letters to print (one letter per printed page, @media print in voting.css).
// Only their keyed hashes stay behind; nothing here can show the codes again.

type Letters = {
  label: string;
  organisation: string;
  look: RoundLook;
  contestTitle: string;
  votesPerResident: number;
  url: string;
  closesAt: number | null;
  accountsToo: boolean;
  codes: { code: string; qr: { size: number; d: string } }[];
};
type ActionData = { errors: string[]; letters: Letters | null };

export const headers: HeadersFunction = ({ actionHeaders }) => actionHeaders;

// Opened without a post (a bookmark, the back button), the page only leads back: the codes are gone.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { details } = await requireContestManager(request, params.slug);
  return { slug: details.contest.slug };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const batch = await makeCodeBatchFromRequest(request, params.slug);
  if (!batch.ok) return data<ActionData>({ errors: batch.errors, letters: null }, { status: batch.status });
  const { details, at, label, codes } = batch;
  const contest = details.contest;
  const noStore = { "Cache-Control": "no-store" };
  const schedule = phaseAt(details.clock, at).schedule;
  const origin = publicOrigin(request, getEnv().appUrl);
  return data<ActionData>(
    {
      errors: [],
      letters: {
        label,
        organisation: details.organisationName,
        // The sender's logo and colour on every letter (ADR 025); printed, so the large file.
        look: roundLookOf(details, "large"),
        contestTitle: contest.title,
        votesPerResident: contest.votesPerResident,
        // A short address to type (APP_URL/stem) instead of the round's long one.
        url: `${origin.replace(/^https?:\/\//, "")}${shortVotePath}`,
        closesAt: schedule?.stemmen.end ?? null,
        accountsToo: contest.eligibleByAccount,
        codes: codes.map((code) => ({ code, qr: qrPath(letterCodeUrl(origin, code)) })),
      },
    },
    { headers: noStore },
  );
}

export default function CodeLetters() {
  const t = useT();
  const locale = useLocale();
  const result = useActionData<typeof action>() as ActionData | undefined;
  const { slug } = useLoaderData<typeof loader>();
  const [canPrint, setCanPrint] = useState(false);
  useEffect(() => setCanPrint(true), []);
  if (!result || !result.letters) {
    return (
      <>
        <PageTitle title={t("voting.codesTitle")} />
        {result?.errors.length ? (
          <div className="form-error" role="alert">
            {result.errors.map((e) => translateMessage(t, e)).join(" ")}
          </div>
        ) : (
          <p className="notice warning">{t("voting.codesOnce")}</p>
        )}
        <p>
          <Link to={votingConsolePath(slug)}>{t("voting.codesTitle")}</Link>
        </p>
      </>
    );
  }
  const { letters } = result;
  return (
    <>
      <PageTitle title={t("voting.lettersTitle", { label: letters.label })} />
      <div className="letters-toolbar">
        <h2>{t("voting.lettersTitle", { label: letters.label })}</h2>
        <p className="notice warning" role="status">
          {t("voting.batchCreated", { label: letters.label, n: letters.codes.length })} {t("voting.lettersNote")}
        </p>
        {canPrint ? (
          <button type="button" className="button primary" onClick={() => window.print()}>
            {t("voting.lettersPrint")}
          </button>
        ) : null}
      </div>
      {letters.codes.map(({ code, qr }) => (
        <section className="letter" key={code} aria-label={code} style={accentStyle(letters.look.accent)}>
          <div className="letter-head">
            <OrganisationLogo look={letters.look} className="letter-logo" />
            <p className="letter-from">{t("letters.from", { organisation: letters.organisation })}</p>
          </div>
          <h3>{letters.contestTitle}</h3>
          <p>{t("voting.letterGreeting")}</p>
          <p>{t("voting.letterBody", { contest: letters.contestTitle, votes: votesPhrase(t, locale, letters.votesPerResident) })}</p>
          <div className="letter-code-block">
            <div>
              <p>{t("letters.how", { url: letters.url })}</p>
              <p className="letter-code-label">{t("letters.codeLabel")}</p>
              <p className="letter-code">{code}</p>
              <p className="small">{t("letters.scan")}</p>
            </div>
            <svg className="letter-qr" viewBox={`-4 -4 ${qr.size + 8} ${qr.size + 8}`} role="img" aria-label={t("letters.qrLabel")} shapeRendering="crispEdges">
              <rect x={-4} y={-4} width={qr.size + 8} height={qr.size + 8} fill="#fff" />
              <path d={qr.d} fill="#000" />
            </svg>
          </div>
          {letters.closesAt !== null ? <p>{t("voting.letterUntil", { date: formatDateTime(letters.closesAt, locale) })}</p> : null}
          {letters.accountsToo ? <p>{t("voting.letterAccount")}</p> : null}
        </section>
      ))}
    </>
  );
}
