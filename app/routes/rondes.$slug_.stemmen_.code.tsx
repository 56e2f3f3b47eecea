import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "~/lib/parse-form";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { now } from "~/lib/clock.server";
import { formatDateTime, vatTerms } from "~/lib/format";
import { readForm, redirectWith } from "~/routes-support/http.server";
import type { MessageKey } from "~/lib/i18n";
import { useLocale, useT } from "~/lib/i18n/react";
import { votingPepper } from "~/lib/secrets.server";
import { requirePhase } from "~/routes-support/refusals.server";
import { loadVisibleContest } from "~/routes-support/contest-access.server";
import { orderSeed } from "~/routes-support/idea-cookies.server";
import { emptyBallot, type Ballot } from "~/modules/voting/ballot";
import { parseBallotForm } from "~/modules/voting/ballot-form";
import { ballotCards, ballotParts, issueMessages, postedBallot, problemMessages, type VoteMessage } from "~/modules/voting/ballot-page.server";
import { normalizeCode } from "~/modules/voting/code-format";
import { votingCodeFormSchema } from "~/modules/voting/code-schemas";
import { codeVotePath, receiptPath, votePath } from "~/modules/voting/paths";
import { keptBallotKey } from "~/modules/voting/ballot-in-progress";
import { forgetCode, keepCode, keptCode } from "~/routes-support/code-cookie.server";
import { guessBlockedFor, minutesToWait, recordWrongGuess } from "~/modules/voting/throttle.server";
import { ballotIdeaIds, castBallotWithCode, checkVotingCode, votingContestOf, type CodeState } from "~/modules/voting/votes.server";
import { votesPhrase } from "~/ui/contest-texts";
import { RouteErrorPage } from "~/ui/error-page";
import { FormErrors, TextField, validateOnSubmit } from "~/ui/form";
import { PageTitle } from "~/ui/page-title";
import { StickerBallot } from "~/ui/sticker-ballot";
import votingStyles from "~/ui/voting.css?url";
import { roundLookOf } from "~/modules/auth/organisation-look";
import type { I18nHandle } from "~/lib/i18n/sections";

export const handle = { i18n: ["rounds", "ideas", "voting", "budgetParts"] } satisfies I18nHandle;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: votingStyles }];

// Voting with a one-time code from a letter (issue 6), without an account. Two steps on one page:
// the code first (so nobody fills in a ballot for a code that does not work), then the ballot with
// the code in a hidden field. Wrong codes count towards the guessing limit per IP address.

const codeMessages: Record<Exclude<CodeState, "ok"> | "address-full", MessageKey> = {
  "address-full": "voting.codeAddressFull",
  unknown: "voting.codeUnknown",
  used: "voting.codeUsed",
  "other-contest": "voting.codeOtherContest",
  revoked: "voting.codeRevoked",
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const at = now();
  const { details, info } = await loadVisibleContest(request, params.slug, at);
  requirePhase(details, "stemmen", at);
  const contest = votingContestOf(details);
  const { seed, setCookie } = await orderSeed(request);
  // Back from an idea's page: the code typed before still stands, if it still works.
  const kept = contest.eligibleByCode ? await keptCode(request, contest.slug) : null;
  const cards = contest.eligibleByCode ? await ballotCards({ contestId: contest.id, slug: contest.slug, seed, way: "code" }) : [];
  const body = {
    slug: contest.slug,
    roundLook: roundLookOf(details),
    title: contest.title,
    rules: contest.rules,
    vat: vatTerms(details.contest),
    closesAt: info.until,
    open: contest.eligibleByCode,
    cards,
    parts: await ballotParts(details.contest, cards),
    keptCode: kept && (await checkVotingCode({ contestId: contest.id, code: kept, pepper: votingPepper() })) === "ok" ? kept : null,
    // From the letter's QR code (/stem?code=…): the code is filled in, the resident still presses Verder.
    prefill: normalizeCode((new URL(request.url).searchParams.get("code") ?? "").slice(0, 40)),
  };
  return data(body, setCookie ? { headers: { "Set-Cookie": setCookie } } : undefined);
}

