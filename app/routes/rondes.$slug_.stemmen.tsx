import { ballotHeadingNow, type BallotHeading, type BallotPageState } from "~/ui/ballot-now";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, type ShouldRevalidateFunction, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { now } from "~/lib/clock.server";
import { getEnv, publicOrigin } from "~/lib/env.server";
import { readFlash } from "~/lib/flash.server";
import { formatDateTime, vatTerms } from "~/lib/format";
import { notFound, redirectWith } from "~/routes-support/http.server";
import type { MessageKey } from "~/lib/i18n";
import { getLocale } from "~/routes-support/locale.server";
import { useLocale, useT } from "~/lib/i18n/react";
import { votingPepper } from "~/lib/secrets.server";
import { getAuth } from "~/modules/auth/session.server";
import { requireUser } from "~/routes-support/guards.server";
import { requirePhase } from "~/routes-support/refusals.server";
import { isPubliclyVisible, phaseAt } from "~/modules/contests/phases";
import { openRoundsAtPostcode } from "~/modules/contests/public-contests.server";
import { loadVisibleContest } from "~/routes-support/contest-access.server";
import { orderSeed } from "~/routes-support/idea-cookies.server";
import { emptyBallot, type Ballot } from "~/modules/voting/ballot";
import { parseBallotForm, homeAddressOf } from "~/modules/voting/ballot-form";
import { keptBallotKey } from "~/modules/voting/ballot-in-progress";
import { ballotCards, ballotParts, issueMessages, postedBallot, problemMessages, type VoteMessage } from "~/modules/voting/ballot-page.server";
import { readBallotForm } from "~/routes-support/ballot-form.server";
import { canVoteByAccount, ineligibilityMessage, needsAgeDeclaration, parseAgeDeclaration } from "~/modules/voting/eligibility";
import { sendReceiptMailLater } from "~/modules/voting/mails.server";
import { codeVotePath, receiptPath, votePath } from "~/modules/voting/paths";
import { takeBallotPost } from "~/modules/voting/throttle.server";
import { ballotIdeaIds, castBallot, checkReceipt, ownVote, pendingBallot, votingContestOf } from "~/modules/voting/votes.server";
import { addressKey } from "~/modules/voting/voter-identity";
import { resendConfirmation } from "~/modules/auth/accounts.server";
import { CONFIRM_EMAIL_PATH } from "~/modules/auth/paths";
import { contestForVote } from "~/modules/voting/vote-contest.server";
import { joinList, votesPhrase } from "~/ui/contest-texts";
import { RouteErrorPage } from "~/ui/error-page";
import { PageTitle } from "~/ui/page-title";
import { StickerBallot } from "~/ui/sticker-ballot";
import votingStyles from "~/ui/voting.css?url";
import { ReceiptCard } from "~/ui/receipt-card";
import { questionsAfterVote } from "~/modules/participation/participation.server";
import { isAnswerSubmission } from "~/modules/participation/paths";
import { ParticipationQuestions } from "~/ui/participation-questions";
import participationStyles from "~/ui/participation.css?url";
import { roundLookOf } from "~/modules/auth/organisation-look";
import type { I18nHandle } from "~/lib/i18n/sections";

export const handle = { i18n: ["rounds", "elsewhere", "ideas", "voting", "participation", "budgetParts"] } satisfies I18nHandle;

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: votingStyles },
  { rel: "stylesheet", href: participationStyles },
];

type PageState = BallotPageState;

