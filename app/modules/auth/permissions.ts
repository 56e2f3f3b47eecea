// Who may do what, in one place. Routes ask `can` on the server; the UI only mirrors it to hide buttons.

export type Grant =
  | { role: "organisator"; organisationId: number | null; contestId: number | null }
  | { role: "jurylid"; contestId: number; isChair: boolean };

/** null is an anonymous visitor; a user without grants is a bewoner. */
export type Actor = { userId: string; isBeheerder: boolean; grants: Grant[] } | null;

export type Target =
  | { kind: "platform" }
  | { kind: "organisation"; organisationId: number }
  | { kind: "contest"; contestId: number; organisationId: number; status: "concept" | "gepubliceerd" };

export const permissions = [
  "platform:administer",
  "organise:open",
  "organisation:create-contest",
  "contest:view",
  "contest:manage",
  "contest:jury-score",
  "contest:jury-decide",
  "account:open",
] as const;
export type Permission = (typeof permissions)[number];

function organisesContest(actor: NonNullable<Actor>, target: Extract<Target, { kind: "contest" }>): boolean {
  return actor.grants.some(
    (g) =>
      g.role === "organisator" && (g.contestId === target.contestId || g.organisationId === target.organisationId),
  );
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
      return (
        target.kind === "organisation" &&
        actor.grants.some((g) => g.role === "organisator" && g.organisationId === target.organisationId)
      );
    case "contest:view":
    case "contest:manage":
      return target.kind === "contest" && organisesContest(actor, target);
    case "contest:jury-score":
      return target.kind === "contest" && juryOf(actor, target.contestId) !== undefined;
    case "contest:jury-decide":
      return target.kind === "contest" && (organisesContest(actor, target) || juryOf(actor, target.contestId)?.isChair === true);
  }
}
