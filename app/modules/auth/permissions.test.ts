import { describe, expect, it } from "vitest";
import { can, permissions, type Actor, type Permission, type Target } from "./permissions";

// The demo world of the table: organisation 1 runs contest 10 (published) and 11 (concept);
// organisation 2 runs contest 20.
const contest10: Target = { kind: "contest", contestId: 10, organisationId: 1, status: "gepubliceerd" };
const contest11: Target = { kind: "contest", contestId: 11, organisationId: 1, status: "concept" };
const contest20: Target = { kind: "contest", contestId: 20, organisationId: 2, status: "gepubliceerd" };
const org1: Target = { kind: "organisation", organisationId: 1 };
// Idea 1 in contest 10, handed in by the bewoner (u1) with the jurylid (u2) as co-initiator.
const idea1: Target = { kind: "idea", contestId: 10, organisationId: 1, ownerUserId: "u1", coInitiatorUserIds: ["u2"] };
const idea20: Target = { kind: "idea", contestId: 20, organisationId: 2, ownerUserId: "u1", coInitiatorUserIds: [] };

const actors: Record<string, Actor> = {
  anonymous: null,
  bewoner: { userId: "u1", isBeheerder: false, grants: [] },
  jurylid: { userId: "u2", isBeheerder: false, grants: [{ role: "jurylid", contestId: 10, isChair: false }] },
  juryvoorzitter: { userId: "u3", isBeheerder: false, grants: [{ role: "jurylid", contestId: 10, isChair: true }] },
  organisatorOrg1: { userId: "u4", isBeheerder: false, grants: [{ role: "organisator", organisationId: 1, contestId: null }] },
  organisatorContest20: { userId: "u5", isBeheerder: false, grants: [{ role: "organisator", organisationId: null, contestId: 20 }] },
  beheerder: { userId: "u6", isBeheerder: true, grants: [] },
};

type Row = [actor: keyof typeof actors, permission: Permission, target: Target, allowed: boolean];