const headingKeys: Record<BallotHeading, MessageKey> = {
  choose: "voting.heading",
  yourVote: "voting.headingVoted",
  voting: "voting.headingCannotVote",
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const at = now();
  const { details, info } = await loadVisibleContest(request, params.slug, at);
  requirePhase(details, "stemmen", at);
  const contest = votingContestOf(details);
  const { user } = await getAuth(request);
  const { seed, setCookie } = await orderSeed(request);
  const { flash } = await readFlash(request);

  let state: PageState = "ballot";
  let reason: MessageKey | null = null;
  let ballot: Ballot = emptyBallot;
  let voted = false;
  let kept = false;
  if (!contest.eligibleByAccount) {
    state = contest.eligibleByCode ? "ineligible" : "poster-only";
    reason = contest.eligibleByCode ? "voting.accountVotingClosed" : null;
  } else if (!user) {
    state = "login";
  } else {
    // The age and address questions are asked on the ballot itself; every other reason stops here.
    const eligibility = canVoteByAccount({
      postcode: user.postcode,
      ageDeclaration: needsAgeDeclaration(contest) ? true : undefined,
      hasAddress: true,
      contest,
    });
    const own = await ownVote({ contestId: contest.id, voter: user, pepper: votingPepper() });
    if (!eligibility.ok) {
      state = "ineligible";
      // Moved out of the area after voting (issue 18.5): the ballot still counts, it can only no longer change.
      reason = own.state === "voted" ? "voting.votedThenMoved" : (ineligibilityMessage(eligibility.reason) as MessageKey);
    } else if (own.state === "at-meeting") {
      state = "at-meeting";
    } else if (own.state === "voted-unlinked" || own.state === "invalidated") {
      state = "ineligible";
      reason = own.state === "invalidated" ? "voting.ballotInvalidated" : "voting.alreadyVoted";
    } else if (own.state === "voted") {
      voted = true;
      ballot = own.ballot;
    } else if (!user.emailConfirmed) {
      const pending = await pendingBallot({ contestId: contest.id, userId: user.id, pepper: votingPepper() });
      kept = pending !== null;
      ballot = pending ?? emptyBallot;
    }
  }
  const receipt = flash?.key === "voting.votedFlash" && flash.params?.receipt ? flash.params.receipt : null;
  // The optional questions on who takes part (ADR 014), once, right after a first vote: the receipt
  // must belong to a ballot of this contest, or a made-up flash cookie would hand out tokens.
  const questions =
    receipt && voted && (await checkReceipt({ contestId: contest.id, receipt, pepper: votingPepper() })) ? await questionsAfterVote(details, receipt) : null;
  const cards = state === "ballot" ? await ballotCards({ contestId: contest.id, slug: contest.slug, seed, way: "account" }) : [];
  const body = {
    slug: contest.slug,
    roundLook: roundLookOf(details),
    title: contest.title,
    votesPerResident: contest.rules.stickersPerVoter,
    rules: contest.rules,
    vat: vatTerms(details.contest),
    closesAt: info.until,
    areaNames: details.areas.map((a) => a.name),
    eligibleByCode: contest.eligibleByCode,
    askAge: needsAgeDeclaration(contest) && !voted ? contest.minVoterAge : null,
    askAddress: contest.accountCheck === "address-list" && !voted,
    postcode: user?.postcode ?? "",
    unconfirmed: user !== null && !user.emailConfirmed && state === "ballot" && !voted,
    kept,
    state,
    reason,
    // Outside the area: the rounds that do hold this postcode, not a list of every round.
    elsewhere:
      reason === "voting.postcodeOutsideArea" && user ? { postcode: user.postcode, rounds: await openRoundsAtPostcode(user.postcode, at, contest.slug) } : null,
    voted,
    ballot,
    receipt,
    mailed: receipt !== null,
    questions,
    cards,
    parts: await ballotParts(details.contest, cards),
  };
  return data(body, setCookie ? { headers: { "Set-Cookie": setCookie } } : undefined);
}

type ActionData = { problems: VoteMessage[]; posted: Ballot | null };

// The vote. server.mjs's fast path calls this same action for POST /rondes/:slug/stemmen without
// Remix's request handling in between (docs/decisions/010-fast-vote-path.md); Remix calls it for
// the JavaScript form and renders every refusal.
export async function action({ request, params, context }: ActionFunctionArgs) {
  const at = now();
  const found = await contestForVote(params.slug);
  // As loadVisibleContest: a contest the public cannot see is not there; voting is public anyway.
  if (!found || !isPubliclyVisible(phaseAt(found.details.clock, at).phase)) notFound();
  const info = requirePhase(found.details, "stemmen", at);
  const { contest } = found;
  const { user } = await requireUser(request);
  const form = await readBallotForm(request);
  const refuse = (problems: VoteMessage[], status: number) => data<ActionData>({ problems, posted: postedBallot(form.entries()) }, { status });
  // A post the fast path already counted is not counted again when Remix renders its refusal.
  if (!(await takeBallotPost(user.id, at, { counted: context.voteRetried === true }))) return refuse([{ key: "voting.tooFast" }], 429);

  const parsed = parseBallotForm(form.entries(), contest.rules, await ballotIdeaIds(contest.id));
  if (!parsed.success) return refuse(issueMessages(parsed.error.issues as { message: string; params?: Record<string, unknown> }[]), 400);
  const address = contest.accountCheck === "address-list" ? homeAddressOf(form) : null;
  const result = await castBallot({
    contest,
    voter: user,
    ballot: parsed.data,
    ageDeclaration: parseAgeDeclaration(form.get("ageDeclaration")),
    addressKey: address ? addressKey(votingPepper(), address) : null,
    pepper: votingPepper(),
    now: at,
  });
  if (!result.ok) {
    if (result.reason === "unconfirmed") {
      // The choice is kept; a fresh link (unless one went out moments ago) casts it when used.
      const sent = await resendConfirmation({ user, redirectTo: votePath(contest.slug), origin: publicOrigin(request, getEnv().appUrl), now: at });
      return redirectWith(votePath(contest.slug), { flash: { key: sent.ok ? "voting.keptLinkSent" : "voting.keptUntilConfirmed" } });
    }
    if (result.reason === "ineligible") return refuse([{ key: ineligibilityMessage(result.ineligibility) as MessageKey }], 403);
    if (result.reason === "registered-at-meeting") return refuse([{ key: "voting.alreadyAtMeeting" }], 409);
    if (result.reason === "already-voted") return refuse([{ key: "voting.alreadyVoted" }], 409);
    return refuse(problemMessages(result.problems), 400);
  }
  sendReceiptMailLater({
    to: { email: user.email, name: user.name, locale: await getLocale(request) },
    contest: { id: contest.id, slug: contest.slug, title: contest.title },
    ballot: result.ballot,
    receipt: result.kind === "first" ? result.receipt : null,
    closesAt: info.until,
    origin: publicOrigin(request, getEnv().appUrl),
  });
  // The receipt reaches the page through the flash cookie, never through the URL (ADR 007).
  return redirectWith(votePath(contest.slug), {
    flash: result.kind === "first" ? { key: "voting.votedFlash", params: { receipt: result.receipt } } : { key: "voting.movedFlash" },
  });
}

