import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "~/lib/parse-form";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { now } from "~/lib/clock.server";
import { formatDateTime } from "~/lib/format";
import { readForm, redirectWith } from "~/routes-support/http.server";
import { useLocale, useT } from "~/lib/i18n/react";
import { requireContestManager } from "~/routes-support/contest-access.server";
import { requirePhase } from "~/routes-support/refusals.server";
import { codeBatchSchema, MAX_CODES, MAX_LETTERS, revokeBatchSchema } from "~/modules/voting/console-forms";
import { listBatches, revokeBatch } from "~/modules/voting/codes.server";
import { CODE_PHASES } from "~/modules/voting/console-phases";
import { addressListPath, ballotReviewPath, codesCsvPath, codesPath, deskPath, postersPath, votingConsolePath } from "~/modules/voting/paths";
import { addressListSummary } from "~/modules/voting/address-list.server";
import { turnout, votingContestOf } from "~/modules/voting/votes.server";
import { phaseAt, checkPhase } from "~/modules/contests/phases";
import { TextField, validateOnSubmit } from "~/ui/form";
import { PageTitle } from "~/ui/page-title";
import { TurnoutFigures } from "~/ui/turnout";
import votingStyles from "~/ui/voting.css?url";
import type { I18nHandle } from "~/lib/i18n/sections";

export const handle = { i18n: ["voting"] } satisfies I18nHandle;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: votingStyles }];

// The console's Stemmen tab: turnout (never who voted for what, ADR 007), voting codes, and the way
// to the check-in desk and the poster counts of the keuzebijeenkomst.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { details } = await requireContestManager(request, params.slug);
  const contest = votingContestOf(details);
  const info = phaseAt(details.clock, now());
  return {
    slug: contest.slug,
    title: contest.title,
    eligibleByCode: contest.eligibleByCode,
    eligibleByPoster: contest.eligibleByPoster,
    codesOpen: checkPhase(info, CODE_PHASES).ok,
    voting: info.phase === "stemmen" && !info.inGap,
    turnout: await turnout(contest.id),
    batches: contest.eligibleByCode ? await listBatches(contest.id) : [],
    addressList: contest.accountCheck === "address-list" ? { summary: await addressListSummary(contest.id) } : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { details, actor } = await requireContestManager(request, params.slug);
  const at = now();
  requirePhase(details, CODE_PHASES, at);
  const submission = parseWithZod(await readForm(request), { schema: revokeBatchSchema });
  if (submission.status !== "success") return data({ ok: false }, { status: 400 });
  await revokeBatch({ actorUserId: actor.userId, contestId: details.contest.id, batchId: submission.value.batchId, now: at });
  return redirectWith(votingConsolePath(details.contest.slug), { flash: { key: "voting.batchRevokedFlash" } });
}

