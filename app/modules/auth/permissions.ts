// Who may do what, in one place. Routes ask `can` on the server; the UI only mirrors it to hide buttons.

export type Grant = { role: "organisator"; organisationId: number | null; contestId: number | null } | { role: "jurylid"; contestId: number; isChair: boolean };

/** null is an anonymous visitor; a user without grants is a bewoner. */
export type Actor = { userId: string; isBeheerder: boolean; grants: Grant[] } | null;

export type Target =
  | { kind: "platform" }
  | { kind: "organisation"; organisationId: number }
  | { kind: "contest"; contestId: number; organisationId: number; status: "concept" | "gepubliceerd" }
  /** An idea with who made it: the indiener and the co-initiators who accepted. */
  | { kind: "idea"; contestId: number; organisationId: number; ownerUserId: string | null; coInitiatorUserIds: readonly string[] };

export const permissions = [
  "platform:administer",
  "organise:open",
  "organisation:create-contest",
  // Its logo and accent colour (ADR 025): organisers of the organisation itself, not of one contest only.
  "organisation:change-look",
  "contest:view",
  "contest:manage",
  "contest:jury-score",
  "contest:jury-decide",
  "account:open",
  // Ideas. Whether the phase allows it is decided beside this, in modules/ideas/rules.ts (editDecision).
  "idea:edit",
  "idea:moderate",
  "idea:enter-paper",
  "idea:manage-lists",
  // Taakgroepen (issue 8): members and their contact for the idea's makers and organisers; marks and exports for organisers.
  "taakgroep:view-members",
  "taakgroep:manage",
  // The realisation track (nazorg): makers and organisers write updates; only organisers grant money.
  "aftercare:update",
  "aftercare:grant",
  // Follow-up for organisers: the dashboard, referrals to supporters, reminders to initiators.
  "aftercare:follow-up",
] as const;
export type Permission = (typeof permissions)[number];

function organisesContest(actor: NonNullable<Actor>, target: { contestId: number; organisationId: number }): boolean {
  return actor.grants.some((g) => g.role === "organisator" && (g.contestId === target.contestId || g.organisationId === target.organisationId));
}

function juryOf(actor: NonNullable<Actor>, contestId: number) {
  return actor.grants.find((g): g is Extract<Grant, { role: "jurylid" }> => g.role === "jurylid" && g.contestId === contestId);
}

export function can(actor: Actor, permission: Permission, target: Target = { kind: "platform" }): boolean {
  if (permission === "contest:view" && target.kind === "contest" && target.status === "gepubliceerd") return true;
  if (!actor) return false;
  if (actor.isBeheerder) return true;
  switch (permission) {
    case "platform:administer":
      return false;
    case "account:open":
      return true;
    case "organise:open":
      return actor.grants.some((g) => g.role === "organisator");
    case "organisation:create-contest":
    case "organisation:change-look":
      return target.kind === "organisation" && actor.grants.some((g) => g.role === "organisator" && g.organisationId === target.organisationId);
    case "contest:view":
    case "contest:manage":
      return target.kind === "contest" && organisesContest(actor, target);
    case "contest:jury-score":
      return target.kind === "contest" && juryOf(actor, target.contestId) !== undefined;
    case "contest:jury-decide":
      return target.kind === "contest" && (organisesContest(actor, target) || juryOf(actor, target.contestId)?.isChair === true);
    case "idea:edit":
    case "taakgroep:view-members":
    case "aftercare:update":
      // The indiener, an accepted co-initiator, or an organiser of the contest.
      return (
        target.kind === "idea" && (target.ownerUserId === actor.userId || target.coInitiatorUserIds.includes(actor.userId) || organisesContest(actor, target))
      );
    case "idea:moderate":
    case "idea:enter-paper":
    case "idea:manage-lists":
    case "taakgroep:manage":
    case "aftercare:grant":
    case "aftercare:follow-up":
      return (target.kind === "contest" || target.kind === "idea") && organisesContest(actor, target);
  }
}