export default function VotePage() {
  const t = useT();
  const locale = useLocale();
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const navigation = useNavigation();
  const votes = votesPhrase(t, locale, page.votesPerResident);
  const closes = page.closesAt !== null ? formatDateTime(page.closesAt, locale) : "";
  const initial = actionData?.posted ?? page.ballot;
  // A refused change after voting: the stored vote still counts; the page must not say both "voted" and "not saved".
  const refused = (actionData?.problems.length ?? 0) > 0;
  return (
    <article className="page voting-page">
      <PageTitle title={`${t("voting.title")} · ${page.title}`} />
      <p className="breadcrumb">
        <Link to={`/rondes/${page.slug}`}>
          <span aria-hidden="true">← </span>
          {page.title}
        </Link>
      </p>
      <h1>{t(headingKeys[ballotHeadingNow({ state: page.state, voted: page.voted })], { contest: page.title })}</h1>
      {/* Someone who cannot vote here hears that first, not how many stickers they have (issue 18). */}
      {page.state === "ineligible" || page.state === "poster-only" || page.state === "at-meeting" ? (
        <CannotVote state={page.state} reason={page.reason} eligibleByCode={page.eligibleByCode} slug={page.slug} elsewhere={page.elsewhere} />
      ) : null}
      {page.state === "ballot" && !page.voted ? <p className="lead">{t("voting.lead", { votes })}</p> : null}
      {page.state === "ballot" && page.voted && !refused ? (
        <div className="notice" role="note">
          <p className="ballot-problems-title">
            <strong>{t("voting.votedTitle")}</strong>
          </p>
          <p>{t("voting.votedLead", { date: closes })}</p>
        </div>
      ) : null}
      {page.receipt ? <ReceiptCard receipt={page.receipt} mailed={page.mailed} /> : null}
      <div className="voting-facts">
        {closes ? <p>{t("voting.closesAt", { date: closes })}</p> : null}
        <p>
          <Link to={receiptPath(page.slug)}>{t("voting.checkLink")}</Link>
        </p>
      </div>

      {page.questions ? <ParticipationQuestions questions={page.questions} /> : null}

      {page.state === "login" ? (
        <section className="card" aria-labelledby="login-titel">
          <h2 id="login-titel">{t("voting.loginTitle")}</h2>
          <p>{t("voting.loginLead", { areas: joinList(page.areaNames, locale) })}</p>
          <p className="hero-actions">
            <Link className="button primary" to={`/inloggen?redirectTo=${encodeURIComponent(votePath(page.slug))}`}>
              {t("voting.loginButton")}
            </Link>
            <Link className="button" to={`/registreren?redirectTo=${encodeURIComponent(votePath(page.slug))}`}>
              {t("voting.registerButton")}
            </Link>
          </p>
          {page.eligibleByCode ? <CodeInstead slug={page.slug} /> : null}
        </section>
      ) : null}

      {page.state === "ballot" ? (
        <>
          {page.unconfirmed ? <ConfirmFirst slug={page.slug} kept={page.kept} /> : null}
          <StickerBallot
            key={JSON.stringify(initial)}
            keepAs={keptBallotKey(page.slug, "account")}
            ideas={page.cards}
            parts={page.parts}
            rules={page.rules}
            vat={page.vat}
            initial={initial}
            problems={actionData?.problems}
            problemsTitle={page.voted ? t("voting.problemsTitleVoted") : undefined}
            confirmLabel={page.voted ? t("voting.confirmAgain") : t("voting.confirm")}
            note={t("voting.canMoveUntil", { date: closes })}
            submitting={navigation.state === "submitting"}
            before={
              page.askAge !== null || page.askAddress ? (
                <>
                  {page.askAddress ? <AddressQuestion postcode={page.postcode} /> : null}
                  {page.askAge !== null ? <AgeQuestion age={page.askAge} /> : null}
                </>
              ) : null
            }
          />
        </>
      ) : null}
    </article>
  );
}