export default function VotingConsole() {
  const t = useT();
  const locale = useLocale();
  const page = useLoaderData<typeof loader>();
  return (
    <>
      <PageTitle title={`${page.title} · ${t("voting.tab")}`} />
      <section className="card" aria-labelledby="opkomst">
        <h2 id="opkomst">{t("voting.consoleTurnout")}</h2>
        <TurnoutFigures turnout={page.turnout} />
        <p className="muted small">{t("voting.consoleTurnoutNote")}</p>
      </section>

      <section className="card" aria-labelledby="controle">
        <h2 id="controle">{t("voting.reviewTitle")}</h2>
        <p>{t("voting.reviewLead")}</p>
        <p>
          <Link to={ballotReviewPath(page.slug)}>{t("voting.reviewTitle")}</Link>
        </p>
      </section>

      {page.addressList ? (
        <section className="card" aria-labelledby="adressen">
          <h2 id="adressen">{t("voting.addressListTitle")}</h2>
          <p>
            {page.addressList.summary
              ? t("voting.addressListSummary", { addresses: page.addressList.summary.addresses, voters: page.addressList.summary.voters })
              : t("voting.addressListNone")}
          </p>
          <p>
            <Link to={addressListPath(page.slug)}>{t("voting.addressListTitle")}</Link>
          </p>
        </section>
      ) : null}

      {page.eligibleByPoster ? (
        <section className="card" aria-labelledby="bijeenkomst">
          <h2 id="bijeenkomst">{t("voting.turnoutPoster")}</h2>
          <ul className="plain-list">
            <li>
              <Link to={deskPath(page.slug)}>{t("voting.deskTitle")}</Link>
            </li>
            <li>
              <Link to={postersPath(page.slug)}>{t("voting.postersTitle")}</Link>
            </li>
          </ul>
        </section>
      ) : null}

      <section className="card" aria-labelledby="codes">
        <h2 id="codes">{t("voting.codesTitle")}</h2>
        {!page.eligibleByCode ? (
          <p className="muted">{t("voting.codesDisabled")}</p>
        ) : (
          <>
            <p>{t("voting.codesLead")}</p>
            <p className="notice warning">{t("voting.codesOnce")}</p>
            {page.codesOpen ? <NewBatchForm slug={page.slug} /> : <p className="muted">{t("voting.notInVoting")}</p>}
            <h3>{t("voting.batches")}</h3>
            {page.batches.length === 0 ? (
              <p className="muted">{t("voting.batchesNone")}</p>
            ) : (
              <div className="table-scroll">
                <table className="count-table">
                  <thead>
                    <tr>
                      <th scope="col">{t("voting.batchLabel")}</th>
                      <th scope="col">{t("voting.batchSize")}</th>
                      <th scope="col">{t("voting.batchCreatedAt")}</th>
                      <th scope="col">
                        <span className="visually-hidden">{t("voting.batchRevoke")}</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.batches.map((b) => (
                      <tr key={b.id}>
                        <td>{b.label}</td>
                        <td>{t("voting.batchUsed", { used: b.used, size: b.size })}</td>
                        <td>{formatDateTime(b.createdAt, locale)}</td>
                        <td>
                          {b.revokedAt !== null ? (
                            <span className="badge badge-muted">{t("voting.batchRevoked")}</span>
                          ) : page.codesOpen ? (
                            <Form method="post" className="inline-form">
                              <input type="hidden" name="batchId" value={b.id} />
                              <button type="submit" className="link-button">
                                <span aria-hidden="true">{t("voting.batchRevoke")}</span>
                                <span className="visually-hidden">{t("voting.batchRevokeName", { label: b.label })}</span>
                              </button>
                            </Form>
                          ) : null}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </>
        )}
      </section>
    </>
  );
}

function NewBatchForm({ slug }: { slug: string }) {
  const t = useT();
  const [form, fields] = useForm({
    onValidate: ({ formData }) => parseWithZod(formData, { schema: codeBatchSchema }),
    ...validateOnSubmit,
  });
  // A plain document post: the answer is a file to save or a page to print, shown this once.
  return (
    <Form method="post" action={codesPath(slug)} reloadDocument {...getFormProps(form)} className="stack batch-form">
      <TextField field={fields.label} label={t("voting.batchLabel")} hint={t("voting.batchLabelHint")} />
      <TextField
        field={fields.size}
        label={t("voting.batchSize")}
        hint={t("voting.batchSizeHint", { max: MAX_CODES, letters: MAX_LETTERS })}
        inputMode="numeric"
      />
      {/* Two buttons, two addresses: letters are a page to print, the CSV is a file to save (a resource route). */}
      <div className="actions-row">
        <button type="submit" name={fields.format.name} value="letters" className="button primary">
          {t("voting.batchCreateLetters")}
        </button>
        <button type="submit" name={fields.format.name} value="csv" formAction={codesCsvPath(slug)} className="button">
          {t("voting.batchCreateCsv")}
        </button>
      </div>
    </Form>
  );
}
