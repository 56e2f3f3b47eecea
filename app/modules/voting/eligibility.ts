// Who may vote in a contest, and how (product.md, Voting rules: eligibility is
// chosen per contest; one person, one set of stickers, whatever the way in).
//
// Minimum age: accounts have no birth date, and the product asks for no more
// than needed. At voting time a resident ticks one box, "Ik ben 16 jaar of
// ouder" (the contest's age in the text). A birth year was considered and
// rejected: it is no more checkable than a tick, it is more personal data to
// keep, it cannot answer the question (born in 2010 is 15 or 16 in November
// 2026), and a tick box is easier to read than a question plus arithmetic.
// The tick is not stored: a stored ballot already means it was given.

import type { ACCOUNT_CHECKS } from "~/modules/contests/contest-constants";
import { normalizePostcode } from "~/lib/postcode";
import { isInAnyArea, type Area } from "~/modules/contests/postcode";

export type VotingMethod = "account" | "code" | "poster";

export type AccountIneligibility =
  | "account-voting-closed"
  | "postcode-missing"
  | "postcode-outside-area"
  | "address-missing"
  | "address-not-listed"
  | "address-full"
  | "age-unknown"
  | "too-young";

export type AccountEligibility = { ok: true } | { ok: false; reason: AccountIneligibility };

export interface EligibilityContest {
  readonly areas: readonly Area[];
  readonly minVoterAge?: number | null;
  readonly eligibleByAccount: boolean;
  /** How residence is checked for accounts (issue 15); "postcode" when left out. */
  readonly accountCheck?: AccountCheck;
}

export type AccountCheck = (typeof ACCOUNT_CHECKS)[number];

export interface AccountVoter {
  readonly postcode: string | null | undefined;
  /**
   * The "ik ben X jaar of ouder" answer: true when ticked, false when the
   * resident said no, undefined when not (yet) asked.
   */
  readonly ageDeclaration?: boolean | undefined;
  /** Whether a home address was given, in a contest that checks addresses (whether it is listed, the database knows). */
  readonly hasAddress?: boolean;
  readonly contest: EligibilityContest;
}

/**
 * May this logged-in resident vote with their account? Reasons in the order a
 * resident can act on them: a contest without account voting needs no
 * postcode, and the age question is only worth asking inside the area.
 * A postcode that is not a Dutch postcode counts as missing: the resident
 * fixes it on their account page.
 */
export function canVoteByAccount({ postcode, ageDeclaration, hasAddress, contest }: AccountVoter): AccountEligibility {
  if (!contest.eligibleByAccount) return { ok: false, reason: "account-voting-closed" };
  if (contest.accountCheck === "address-list") {
    // The municipality's list decides where someone lives, not the postcode typed at registration.
    if (!hasAddress) return { ok: false, reason: "address-missing" };
  } else {
    const normalized = postcode ? normalizePostcode(postcode) : null;
    if (normalized === null) return { ok: false, reason: "postcode-missing" };
    if (!isInAnyArea(normalized, contest.areas)) return { ok: false, reason: "postcode-outside-area" };
  }
  if (needsAgeDeclaration(contest)) {
    if (ageDeclaration === undefined) return { ok: false, reason: "age-unknown" };
    if (!ageDeclaration) return { ok: false, reason: "too-young" };
  }
  return { ok: true };
}

/** A minimum age of 0 is no minimum: nobody needs to be asked. */
export function needsAgeDeclaration(contest: Pick<EligibilityContest, "minVoterAge">): boolean {
  return (contest.minVoterAge ?? 0) > 0;
}

/**
 * The posted age tick box or ja/nee radio: "on" (a ticked box), "ja", "true"
 * mean yes; "nee", "false" mean no; anything else was not answered.
 */
export function parseAgeDeclaration(value: unknown): boolean | undefined {
  if (typeof value !== "string") return undefined;
  const answer = value.trim().toLowerCase();
  if (answer === "on" || answer === "ja" || answer === "true") return true;
  if (answer === "nee" || answer === "false") return false;
  return undefined;
}

const reasonMessages: Record<AccountIneligibility, string> = {
  "account-voting-closed": "voting.accountVotingClosed",
  "postcode-missing": "voting.postcodeMissing",
  "postcode-outside-area": "voting.postcodeOutsideArea",
  "address-missing": "voting.addressMissing",
  "address-not-listed": "voting.addressNotListed",
  "address-full": "voting.addressFull",
  "age-unknown": "voting.ageUnknown",
  "too-young": "voting.tooYoung",
};

/** The i18n key that tells the resident why not (and what to do). */
export function ineligibilityMessage(reason: AccountIneligibility): string {
  return reasonMessages[reason];
}

/** The ways in that a contest opens, in the order the voting page offers them. */
export function votingMethodsOpen(contest: {
  readonly eligibleByAccount: boolean;
  readonly eligibleByCode: boolean;
  readonly eligibleByPoster: boolean;
}): VotingMethod[] {
  const methods: VotingMethod[] = [];
  if (contest.eligibleByAccount) methods.push("account");
  if (contest.eligibleByCode) methods.push("code");
  if (contest.eligibleByPoster) methods.push("poster");
  return methods;
}

export type CheckLine = {
  key: "checkPostcode" | "checkAddressList" | "checkAge" | "checkCode" | "checkCodeAddress" | "checkPoster" | "checkOnce";
  age?: number;
};

/**
 * How a round checks who may vote, in the order the round's page and its results page say it
 * (issue 15: "Zo hebben we gecontroleerd wie mocht stemmen"). Letter codes of a round with an address
 * list are made for the list's addresses and count against them.
 */
export function howEligibilityIsChecked(contest: {
  readonly eligibleByAccount: boolean;
  readonly eligibleByCode: boolean;
  readonly eligibleByPoster: boolean;
  readonly accountCheck: AccountCheck;
  readonly minVoterAge: number | null;
}): CheckLine[] {
  const addressList = contest.accountCheck === "address-list";
  const lines: CheckLine[] = [];
  if (contest.eligibleByAccount) lines.push({ key: addressList ? "checkAddressList" : "checkPostcode" });
  if (contest.eligibleByCode) lines.push({ key: addressList ? "checkCodeAddress" : "checkCode" });
  if (contest.eligibleByPoster) lines.push({ key: "checkPoster" });
  if (lines.length === 0) return [];
  if ((contest.minVoterAge ?? 0) > 0) lines.push({ key: "checkAge", age: contest.minVoterAge! });
  lines.push({ key: "checkOnce" });
  return lines;
}