const table: Row[] = [
  ["anonymous", "contest:view", contest10, true],
  ["anonymous", "contest:view", contest11, false],
  ["anonymous", "account:open", { kind: "platform" }, false],
  ["anonymous", "organise:open", { kind: "platform" }, false],
  ["bewoner", "account:open", { kind: "platform" }, true],
  ["bewoner", "contest:view", contest11, false],
  ["bewoner", "contest:manage", contest10, false],
  ["bewoner", "organise:open", { kind: "platform" }, false],
  ["bewoner", "platform:administer", { kind: "platform" }, false],
  ["bewoner", "contest:jury-score", contest10, false],
  ["jurylid", "contest:jury-score", contest10, true],
  ["jurylid", "contest:jury-score", contest20, false],
  ["jurylid", "contest:jury-decide", contest10, false],
  ["jurylid", "contest:manage", contest10, false],
  ["jurylid", "organise:open", { kind: "platform" }, false],
  ["juryvoorzitter", "contest:jury-decide", contest10, true],
  ["juryvoorzitter", "contest:jury-decide", contest20, false],
  ["organisatorOrg1", "organise:open", { kind: "platform" }, true],
  ["organisatorOrg1", "contest:manage", contest10, true],
  ["organisatorOrg1", "contest:view", contest11, true],
  ["organisatorOrg1", "contest:manage", contest11, true],
  ["organisatorOrg1", "contest:manage", contest20, false],
  ["organisatorOrg1", "contest:jury-decide", contest10, true],
  ["organisatorOrg1", "contest:jury-score", contest10, false],
  ["organisatorOrg1", "organisation:create-contest", org1, true],
  ["organisatorOrg1", "organisation:create-contest", { kind: "organisation", organisationId: 2 }, false],
  ["organisatorOrg1", "platform:administer", { kind: "platform" }, false],
  ["organisatorContest20", "contest:manage", contest20, true],
  ["organisatorContest20", "contest:manage", contest10, false],
  ["organisatorContest20", "organisation:create-contest", { kind: "organisation", organisationId: 2 }, false],
  // An organisation's look: its own organisers only, not an organiser of one of its contests, not a resident.
  ["organisatorOrg1", "organisation:change-look", org1, true],
  ["organisatorOrg1", "organisation:change-look", { kind: "organisation", organisationId: 2 }, false],
  ["organisatorContest20", "organisation:change-look", { kind: "organisation", organisationId: 2 }, false],
  ["bewoner", "organisation:change-look", org1, false],
  ["jurylid", "organisation:change-look", org1, false],
  ["anonymous", "organisation:change-look", org1, false],
  ["anonymous", "idea:edit", idea1, false],
  ["anonymous", "taakgroep:view-members", idea1, false],
  ["bewoner", "taakgroep:view-members", idea1, true],
  ["jurylid", "taakgroep:view-members", idea1, true],
  ["juryvoorzitter", "taakgroep:view-members", idea1, false],
  ["organisatorOrg1", "taakgroep:view-members", idea1, true],
  ["organisatorContest20", "taakgroep:view-members", idea1, false],
  ["bewoner", "taakgroep:manage", idea1, false],
  ["bewoner", "taakgroep:manage", contest10, false],
  ["organisatorOrg1", "taakgroep:manage", contest10, true],
  ["organisatorOrg1", "taakgroep:manage", idea1, true],
  ["organisatorContest20", "taakgroep:manage", contest10, false],
  ["beheerder", "taakgroep:manage", contest20, true],
  ["anonymous", "aftercare:update", idea1, false],
  ["bewoner", "aftercare:update", idea1, true],
  ["jurylid", "aftercare:update", idea1, true],
  ["organisatorOrg1", "aftercare:update", idea1, true],
  ["organisatorContest20", "aftercare:update", idea1, false],
  ["bewoner", "aftercare:grant", idea1, false],
  ["organisatorOrg1", "aftercare:grant", idea1, true],
  ["organisatorContest20", "aftercare:grant", idea20, true],
  ["organisatorContest20", "aftercare:grant", idea1, false],
  ["bewoner", "aftercare:follow-up", contest10, false],
  ["jurylid", "aftercare:follow-up", contest10, false],
  ["organisatorOrg1", "aftercare:follow-up", contest10, true],
  ["organisatorContest20", "aftercare:follow-up", contest10, false],
  ["organisatorContest20", "aftercare:follow-up", contest20, true],
  ["bewoner", "idea:edit", idea1, true],
  ["bewoner", "idea:moderate", contest10, false],
  ["bewoner", "idea:enter-paper", contest10, false],
  ["bewoner", "idea:manage-lists", contest10, false],
  ["jurylid", "idea:edit", idea1, true],
  ["juryvoorzitter", "idea:edit", idea1, false],
  ["organisatorOrg1", "idea:edit", idea1, true],
  ["organisatorOrg1", "idea:edit", idea20, false],
  ["organisatorOrg1", "idea:moderate", contest10, true],
  ["organisatorOrg1", "idea:moderate", idea1, true],
  ["organisatorOrg1", "idea:moderate", contest20, false],
  ["organisatorOrg1", "idea:enter-paper", contest10, true],
  ["organisatorOrg1", "idea:manage-lists", contest11, true],
  ["organisatorContest20", "idea:enter-paper", contest10, false],
  ["organisatorContest20", "idea:edit", idea20, true],
  ["beheerder", "platform:administer", { kind: "platform" }, true],
  ["beheerder", "contest:manage", contest20, true],
  ["beheerder", "contest:view", contest11, true],
];

describe("can: role × action → allowed", () => {
  it.each(table)("%s may %s on %j: %s", (actor, permission, target, allowed) => {
    expect(can(actors[actor]!, permission, target)).toBe(allowed);
  });

  it("covers every permission in the table", () => {
    const covered = new Set(table.map(([, p]) => p));
    expect(permissions.filter((p) => !covered.has(p))).toEqual([]);
  });

  it("a beheerder may do everything, an anonymous visitor nothing but view published contests", () => {
    for (const permission of permissions) {
      expect(can(actors.beheerder!, permission, contest10)).toBe(true);
      expect(can(null, permission, contest10)).toBe(permission === "contest:view");
    }
  });
});
