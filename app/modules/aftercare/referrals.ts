// Pure rules for referrals in aftercare (issue 8): ideas that did not win are put in touch with
// supporters, and each referral moves through a status. No I/O.

export const supporterKinds = ["buurtnetwerk", "welzijn", "ideeenmakelaar", "fonds", "crowdfunding", "gemeente"] as const;
export type SupporterKind = (typeof supporterKinds)[number];

export const referralStatuses = ["verwezen", "in-contact", "geholpen", "niet-gelukt"] as const;
export type ReferralStatus = (typeof referralStatuses)[number];

/** A referral is finished once the supporter helped or it did not work out; until then it can still move. */
export function isReferralOpen(status: ReferralStatus): boolean {
  return status === "verwezen" || status === "in-contact";
}

/**
 * Which statuses a referral may move to from where it is. Any open referral can move on or end; an
 * ended one can be reopened (back to "in contact"), since a fund may still say yes a month later.
 */
export function nextReferralStatuses(from: ReferralStatus): ReferralStatus[] {
  return isReferralOpen(from) ? referralStatuses.filter((s) => s !== from && s !== "verwezen") : ["in-contact"];
}

export type ReferralChange = { ok: true } | { ok: false; reason: "same-status" | "not-allowed" };

/** A status change, or a note without one (same status, with a note), is allowed by these rules. */
export function checkReferralChange(from: ReferralStatus, to: ReferralStatus, note: string | null): ReferralChange {
  if (from === to) return note ? { ok: true } : { ok: false, reason: "same-status" };
  return nextReferralStatuses(from).includes(to) ? { ok: true } : { ok: false, reason: "not-allowed" };
}