type ActionData =
  | { step: "code"; result: SubmissionResult<string[]>; message: VoteMessage | null }
  | { step: "ballot"; code: string; problems: VoteMessage[]; posted: Ballot | null; helper: { name: string; contact: string } };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const at = now();
  const { details } = await loadVisibleContest(request, params.slug, at);
  requirePhase(details, "stemmen", at);
  const contest = votingContestOf(details);
  const form = await readForm(request);
  const ip = context.clientIp;
  const submission = parseWithZod(form, { schema: votingCodeFormSchema });
  const codeStep = (message: VoteMessage | null, status: number) => data<ActionData>({ step: "code", result: submission.reply(), message }, { status });

  if (!contest.eligibleByCode) return codeStep({ key: "voting.codeVotingClosed" }, 403);
  if (form.get("intent") === "forget") return redirectWith(codeVotePath(contest.slug), { cookies: [await forgetCode(contest.slug)] });
  const blocked = await guessBlockedFor("code", ip, at);
  if (blocked > 0) return codeStep({ key: "voting.throttled", params: { minutes: minutesToWait(blocked) } }, 429);
  if (submission.status !== "success") return codeStep(null, 400);
  const code = submission.value.code;
  const pepper = votingPepper();

  if (form.get("intent") !== "vote") {
    const state = await checkVotingCode({ contestId: contest.id, code, pepper });
    if (state === "ok") {
      return data<ActionData>(
        { step: "ballot", code, problems: [], posted: null, helper: { name: "", contact: "" } },
        { headers: { "Set-Cookie": await keepCode(contest.slug, code) } },
      );
    }
    // Only a code we do not know is a guess; a used or revoked code is a real one, typed by its owner.
    if (state === "unknown") await recordWrongGuess("code", ip, at);
    return codeStep({ key: codeMessages[state] }, 400);
  }

  // A NUL would pass the length checks below and then break the sign-up's CHECK (SQLite's length() stops there).
  const field = (name: string) =>
    String(form.get(name) ?? "")
      .replaceAll("\u0000", "")
      .trim();
  const helper = { name: field("helperName"), contact: field("helperContact") };
  const ballotStep = (problems: VoteMessage[], status: number) =>
    data<ActionData>({ step: "ballot", code, problems, posted: postedBallot(form.entries()), helper }, { status });
  const parsed = parseBallotForm(form.entries(), contest.rules, await ballotIdeaIds(contest.id));
  if (!parsed.success) return ballotStep(issueMessages(parsed.error.issues as { message: string; params?: Record<string, unknown> }[]), 400);
  const ticks = parsed.data.ikDoeMee ?? [];
  if (ticks.length > 0 && (helper.name.length === 0 || helper.name.length > 80 || helper.contact.length === 0 || helper.contact.length > 200)) {
    return ballotStep([{ key: "voting.helperRequired" }], 400);
  }
  const result = await castBallotWithCode({ contest, code, ballot: parsed.data, helper: ticks.length > 0 ? helper : null, pepper, now: at });
  if (!result.ok) {
    if (result.reason === "refused") return ballotStep(problemMessages(result.problems), 400);
    if (result.reason === "unknown") await recordWrongGuess("code", ip, at);
    return data<ActionData>(
      { step: "code", result: submission.reply(), message: { key: codeMessages[result.reason] } },
      { status: 409, headers: { "Set-Cookie": await forgetCode(contest.slug) } },
    );
  }
  return redirectWith(receiptPath(contest.slug), {
    cookies: [await forgetCode(contest.slug)],
    flash: { key: "voting.votedFlash", params: { receipt: result.receipt } },
  });
}