function CannotVote({
  state,
  reason,
  eligibleByCode,
  slug,
  elsewhere,
}: {
  state: "ineligible" | "poster-only" | "at-meeting";
  reason: MessageKey | null;
  eligibleByCode: boolean;
  slug: string;
  elsewhere: { postcode: string; rounds: { slug: string; title: string }[] } | null;
}) {
  const t = useT();
  return (
    <section className="card" aria-labelledby="niet-titel">
      <h2 id="niet-titel">{reason === "voting.votedThenMoved" ? t("voting.votedTitle") : t("voting.cannotVoteTitle")}</h2>
      <p>{state === "at-meeting" ? t("voting.alreadyAtMeeting") : state === "poster-only" ? t("voting.posterOnly") : reason ? t(reason) : null}</p>
      {eligibleByCode && state !== "at-meeting" ? <CodeInstead slug={slug} /> : null}
      {elsewhere ? <RoundsElsewhere {...elsewhere} /> : null}
    </section>
  );
}

function RoundsElsewhere({ postcode, rounds }: { postcode: string; rounds: { slug: string; title: string }[] }) {
  const t = useT();
  return (
    <div className="rounds-elsewhere">
      <h3>{t("elsewhere.title")}</h3>
      {rounds.length > 0 ? (
        <>
          <p>{t("elsewhere.lead", { postcode })}</p>
          <ul>
            {rounds.map((round) => (
              <li key={round.slug}>
                <Link to={`/rondes/${round.slug}`}>{round.title}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>
          {t("elsewhere.none", { postcode })} <Link to="/rondes">{t("elsewhere.allRounds")}</Link>
        </p>
      )}
      <p>
        <Link to="/account/wijzigen">{t("elsewhere.changePostcode")}</Link>
      </p>
    </div>
  );
}

function CodeInstead({ slug }: { slug: string }) {
  const t = useT();
  return (
    <p>
      {t("voting.codeInstead")} <Link to={codeVotePath(slug)}>{t("voting.codeLink")}</Link>
    </p>
  );
}

/** Until the address is confirmed the ballot is kept, not counted (issue 15); the mail's link casts it. */
function ConfirmFirst({ slug, kept }: { slug: string; kept: boolean }) {
  const t = useT();
  return (
    <section className="notice warning" aria-labelledby="bevestig-titel">
      <h2 id="bevestig-titel">{t("voting.confirmFirstTitle")}</h2>
      <p>{kept ? t("voting.confirmFirstKept") : t("voting.confirmFirstLead")}</p>
      <Form method="post" action={CONFIRM_EMAIL_PATH} className="inline-form">
        <input type="hidden" name="intent" value="resend" />
        <input type="hidden" name="redirectTo" value={votePath(slug)} />
        <button type="submit" className="button">
          {t("voting.confirmFirstResend")}
        </button>
      </Form>
    </section>
  );
}

function AddressQuestion({ postcode }: { postcode: string }) {
  const t = useT();
  return (
    <fieldset className="address-question">
      <legend>{t("voting.addressLegend")}</legend>
      <p className="field-hint">{t("voting.addressHint")}</p>
      <div className="address-fields">
        <label>
          {t("auth.postcode")}
          <input name="addressPostcode" defaultValue={postcode} autoComplete="postal-code" maxLength={7} required />
        </label>
        <label>
          {t("voting.houseNumber")}
          <input name="houseNumber" inputMode="numeric" autoComplete="address-line2" maxLength={5} required />
        </label>
        <label>
          {t("voting.houseNumberAddition")}
          <input name="houseNumberAddition" maxLength={6} />
        </label>
      </div>
    </fieldset>
  );
}

function AgeQuestion({ age }: { age: number }) {
  const t = useT();
  return (
    <div className="age-declaration">
      <input type="checkbox" id="age-declaration" name="ageDeclaration" value="ja" />
      <label htmlFor="age-declaration">{t("voting.ageDeclaration", { age })}</label>
    </div>
  );
}

// Answering the questions on who takes part leaves this page as it is (the receipt is shown only once).
export const shouldRevalidate: ShouldRevalidateFunction = ({ formAction, defaultShouldRevalidate }) =>
  isAnswerSubmission(formAction) ? false : defaultShouldRevalidate;

export const ErrorBoundary = RouteErrorPage;