export default function CodeVotePage() {
  const t = useT();
  const locale = useLocale();
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const navigation = useNavigation();
  // The ballot step: just after the code was checked, after a refused ballot, or back from an idea's page.
  const step =
    actionData?.step === "ballot"
      ? actionData
      : actionData === undefined && page.keptCode
        ? { code: page.keptCode, problems: [], posted: null, helper: { name: "", contact: "" } }
        : null;
  return (
    <article className="page voting-page">
      <PageTitle title={`${t("voting.codeTitle")} · ${page.title}`} />
      <p className="breadcrumb">
        <Link to={votePath(page.slug)}>
          <span aria-hidden="true">← </span>
          {t("voting.title")}: {page.title}
        </Link>
      </p>
      <h1>{t("voting.codeTitle")}</h1>
      {!page.open ? (
        <p className="notice warning">{t("voting.codeVotingClosed")}</p>
      ) : step ? (
        <>
          <p className="notice" role="status">
            {t("voting.codeOk")}
          </p>
          <p className="lead">{t("voting.lead", { votes: votesPhrase(t, locale, page.rules.stickersPerVoter) })}</p>
          {page.closesAt !== null ? <p className="muted">{t("voting.closesAt", { date: formatDateTime(page.closesAt, locale) })}</p> : null}
          <StickerBallot
            key={JSON.stringify(step.posted)}
            ideas={page.cards}
            parts={page.parts}
            rules={page.rules}
            vat={page.vat}
            initial={step.posted ?? emptyBallot}
            problems={step.problems}
            hidden={{ code: step.code, intent: "vote" }}
            keepAs={keptBallotKey(page.slug, "code")}
            confirmLabel={t("voting.confirm")}
            note={t("voting.codeIsFinal")}
            submitting={navigation.state === "submitting"}
            after={<HelperFields helper={step.helper} />}
          />
          <Form method="post" className="other-code">
            <input type="hidden" name="intent" value="forget" />
            <input type="hidden" name="code" value={step.code} />
            <button type="submit" className="link-button">
              {t("voting.otherCode")}
            </button>
          </Form>
        </>
      ) : (
        <CodeForm />
      )}
    </article>
  );
}

function CodeForm() {
  const t = useT();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const navigation = useNavigation();
  const codeStep = actionData?.step === "code" ? actionData : undefined;
  const { prefill } = useLoaderData<typeof loader>();
  const [form, fields] = useForm({
    lastResult: codeStep?.result,
    defaultValue: prefill ? { code: prefill } : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: votingCodeFormSchema }),
    ...validateOnSubmit,
  });
  return (
    <>
      <p className="lead">{t("voting.codeLead")}</p>
      <Form method="post" {...getFormProps(form)} className="card stack code-form">
        {codeStep?.message ? (
          <div className="form-error" role="alert">
            {t(codeStep.message.key, codeStep.message.params)}
          </div>
        ) : null}
        <FormErrors errors={form.errors} id={form.errorId} />
        <input type="hidden" name="intent" value="code" />
        <TextField field={fields.code} label={t("voting.codeField")} hint={t("voting.codeHint")} autoComplete="off" />
        <button type="submit" className="button primary" disabled={navigation.state === "submitting"}>
          {t("voting.codeButton")}
        </button>
      </Form>
    </>
  );
}

/** A code voter has no account: "ik doe mee" needs a name and a way to reach them. */
function HelperFields({ helper }: { helper: { name: string; contact: string } }) {
  const t = useT();
  return (
    <fieldset className="card ballot-extra stack">
      <legend className="ballot-rule">{t("voting.codeHelperTitle")}</legend>
      <p className="field-hint">{t("voting.codeHelperLead")}</p>
      <div className="field">
        <label htmlFor="helper-name">{t("voting.helperName")}</label>
        <input id="helper-name" name="helperName" defaultValue={helper.name} autoComplete="name" maxLength={80} />
      </div>
      <div className="field">
        <label htmlFor="helper-contact">{t("voting.helperContact")}</label>
        <input id="helper-contact" name="helperContact" defaultValue={helper.contact} autoComplete="email" maxLength={200} />
      </div>
    </fieldset>
  );
}

export const ErrorBoundary = RouteErrorPage;
