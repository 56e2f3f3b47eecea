import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseWithZod } from "~/lib/parse-form";
import { safeRedirectPath } from "~/lib/safe-redirect";
import { supporterKinds, referralStatuses } from "~/modules/aftercare/referrals";
import {
  followUpActionSchema,
  grantSchema,
  dashboardSchema,
  partnerSchema,
  partnerLeavesSchema,
  milestoneSchema,
  spendingSchema,
  statusSchema,
  supporterEditSchema,
  supporterSchema,
  trackActionSchema,
  updateSchema,
} from "~/modules/aftercare/schemas";
import { trackStatuses } from "~/modules/aftercare/track";
import { checkAccent } from "~/modules/auth/organisation-look";
import { accentFormSchema } from "~/modules/auth/organisation-look-form";
import { weakPasswordReason } from "~/modules/auth/password-policy";
import {
  addOrganiserSchema,
  forgotPasswordSchema,
  loginSchema,
  newOrganisationSchema,
  registerSchema,
  removeOrganiserSchema,
  changePasswordSchema,
  profileSchema,
  resetPasswordSchema,
} from "~/modules/auth/schemas";
import { areaFormSchema } from "~/modules/contests/area-form";
import { OUTCOME_RULES, PHASES } from "~/modules/contests/contest-constants";
import { overrideSchema, parseScheduleForm, scheduleFieldName } from "~/modules/contests/schedule-form";
import { contestImageSchema, contestSettingsSchema, newContestSchema, nextEditionSchema } from "~/modules/contests/settings";
import {
  backFormSchema,
  consoleFormSchema,
  paperFormSchema,
  reactionFormSchema,
  settingsFormSchema,
  REACTION_MAX,
  REACTION_REPORT_REASONS,
} from "~/modules/draagvlak/schemas";
import { beursvloerSchema } from "~/modules/help/schemas";
import { HELP_KINDS, MATCH_STATUSES } from "~/modules/help/matches";
import { subscribeSchema, subscriptionTokenSchema } from "~/modules/contests/subscription-schemas";
import { MAX_IDEA_EUROS, resolveCost } from "~/modules/ideas/rules";
import {
  hideSchema,
  ideaFormSchema,
  inviteSchema,
  listItemSchema,
  paperConsentWays,
  paperIdeaSchema,
  reportReasonsForm,
  reportSchema,
  workOutSchema,
} from "~/modules/ideas/schemas";
import { MAX_CRITERIA } from "~/modules/jury/criteria";
import {
  conflictFormSchema,
  criteriaFormSchema,
  decisionFormSchema,
  feedbackFormSchema,
  inviteFormSchema,
  juryPublicationSchema,
  removeJurorSchema,
  reopenFormSchema,
  scoreFormSchema,
  withdrawInvitationSchema,
} from "~/modules/jury/schemas";
import { OUTCOMES } from "~/modules/jury/shortlist";
import { NOTIFICATION_KINDS } from "~/modules/notifications/kinds";
import { preferencesSchema, unsubscribeSchema } from "~/modules/notifications/schemas";
import { answersFormSchema } from "~/modules/participation/answers-form";
import { AGE_BANDS } from "~/modules/participation/constants";
import { FIRST_TIME_ANSWERS } from "~/modules/participation/questions";
import { MAX_RESIDENTS, residentsFieldName, residentsFormSchema } from "~/modules/participation/residents-form";
import { correctionSchema, resultsActionSchema } from "~/modules/results/forms";
import { organiserStates, taakgroepTags } from "~/modules/taakgroepen/record";
import { isContact, joinSchema, markSchema, paperSignupSchema, signupActionSchema } from "~/modules/taakgroepen/schemas";
import { parseBallotForm } from "~/modules/voting/ballot-form";
import { normalizeCode, normalizeReceipt } from "~/modules/voting/code-format";
import { receiptFormSchema, votingCodeFormSchema } from "~/modules/voting/code-schemas";
import { codeBatchSchema, deskSchema, invalidateSchema, MAX_LETTERS, resolveSchema, revokeBatchSchema } from "~/modules/voting/console-forms";
import { INVALID_REASONS } from "~/modules/voting/ballot-review";
import { MAX_POSTER_COUNT, posterCountsFormSchema } from "~/modules/voting/poster-counts";
import { fcParams, hostileForm, stringsIn, toFormData, type HostileEntry } from "../../tests/support/hostile-forms";

// Property tests (issue 10): every zod schema a route action reads its form with gets random and hostile
// posts through parseWithZod, as the action would. It never throws, and whatever it lets through keeps
// the schema's promises (trimmed text within its lengths, whole positive ids, values from their lists,
// real dates). A route that parses with a schema not in the table below fails the coverage test.

/* eslint-disable @typescript-eslint/no-explicit-any -- the checks read parsed values of many shapes */
type Check = (value: any) => void;
type Entry = {
  /** The schema as routes name it: the exported name, or "<route file>#<name>" for a schema a route defines itself. */
  name: string;
  schema: z.ZodType;
  /** The fields the form posts, with values near what a browser sends. */
  fields: Record<string, fc.Arbitrary<string>>;
  holds: Check;
};

// ---- what the values must look like -------------------------------------------------------------

function text(value: unknown, min: number, max: number) {
  expect(typeof value).toBe("string");
  const s = value as string;
  expect(s).toBe(s.trim());
  expect(s.length).toBeGreaterThanOrEqual(min);
  expect(s.length).toBeLessThanOrEqual(max);
}
/** Optional text: absent (undefined, null or "" as the schema chooses), or trimmed within its length. */
function optionalText(value: unknown, max: number) {
  if (value === undefined || value === null) return;
  text(value, 0, max);
}
function id(value: unknown) {
  expect(Number.isSafeInteger(value)).toBe(true);
  expect(value).toBeGreaterThan(0);
}
function whole(value: unknown, min: number, max: number) {
  expect(Number.isSafeInteger(value)).toBe(true);
  expect(value).toBeGreaterThanOrEqual(min);
  expect(value).toBeLessThanOrEqual(max);
}
function oneOf(value: unknown, list: readonly unknown[]) {
  expect(list).toContain(value);
}
function bool(value: unknown) {
  expect(typeof value).toBe("boolean");
}
/** A calendar day "YYYY-MM-DD" that exists (no 30 February). */
function day(value: unknown) {
  expect(value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(new Date(`${value as string}T12:00:00Z`).toISOString().slice(0, 10)).toBe(value);
}
function email(value: unknown) {
  text(value, 3, 254);
  expect(value).toBe((value as string).toLowerCase());
  expect(value).toMatch(/^[^\s@]+@[^\s@]+$/);
}
/** A path on this site that can stand in a Location header and stays on this site once a browser reads it. */
function sitePath(value: unknown) {
  expect(value).toMatch(/^\/(?![/\\])[\x21-\x7e]*$/);
}

// ---- values near what a browser sends -----------------------------------------------------------

const near = (...values: string[]) => fc.constantFrom(...values);
const words = fc.oneof(near("Fietsenrek", "Een bankje bij de speeltuin", "Moestuin voor de buurt"), fc.string({ minLength: 1, maxLength: 40 }));
const longText = (max: number) =>
  fc.oneof(
    words,
    fc.integer({ min: max - 2, max: max + 2 }).map((n) => "x".repeat(Math.max(0, n))),
  );
const reason = fc.oneof(near("Te vroeg gesloten", "Op verzoek van de gemeente"), longText(500));
const ids = near("1", "2", "3", "7", "0", "-1", "1.5", "abc", "999999");
const emails = near("anna@example.nl", " Anna@Example.NL ", "anna@", "@example.nl", "anna example.nl", "a@b", "anna@example.nl\n");
const euros = near("25000", "25.000", "\u20ac 25 000", "1.250,-", "0", "-5", "12,50", "9.000.000", "999999999", "1000000000", "9007199254740993");
const days = near("2026-11-01", "2026-02-29", "2028-02-29", "2026-02-30", "2026-04-31", "2026-13-01", "1 december", "");
const localTimes = near("2027-03-01T10:00", "2027-03-28T02:30", "2027-02-30T10:00", "2027-03-01 10:00", "2027-03-01T24:00", "");
const checkbox = near("on", "true", "off", "", "1");
const passwords = near("vonk-keizerslanden-2027", "welkom01", "Wachtwoord123!", "kort", "a".repeat(201));
const postcodes = near("7411 AB", "7411ab", "0411 AB", "7411 SA", "1234", "7411 AB-CD");
const codes = near("K7QM-3XPA", "k7qm 3xpa", "K7QM3XPA", "K7QM-3XP", "OOOO-IIII", "K7QMA-3XPAD", "k7qma 3xpad");

// Lists the factories get, as a route would read them from the database.
const lists = { categoryIds: [3, 7], buurtIds: [11] };
const criterionIds = [21, 22, 23];
const ballotIdeaIds = [101, 102, 103];
const ballotRules = { stickersPerVoter: 3, allowStacking: false };

const ideaFields = {
  title: words,
  summary: longText(240),
  description: longText(5000),
  costEuros: euros,
  "costLines[0].description": words,
  "costLines[0].amount": euros,
  "costLines[1].description": words,
  "costLines[1].amount": euros,
  categoryId: near("3", "7", "4", "", "x"),
  buurtId: near("11", "12", ""),
  locationText: longText(200),
  point: near("52.2661, 6.1783", "91, 0", "52.2661;6.1783", "-90 -180", "x"),
  helpNeeded: longText(2000),
  photoAlt: longText(200),
};

function ideaHolds(value: any, opts: { complete: boolean }) {
  text(value.title, 3, 120);
  for (const [field, max] of [
    ["summary", 240],
    ["description", 5000],
    ["locationText", 200],
    ["helpNeeded", 2000],
    ["photoAlt", 200],
  ] as const) {
    optionalText(value[field], max);
  }
  if (value.costEuros !== undefined) whole(value.costEuros, 0, MAX_IDEA_EUROS);
  for (const line of value.costLines ?? []) {
    text(line.description, 1, 120);
    whole(line.amountEuros, 0, MAX_IDEA_EUROS);
  }
  const cost = resolveCost(value.costEuros, value.costLines ?? []);
  expect(cost.ok && (cost.total ?? 0) <= MAX_IDEA_EUROS).toBe(true);
  if (value.categoryId !== undefined) oneOf(value.categoryId, lists.categoryIds);
  if (value.buurtId !== undefined) oneOf(value.buurtId, lists.buurtIds);
  if (value.point !== undefined) {
    expect(Math.abs(value.point.latitude)).toBeLessThanOrEqual(90);
    expect(Math.abs(value.point.longitude)).toBeLessThanOrEqual(180);
  }
  if (opts.complete) {
    expect(value.summary).toBeTruthy();
    expect(value.description).toBeTruthy();
    expect(value.costEuros !== undefined || value.costLines.length > 0).toBe(true);
    expect(value.categoryId).toBeDefined();
    expect(value.buurtId).toBeDefined();
  }
}

const supporterFields = {
  name: words,
  kind: near(...supporterKinds, "bank"),
  topics: longText(300),
  contact: longText(200),
  website: near("https://fonds.example.nl", "http://x.nl", "javascript:alert(1)", "ftp://x.nl", "fonds.example.nl", ""),
  municipalityId: ids,
};
function supporterHolds(value: any) {
  text(value.name, 1, 120);
  oneOf(value.kind, supporterKinds);
  text(value.topics, 0, 300);
  text(value.contact, 1, 200);
  if (value.website !== undefined) {
    expect(value.website.length).toBeLessThanOrEqual(300);
    expect(value.website).toMatch(/^https?:\/\//);
  }
}
const municipality = z.object({ municipalityId: z.coerce.number().int().positive() });

const trackFields = {
  intent: near("status", "milestone", "milestone-done", "update", "spending", "grant", "dashboard", "partner", "partner-leaves", "x"),
  status: near(...trackStatuses, "klaar"),
  title: longText(120),
  dueOn: days,
  milestoneId: ids,
  done: near("ja", "nee", "on"),
  text: longText(4000),
  photoAlt: longText(200),
  description: longText(120),
  amount: euros,
  spentOn: days,
  override: checkbox,
  granted: euros,
  municipalityRole: longText(1000),
  helps: longText(1000),
  hinders: longText(1000),
  name: longText(120),
  role: longText(300),
  partnerId: ids,
};
function trackHolds(value: any) {
  switch (value.intent) {
    case "status":
      return oneOf(value.status, trackStatuses);
    case "milestone":
      text(value.title, 1, 120);
      return day(value.dueOn);
    case "milestone-done":
      id(value.milestoneId);
      return bool(value.done);
    case "update":
      text(value.text, 1, 4000);
      return optionalText(value.photoAlt, 200);
    case "spending":
      text(value.description, 1, 120);
      whole(value.amount, 1, 999_999_999);
      day(value.spentOn);
      return bool(value.override);
    case "grant":
      return whole(value.granted, 0, 999_999_999);
    case "dashboard":
      // Each text may be empty (the dashboard leaves it out), never untrimmed or over 1000.
      text(value.municipalityRole, 0, 1000);
      text(value.helps, 0, 1000);
      return text(value.hinders, 0, 1000);
    case "partner":
      text(value.name, 1, 120);
      return text(value.role, 1, 300);
    case "partner-leaves":
      return id(value.partnerId);
    default:
      throw new Error(`unknown intent ${String(value.intent)}`);
  }
}

const settingsFields = {
  title: words,
  intro: longText(5000),
  areaIds: ids,
  budgetEuros: euros,
  amountsIncludeVat: near("inclusief", "exclusief", "", "misschien"),
  "prizes[0].name": words,
  "prizes[0].amountEuros": euros,
  "prizes[0].description": longText(300),
  "prizes[1].name": words,
  "prizes[1].amountEuros": euros,
  votesPerResident: near("3", "1", "10", "11", "0", "2.5"),
  allowStacking: checkbox,
  minTaakgroepSize: near("4", "1", "50", "51"),
  maxShortlist: near("", "10", "0", "201"),
  outcomeRule: near(...OUTCOME_RULES, "lottery"),
  eligibleByAccount: checkbox,
  eligibleByCode: checkbox,
  eligibleByPoster: checkbox,
  minVoterAge: near("", "16", "0", "121", "-1"),
};

const joinFields = {
  intent: near("join", "withdraw", "leave"),
  name: longText(80),
  contact: near("anna@example.nl", "06-12345678", "+31 6 1234 5678", "bel me", "123"),
  skills: longText(1000),
  tags: near(...taakgroepTags, "slapen"),
  timeAvailable: longText(200),
  sharesContact: checkbox,
};
function joinHolds(value: any) {
  if (value.intent === "withdraw") return;
  expect(value.intent).toBe("join");
  text(value.name, 1, 80);
  text(value.contact, 1, 200);
  expect(isContact(value.contact)).toBe(true);
  optionalText(value.skills, 1000);
  optionalText(value.timeAvailable, 200);
  expect(Array.isArray(value.tags)).toBe(true);
  for (const tag of value.tags) oneOf(tag, taakgroepTags);
  bool(value.sharesContact);
}

const deskFields = {
  intent: near("lookup-code", "register-code", "lookup-account", "register-account", "lookup-name", "register-name"),
  code: codes,
  email: emails,
  name: words,
  postcode: postcodes,
};

// The draagvlak console posts settings or a paper signature list; its union and both parts are parsed.
const draagvlakConsoleFields = {
  intent: near("settings", "paper", "other"),
  minBackers: near("0", "25", "", "10000", "10001", "-1", "2.5", "abc"),
  answerWorkingDays: near("", "5", "0", "60", "61", "3.5"),
  reactionsClosed: checkbox,
  reactionsClosedPhases: near(...PHASES, "concept", ""),
  ideaId: ids,
  count: near("1", "0", "10000", "10001", "12"),
  note: longText(500),
};

function draagvlakConsoleHolds(v: any) {
  if (v.intent === "settings") {
    whole(v.minBackers, 0, 10000);
    if (v.answerWorkingDays !== undefined) whole(v.answerWorkingDays, 1, 60);
    bool(v.reactionsClosed);
    for (const phase of v.reactionsClosedPhases) oneOf(phase, PHASES);
  } else {
    expect(v.intent).toBe("paper");
    id(v.ideaId);
    whole(v.count, 1, 10000);
    text(v.note, 1, 500);
  }
}

const table: Entry[] = [
  // Ideas
  {
    name: "ideaFormSchema",
    schema: ideaFormSchema(lists),
    fields: { intent: near("save", "submit", "publish"), ...ideaFields },
    holds: (v) => ideaHolds(v, { complete: v.intent === "submit" }),
  },
  {
    name: "paperIdeaSchema",
    schema: paperIdeaSchema(lists),
    fields: { ...ideaFields, paperName: longText(80), paperContact: longText(200), paperConsentHow: near(...paperConsentWays, "fax"), consent: checkbox },
    holds: (v) => {
      ideaHolds(v, { complete: true });
      text(v.paperName, 1, 80);
      optionalText(v.paperContact, 200);
      oneOf(v.paperConsentHow, paperConsentWays);
      expect(v.consent).toBe(true);
    },
  },
  {
    name: "workOutSchema",
    schema: workOutSchema,
    fields: {
      plan: longText(5000),
      planning: longText(3000),
      helpers: longText(2000),
      costEuros: euros,
      "costLines[0].description": words,
      "costLines[0].amount": euros,
      "costLines[9].amount": euros,
    },
    holds: (v) => {
      text(v.plan, 1, 5000);
      text(v.planning, 1, 3000);
      text(v.helpers, 1, 2000);
      expect(v.costEuros !== undefined || v.costLines.length > 0).toBe(true);
      const cost = resolveCost(v.costEuros, v.costLines);
      expect(cost.ok && (cost.total ?? 0) <= MAX_IDEA_EUROS).toBe(true);
    },
  },
  {
    name: "reportSchema",
    schema: reportSchema,
    fields: { about: near("idea", "photo-12", "photo-", "photo-1x", "idea "), reason: near(...reportReasonsForm, "boring"), message: longText(1000) },
    holds: (v) => {
      expect(v.about).toMatch(/^(idea|photo-\d+)$/);
      oneOf(v.reason, reportReasonsForm);
      optionalText(v.message, 1000);
      if (v.reason === "other") expect(v.message).toBeTruthy();
    },
  },
  { name: "hideSchema", schema: hideSchema, fields: { reason }, holds: (v) => text(v.reason, 5, 500) },
  { name: "inviteSchema", schema: inviteSchema, fields: { email: emails }, holds: (v) => email(v.email) },
  {
    name: "listItemSchema",
    schema: listItemSchema,
    fields: { kind: near("category", "buurt", "wijk"), name: longText(60) },
    holds: (v) => {
      oneOf(v.kind, ["category", "buurt"]);
      text(v.name, 1, 60);
    },
  },
  // Accounts
  {
    name: "addOrganiserSchema",
    schema: addOrganiserSchema,
    fields: { organisationId: ids, email: emails },
    holds: (v) => {
      whole(v.organisationId, 1, Number.MAX_SAFE_INTEGER);
      email(v.email);
    },
  },
  {
    name: "removeOrganiserSchema",
    schema: removeOrganiserSchema,
    fields: { organisationId: ids, userId: near("u1xvq8nAbC0", "", "a".repeat(65)) },
    holds: (v) => {
      whole(v.organisationId, 1, Number.MAX_SAFE_INTEGER);
      text(v.userId, 1, 64);
    },
  },
  {
    name: "newOrganisationSchema",
    schema: newOrganisationSchema,
    fields: { name: longText(120), municipalityId: ids },
    holds: (v) => {
      text(v.name, 2, 120);
      whole(v.municipalityId, 1, Number.MAX_SAFE_INTEGER);
    },
  },
  {
    name: "loginSchema",
    schema: loginSchema,
    fields: {
      email: emails,
      password: passwords,
      redirectTo: near("/", "/rondes/vonk", "//evil.example", "/\\evil.example", "/\t/evil.example", "https://evil.example", "/ide%C3%ABn"),
    },
    holds: (v) => {
      email(v.email);
      expect(v.password.length).toBeGreaterThanOrEqual(1);
      expect(v.password.length).toBeLessThanOrEqual(1000);
      sitePath(v.redirectTo);
    },
  },
  {
    name: "registerSchema",
    schema: registerSchema,
    fields: {
      name: longText(80),
      email: emails,
      password: passwords,
      postcode: postcodes,
      redirectTo: near("/", "/rondes/vonk", "//evil.example", "/\r\nSet-Cookie: x=1"),
    },
    holds: (v) => {
      text(v.name, 1, 80);
      email(v.email);
      expect(v.password.length).toBeGreaterThanOrEqual(10);
      expect(v.password.length).toBeLessThanOrEqual(200);
      expect(weakPasswordReason(v.password, v.email)).toBeNull();
      expect(v.postcode).toMatch(/^[1-9]\d{3} [A-Z]{2}$/);
      sitePath(v.redirectTo);
    },
  },
  { name: "forgotPasswordSchema", schema: forgotPasswordSchema, fields: { email: emails }, holds: (v) => email(v.email) },
  {
    name: "resetPasswordSchema",
    schema: resetPasswordSchema,
    fields: { token: near("a".repeat(20), "a".repeat(19), "t".repeat(200), "t".repeat(201)), password: passwords },
    holds: (v) => {
      expect(v.token.length).toBeGreaterThanOrEqual(20);
      expect(v.token.length).toBeLessThanOrEqual(200);
      expect(v.password.length).toBeGreaterThanOrEqual(10);
      expect(v.password.length).toBeLessThanOrEqual(200);
    },
  },
  {
    name: "profileSchema",
    schema: profileSchema,
    fields: { intent: near("details", "password"), name: longText(80), postcode: postcodes, locale: near("nl", "en", "de", "") },
    holds: (v) => {
      expect(v.intent).toBe("details");
      text(v.name, 1, 80);
      expect(v.postcode).toMatch(/^[1-9]\d{3} [A-Z]{2}$/);
      oneOf(v.locale, ["nl", "en"]);
    },
  },
  {
    name: "changePasswordSchema",
    schema: changePasswordSchema,
    fields: { intent: near("password", "details"), currentPassword: near("oud-wachtwoord", "", "x".repeat(1001)), password: passwords },
    holds: (v) => {
      expect(v.intent).toBe("password");
      expect(v.currentPassword.length).toBeGreaterThanOrEqual(1);
      expect(v.currentPassword.length).toBeLessThanOrEqual(1000);
      expect(v.password.length).toBeGreaterThanOrEqual(10);
      expect(v.password.length).toBeLessThanOrEqual(200);
    },
  },
  // Draagvlak
  {
    name: "accentFormSchema",
    schema: accentFormSchema,
    fields: { accent: near("#1d4ed8", "1D4ED8", "#16a", "#ffff00", "#fff", "blauw", "#12345", "#1d4ed8ff", "") },
    // Only a colour white text can be read on comes through, always as #rrggbb.
    holds: (v) => {
      expect(v.accent).toMatch(/^#[0-9a-f]{6}$/);
      expect(checkAccent(v.accent).ok).toBe(true);
    },
  },
  { name: "backFormSchema", schema: backFormSchema, fields: { intent: near("back", "unback", "steun") }, holds: (v) => oneOf(v.intent, ["back", "unback"]) },
  { name: "consoleFormSchema", schema: consoleFormSchema, fields: draagvlakConsoleFields, holds: draagvlakConsoleHolds },
  { name: "settingsFormSchema", schema: settingsFormSchema, fields: draagvlakConsoleFields, holds: draagvlakConsoleHolds },
  { name: "paperFormSchema", schema: paperFormSchema, fields: draagvlakConsoleFields, holds: draagvlakConsoleHolds },
  {
    name: "reactionFormSchema",
    schema: reactionFormSchema,
    fields: {
      intent: near("react", "answer", "report", "hide", "restore", "delete"),
      kind: near("question", "suggestion", "help", "praise"),
      body: longText(REACTION_MAX),
      parentId: ids,
      reactionId: ids,
      reason: fc.oneof(near(...REACTION_REPORT_REASONS, "boring"), longText(500)),
    },
    holds: (v) => {
      oneOf(v.intent, ["react", "answer", "report", "hide", "restore"]);
      if (v.intent === "react") oneOf(v.kind, ["question", "suggestion", "help"]);
      if (v.intent === "react" || v.intent === "answer") text(v.body, 1, REACTION_MAX);
      if (v.intent === "answer") id(v.parentId);
      if (v.intent === "report" || v.intent === "hide" || v.intent === "restore") id(v.reactionId);
      if (v.intent === "report") oneOf(v.reason, REACTION_REPORT_REASONS);
      if (v.intent === "hide") text(v.reason, 1, 500);
    },
  },
  // Contests
  { name: "subscribeSchema", schema: subscribeSchema, fields: { email: emails }, holds: (v) => email(v.email) },
  {
    name: "subscriptionTokenSchema",
    schema: subscriptionTokenSchema,
    fields: { token: near("a".repeat(20), "a".repeat(19), "t".repeat(200), "t".repeat(201)) },
    holds: (v) => whole(v.token.length, 20, 200),
  },
  {
    name: "newContestSchema",
    schema: newContestSchema,
    fields: { organisationId: ids, title: words, budgetEuros: euros },
    holds: (v) => {
      id(v.organisationId);
      text(v.title, 3, 120);
      whole(v.budgetEuros, 1, Number.MAX_SAFE_INTEGER);
    },
  },
  { name: "contestImageSchema", schema: contestImageSchema, fields: { imageAlt: longText(300) }, holds: (v) => optionalText(v.imageAlt, 300) },
  { name: "nextEditionSchema", schema: nextEditionSchema, fields: { title: words }, holds: (v) => text(v.title, 3, 120) },
  {
    name: "beursvloerSchema",
    schema: beursvloerSchema,
    fields: {
      intent: near("offer", "supporter-offer", "withdraw-offer", "need", "remove-need", "match", "match-status", "delete-all"),
      offererKind: near("bewoner", "ondernemer", "ondersteuner", ""),
      name: words,
      kind: near(...HELP_KINDS, "geld"),
      description: longText(1000),
      inReturn: longText(300),
      contact: near("anna@example.nl", "06-12345678", "", "x"),
      supporterId: ids,
      offerId: ids,
      needId: ids,
      ideaId: ids,
      matchId: ids,
      status: near(...MATCH_STATUSES, "klaar"),
    },
    holds: (v) => {
      if (v.intent === "offer") {
        oneOf(v.offererKind, ["bewoner", "ondernemer"]);
        text(v.name, 1, 120);
        text(v.contact, 3, 200);
      }
      if ("kind" in v) oneOf(v.kind, HELP_KINDS);
      if ("description" in v) text(v.description, 1, v.intent === "need" ? 300 : 1000);
      if ("inReturn" in v) optionalText(v.inReturn, 300);
      for (const key of ["supporterId", "offerId", "needId", "ideaId", "matchId"] as const) if (key in v) id((v as Record<string, unknown>)[key]);
      if (v.intent === "match-status") oneOf(v.status, MATCH_STATUSES);
    },
  },
  {
    name: "contestSettingsSchema",
    schema: contestSettingsSchema,
    fields: settingsFields,
    holds: (v) => {
      text(v.title, 3, 120);
      text(v.intro, 0, 5000);
      expect(v.areaIds.length).toBeGreaterThan(0);
      v.areaIds.forEach(id);
      whole(v.budgetEuros, 1, Number.MAX_SAFE_INTEGER);
      bool(v.amountsIncludeVat);
      expect(v.prizes.length).toBeLessThanOrEqual(20);
      for (const prize of v.prizes) {
        text(prize.name, 1, 80);
        whole(prize.amountEuros, 0, Number.MAX_SAFE_INTEGER);
        if (prize.description !== null) text(prize.description, 1, 300);
      }
      expect(v.prizes.reduce((sum: number, p: { amountEuros: number }) => sum + p.amountEuros, 0)).toBeLessThanOrEqual(v.budgetEuros);
      whole(v.votesPerResident, 1, 10);
      whole(v.minTaakgroepSize, 1, 50);
      if (v.maxShortlist !== undefined) whole(v.maxShortlist, 1, 200);
      if (v.minVoterAge !== undefined) whole(v.minVoterAge, 0, 120);
      oneOf(v.outcomeRule, OUTCOME_RULES);
      for (const box of ["allowStacking", "eligibleByAccount", "eligibleByCode", "eligibleByPoster"]) bool(v[box]);
      expect(v.eligibleByAccount || v.eligibleByCode || v.eligibleByPoster).toBe(true);
    },
  },
  {
    name: "overrideSchema",
    schema: overrideSchema,
    fields: {
      kind: near("close-early", "extend", "reopen", "skip"),
      phase: near(...PHASES, "concept"),
      newEnd: localTimes,
      nextPhase: near("now", "as-planned", "later"),
      reason,
    },
    holds: (v) => {
      oneOf(v.kind, ["close-early", "extend", "reopen"]);
      oneOf(v.phase, PHASES);
      if (v.newEnd !== null) expect(Number.isSafeInteger(v.newEnd)).toBe(true);
      if (v.kind !== "close-early") expect(v.newEnd).not.toBeNull();
      if (v.nextPhase !== undefined) oneOf(v.nextPhase, ["now", "as-planned"]);
      text(v.reason, 5, 500);
    },
  },
  {
    name: "areaFormSchema",
    schema: areaFormSchema,
    fields: {
      municipalityId: ids,
      areaId: ids,
      name: longText(80),
      kind: near("wijk", "buurt", "stad"),
      postcodes: near("7411", "7411 AB\n7412-7418", "7411 AA-7411 BZ", "0411", "7418-7411", "", "7411 SA"),
    },
    holds: (v) => {
      id(v.municipalityId);
      if (v.areaId !== undefined) id(v.areaId);
      text(v.name, 2, 80);
      oneOf(v.kind, ["wijk", "buurt"]);
      expect(v.postcodes.entries.length).toBeGreaterThan(0);
    },
  },
  // Jury
  {
    name: "scoreFormSchema",
    schema: scoreFormSchema(criterionIds),
    fields: { "score.21": near("1", "5", "0", "6", "3.5", ""), "score.22": near("2", "-1", " 4 "), "score.99": near("3"), comment: longText(2000) },
    holds: (v) => {
      for (const [key, score] of Object.entries(v.score)) {
        oneOf(Number(key), criterionIds);
        whole(score, 1, 5);
      }
      optionalText(v.comment, 2000);
      if (v.comment !== undefined) expect(v.comment.length).toBeGreaterThan(0);
    },
  },
  {
    name: "conflictFormSchema",
    schema: conflictFormSchema,
    fields: { reason: longText(500), confirm: checkbox },
    holds: (v) => {
      optionalText(v.reason, 500);
      expect(v.confirm).toBe(true);
    },
  },
  { name: "feedbackFormSchema", schema: feedbackFormSchema, fields: { body: longText(3000) }, holds: (v) => text(v.body, 10, 3000) },
  {
    name: "inviteFormSchema",
    schema: inviteFormSchema,
    fields: { email: emails, isChair: checkbox },
    holds: (v) => {
      email(v.email);
      bool(v.isChair);
    },
  },
  {
    name: "removeJurorSchema",
    schema: removeJurorSchema,
    fields: { jurorUserId: near("u1xvq8nAbC0", "", " ", "a".repeat(65)) },
    holds: (v) => text(v.jurorUserId, 1, 64),
  },
  {
    name: "withdrawInvitationSchema",
    schema: withdrawInvitationSchema,
    fields: { invitationId: ids },
    holds: (v) => whole(v.invitationId, 1, Number.MAX_SAFE_INTEGER),
  },
  { name: "juryPublicationSchema", schema: juryPublicationSchema, fields: { publishAggregates: checkbox }, holds: (v) => bool(v.publishAggregates) },
  {
    name: "criteriaFormSchema",
    schema: criteriaFormSchema,
    fields: {
      "criteria[0].key": near("haalbaar", ""),
      "criteria[0].name": longText(60),
      "criteria[0].description": longText(300),
      "criteria[0].weight": near("1", "100", "0", "101", "50", ""),
      "criteria[1].name": words,
      "criteria[1].weight": near("10"),
      "criteria[12].name": words,
    },
    holds: (v) => {
      expect(v.length).toBeGreaterThan(0);
      expect(v.length).toBeLessThanOrEqual(MAX_CRITERIA);
      for (const row of v) {
        if (row.key !== null) text(row.key, 0, 40);
        text(row.name, 1, 60);
        text(row.description, 0, 300);
        whole(row.weight, 1, 100);
      }
    },
  },
  {
    name: "decisionFormSchema",
    schema: decisionFormSchema({ ideaIds: ballotIdeaIds, maxShortlist: 1 }),
    fields: {
      intent: near("save", "close", "open"),
      "decisions[0].ideaId": near("101", "104", "x"),
      "decisions[0].outcome": near(...OUTCOMES, "maybe", ""),
      "decisions[0].motivation": longText(2000),
      "decisions[1].ideaId": near("102"),
      "decisions[1].outcome": near(...OUTCOMES),
      "decisions[1].motivation": near("Past goed in de buurt en is haalbaar."),
    },
    holds: (v) => {
      oneOf(v.intent, ["save", "close"]);
      for (const row of v.decisions) {
        oneOf(row.ideaId, ballotIdeaIds);
        oneOf(row.outcome, OUTCOMES);
        text(row.motivation, 10, 2000);
      }
      expect(v.decisions.filter((r: { outcome: string }) => r.outcome === "shortlisted").length).toBeLessThanOrEqual(1);
      for (const ideaId of v.undecided) oneOf(ideaId, ballotIdeaIds);
      if (v.intent === "close") expect(v.undecided).toEqual([]);
    },
  },
  { name: "reopenFormSchema", schema: reopenFormSchema, fields: { reason }, holds: (v) => text(v.reason, 5, 500) },
  // Voting
  { name: "votingCodeFormSchema", schema: votingCodeFormSchema, fields: { code: codes }, holds: (v) => expect(normalizeCode(v.code)).toBe(v.code) },
  { name: "receiptFormSchema", schema: receiptFormSchema, fields: { receipt: codes }, holds: (v) => expect(normalizeReceipt(v.receipt)).toBe(v.receipt) },
  {
    name: "codeBatchSchema",
    schema: codeBatchSchema,
    fields: { label: longText(80), size: near("1", "2000", "2001", "50000", "50001", "0"), format: near("letters", "csv", "pdf") },
    holds: (v) => {
      text(v.label, 1, 80);
      whole(v.size, 1, 50_000);
      oneOf(v.format, ["letters", "csv"]);
      if (v.format === "letters") expect(v.size).toBeLessThanOrEqual(MAX_LETTERS);
    },
  },
  { name: "revokeBatchSchema", schema: revokeBatchSchema, fields: { batchId: ids }, holds: (v) => id(v.batchId) },
  {
    name: "deskSchema",
    schema: deskSchema,
    fields: deskFields,
    holds: (v) => {
      if (v.intent.endsWith("-code")) expect(normalizeCode(v.code)).toBe(v.code);
      else if (v.intent.endsWith("-account")) email(v.email);
      else {
        oneOf(v.intent, ["lookup-name", "register-name"]);
        text(v.name, 1, 80);
        text(v.postcode, 1, 12);
      }
    },
  },
  {
    name: "invalidateSchema",
    schema: invalidateSchema,
    fields: { registerId: ids, reason: near(...INVALID_REASONS, "vals"), note: longText(500) },
    holds: (v) => {
      id(v.registerId);
      oneOf(v.reason, INVALID_REASONS);
      text(v.note, 5, 500);
    },
  },
  {
    name: "resolveSchema",
    schema: resolveSchema,
    fields: { ideaId: ids, count: near("0", "12", "99999", "100000", "-1"), note: longText(200) },
    holds: (v) => {
      id(v.ideaId);
      whole(v.count, 0, MAX_POSTER_COUNT);
      text(v.note, 3, 200);
    },
  },
  {
    name: "posterCountsFormSchema",
    schema: posterCountsFormSchema(ballotIdeaIds),
    fields: { "count.101": near("0", "12", "99999", "100000", "", "-1"), "count.102": near("3"), "count.999": near("1"), "count.0101": near("1") },
    holds: (v) => {
      expect(new Set(v.map((c: { ideaId: number }) => c.ideaId)).size).toBe(v.length);
      for (const c of v) {
        oneOf(c.ideaId, ballotIdeaIds);
        whole(c.count, 0, MAX_POSTER_COUNT);
      }
    },
  },
  // Taakgroepen
  { name: "signupActionSchema", schema: signupActionSchema, fields: joinFields, holds: joinHolds },
  { name: "joinSchema", schema: joinSchema, fields: joinFields, holds: joinHolds },
  {
    name: "paperSignupSchema",
    schema: paperSignupSchema,
    fields: {
      intent: near("paper-signup", "join"),
      ideaId: ids,
      name: joinFields.name,
      contact: joinFields.contact,
      skills: joinFields.skills,
      timeAvailable: joinFields.timeAvailable,
      consent: checkbox,
    },
    holds: (v) => {
      expect(v.intent).toBe("paper-signup");
      id(v.ideaId);
      text(v.name, 1, 80);
      expect(isContact(v.contact)).toBe(true);
      optionalText(v.skills, 1000);
      optionalText(v.timeAvailable, 200);
      expect(v.consent).toBe(true);
    },
  },
  {
    name: "markSchema",
    schema: markSchema,
    fields: { ideaId: ids, state: near("geen", ...organiserStates, "weg") },
    holds: (v) => {
      id(v.ideaId);
      if (v.state !== null) oneOf(v.state, organiserStates);
    },
  },
  // Results
  {
    name: "resultsActionSchema",
    schema: resultsActionSchema,
    fields: { intent: near("reveal", "correct", "hide"), reason },
    holds: (v) => (v.intent === "reveal" ? undefined : text(v.reason, 5, 500)),
  },
  { name: "correctionSchema", schema: correctionSchema, fields: { intent: near("correct"), reason }, holds: (v) => text(v.reason, 5, 500) },
  // Notifications
  {
    name: "preferencesSchema",
    schema: preferencesSchema,
    fields: { on: near(...NOTIFICATION_KINDS, "spam", "VOTING", "") },
    holds: (v) => {
      expect(Array.isArray(v.on)).toBe(true);
      for (const kind of v.on) oneOf(kind, NOTIFICATION_KINDS);
    },
  },
  {
    name: "unsubscribeSchema",
    schema: unsubscribeSchema,
    fields: { token: near("a".repeat(90), "", "t".repeat(201)), intent: near("mute", "unmute", "delete") },
    holds: (v) => {
      optionalText(v.token, 200);
      oneOf(v.intent, ["mute", "unmute"]);
    },
  },
  // Participation
  {
    name: "answersFormSchema",
    schema: answersFormSchema(["b7", "a3", "elders"]),
    fields: {
      token: near("t".repeat(40), "", "t".repeat(201)),
      leeftijd: near(...AGE_BANDS, "100-plus"),
      buurt: near("b7", "elders", "b8"),
      eersteKeer: near(...FIRST_TIME_ANSWERS, "misschien"),
    },
    holds: (v) => {
      text(v.token, 1, 200);
      if (v.leeftijd !== undefined) oneOf(v.leeftijd, AGE_BANDS);
      if (v.buurt !== undefined) oneOf(v.buurt, ["b7", "a3", "elders"]);
      if (v.eersteKeer !== undefined) oneOf(v.eersteKeer, FIRST_TIME_ANSWERS);
    },
  },
  {
    name: "residentsFormSchema",
    schema: residentsFormSchema(["b7", "a3"]),
    fields: {
      [residentsFieldName("buurt", "b7")]: near("4500", "4.500", "4 500", "", "-1", "10000001", "1e3"),
      [residentsFieldName("buurt", "a3")]: near("0", "99999999"),
      [residentsFieldName("leeftijd", AGE_BANDS[0])]: near("120", "x"),
      [residentsFieldName("buurt", "b9")]: near("12"),
    },
    holds: (v) => {
      const known = new Set([residentsFieldName("buurt", "b7"), residentsFieldName("buurt", "a3"), ...AGE_BANDS.map((b) => residentsFieldName("leeftijd", b))]);
      for (const [key, n] of Object.entries(v)) {
        expect(known).toContain(key);
        if (n !== undefined) whole(n, 0, MAX_RESIDENTS);
      }
    },
  },
  // Aftercare
  { name: "trackActionSchema", schema: trackActionSchema, fields: trackFields, holds: trackHolds },
  { name: "statusSchema", schema: statusSchema, fields: trackFields, holds: trackHolds },
  { name: "milestoneSchema", schema: milestoneSchema, fields: trackFields, holds: trackHolds },
  { name: "updateSchema", schema: updateSchema, fields: trackFields, holds: trackHolds },
  { name: "spendingSchema", schema: spendingSchema, fields: trackFields, holds: trackHolds },
  { name: "grantSchema", schema: grantSchema, fields: trackFields, holds: trackHolds },
  { name: "dashboardSchema", schema: dashboardSchema, fields: trackFields, holds: trackHolds },
  { name: "partnerSchema", schema: partnerSchema, fields: trackFields, holds: trackHolds },
  { name: "partnerLeavesSchema", schema: partnerLeavesSchema, fields: trackFields, holds: trackHolds },
  {
    name: "followUpActionSchema",
    schema: followUpActionSchema,
    fields: {
      intent: near("refer", "referral", "remind", "forget"),
      ideaId: ids,
      referralId: ids,
      supporterIds: ids,
      status: near(...referralStatuses, "klaar"),
      note: longText(2000),
    },
    holds: (v) => {
      if (v.intent === "refer") {
        id(v.ideaId);
        whole(v.supporterIds.length, 1, 20);
        v.supporterIds.forEach(id);
        if (v.note !== null) text(v.note, 1, 2000);
      } else if (v.intent === "referral") {
        id(v.referralId);
        oneOf(v.status, referralStatuses);
        if (v.note !== null) text(v.note, 1, 2000);
      } else {
        expect(v.intent).toBe("remind");
        id(v.ideaId);
      }
    },
  },
  // organiseren.ondersteuners.tsx builds its schemas from these two and the municipality; the same here.
  {
    name: "organiseren.ondersteuners.tsx#newSchema",
    schema: supporterSchema.extend(municipality.shape),
    fields: supporterFields,
    holds: (v) => {
      supporterHolds(v);
      id(v.municipalityId);
    },
  },
  {
    name: "organiseren.ondersteuners.tsx#editSchema",
    schema: supporterEditSchema.extend(municipality.shape),
    fields: { ...supporterFields, supporterId: ids, active: checkbox },
    holds: (v) => {
      supporterHolds(v);
      id(v.municipalityId);
      id(v.supporterId);
      bool(v.active);
    },
  },
  // account_.verwijderen.tsx keeps its small schema to itself; the same here.
  {
    name: "account_.verwijderen.tsx#deleteSchema",
    schema: z.object({ password: z.string().min(1).max(200), confirm: z.literal("on") }),
    fields: { password: passwords, confirm: checkbox },
    holds: (v) => {
      whole(v.password.length, 1, 200);
      expect(v.confirm).toBe("on");
    },
  },
  {
    name: "organiseren.ondersteuners.tsx#browserSchema",
    schema: supporterSchema.extend(municipality.shape).extend({ supporterId: z.string().optional(), active: z.string().optional() }),
    fields: { ...supporterFields, supporterId: ids, active: checkbox },
    holds: supporterHolds,
  },
];

// The parse under test, checked as the action would use it, and its promises checked on success.
function parsesSafely(entry: Entry, entries: readonly HostileEntry[]) {
  const started = performance.now();
  const submission = parseWithZod(toFormData(entries), { schema: entry.schema });
  // A crafted post must not cost the server more than a moment (conform once built 100-million-item lists).
  expect(performance.now() - started).toBeLessThan(2_000);
  if (submission.status === "success") {
    entry.holds(submission.value);
    // SQLite's length() stops at a NUL: text with one would pass zod and then fail (or fool) a CHECK.
    for (const s of stringsIn(submission.value)) expect(s).not.toContain("\u0000");
  } else {
    // A refusal can always be sent back to the form.
    expect(() => JSON.stringify(submission.reply())).not.toThrow();
  }
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

describe("every action's schema under random and hostile posts", () => {
  it.each(table.map((entry) => [entry.name, entry] as const))("%s never throws and keeps its promises", (_name, entry) => {
    fc.assert(
      fc.property(hostileForm(entry.fields), (entries) => parsesSafely(entry, entries)),
      fcParams(150),
    );
  });
});

describe("the vote and schedule forms, which are read without conform", () => {
  it("parseBallotForm never throws, and a ballot it accepts keeps the rules", () => {
    const fields = {
      sticker: fc.constantFrom("101", "102", "103", "104", "0", "1e2", " 101 ", "-101"),
      "count.101": fc.constantFrom("0", "1", "2", "3", "99", "100", ""),
      "count.102": fc.constantFrom("1"),
      "count.abc": fc.constantFrom("1"),
      ikDoeMee: fc.constantFrom("101", "102", "104"),
    };
    fc.assert(
      fc.property(hostileForm(fields), (entries) => {
        const parsed = parseBallotForm(toFormData(entries).entries(), ballotRules, ballotIdeaIds);
        if (!parsed.success) return;
        const stickers = parsed.data.stickers.map((s) => s.ideaId);
        whole(stickers.length, 1, ballotRules.stickersPerVoter);
        for (const ideaId of stickers) oneOf(ideaId, ballotIdeaIds);
        expect(new Set(stickers).size).toBe(stickers.length);
        for (const ideaId of parsed.data.ikDoeMee ?? []) oneOf(ideaId, stickers);
      }),
      fcParams(300),
    );
  });

  it("parseScheduleForm never throws, and a schedule it accepts has each phase ending after it starts", () => {
    const fields = Object.fromEntries(
      PHASES.flatMap((phase) => [scheduleFieldName(phase, "start"), scheduleFieldName(phase, "end")]).map((name) => [name, localTimes]),
    );
    fc.assert(
      fc.property(hostileForm(fields), (entries) => {
        const parsed = parseScheduleForm(toFormData(entries));
        if (!parsed.ok) return;
        for (const phase of PHASES) {
          const { start, end } = parsed.schedule[phase];
          expect(Number.isSafeInteger(start) && Number.isSafeInteger(end)).toBe(true);
          expect(end).toBeGreaterThan(start);
        }
      }),
      fcParams(150),
    );
  });
});

describe("counterexamples the properties found (issue 10)", () => {
  const form = (entries: [string, string][]) => toFormData(entries);

  it("a crafted __intent__ or __state__ is ignored instead of throwing (it was a 500 on every action)", () => {
    for (const [name, value] of [
      ["__intent__", "x"],
      ["__intent__", "{}"],
      ["__state__", "{"],
      ["__intent__", '{"type":"remove","payload":{"name":"reason","index":0}}'],
    ] as const) {
      const submission = parseWithZod(
        form([
          [name, value],
          ["reason", "Op verzoek van de gemeente"],
        ]),
        { schema: hideSchema },
      );
      expect(submission.status).toBe("success");
    }
  });

  it("a far-away list index is refused at once instead of building the list (it took 47 s for 100 000 000)", () => {
    const started = performance.now();
    const submission = parseWithZod(
      form([
        ["prizes[100000000].name", "x"],
        ["title", "Vonk"],
      ]),
      { schema: contestSettingsSchema },
    );
    expect(performance.now() - started).toBeLessThan(500);
    expect(submission.status).toBe("error");
    expect(JSON.stringify(submission.reply()).length).toBeLessThan(1_000);
    const viaIntent = parseWithZod(form([["__intent__", '{"type":"update","payload":{"name":"prizes[100000000].name","value":"x"}}']]), {
      schema: contestSettingsSchema,
    });
    expect(viaIntent.status).not.toBe("success");
    expect(JSON.stringify(viaIntent.reply()).length).toBeLessThan(1_000);
  });

  it("a NUL in a text field is dropped: SQLite's length() would stop there and the CHECK would fail", () => {
    const submission = parseWithZod(
      form([
        ["intent", "join"],
        ["name", "\u0000Anna"],
        ["contact", "anna@example.nl"],
      ]),
      { schema: signupActionSchema },
    );
    expect(submission.status).toBe("success");
    expect(submission.status === "success" && submission.value.intent === "join" && submission.value.name).toBe("Anna");
  });

  it("30 February is not a day for a milestone", () => {
    expect(milestoneSchema.safeParse({ intent: "milestone", title: "Opening", dueOn: "2026-02-30" }).success).toBe(false);
    expect(milestoneSchema.safeParse({ intent: "milestone", title: "Opening", dueOn: "2028-02-29" }).success).toBe(true);
  });

  it("a redirect target that a Location header cannot carry, or that a browser reads as another site, goes home", () => {
    for (const to of ["/\r\nSet-Cookie: x=1", "/\t/evil.example", "/\u20ac", "/a\u0000b", "/ide\u00ebn"]) expect(safeRedirectPath(to)).toBe("/");
    expect(safeRedirectPath("/rondes/ide%C3%ABn?x=1#top")).toBe("/rondes/ide%C3%ABn?x=1#top");
  });
});

describe("what a refused post sends back (issue 16)", () => {
  it.each(table.map((entry) => [entry.name, entry] as const))("%s echoes no field beyond its own limit, and no field it does not know", (_name, entry) => {
    // Every field the form knows at 1 MB, and a thousand it does not: a reply once echoed all of it.
    const huge = "x".repeat(1024 * 1024);
    const entries: [string, string][] = [...Object.keys(entry.fields).map((name) => [name, huge] as [string, string])];
    for (let i = 0; i < 1000; i++) entries.push([`extra${i}`, "y".repeat(100)]);
    const reply = parseWithZod(toFormData(entries), { schema: entry.schema }).reply();
    expect(JSON.stringify(reply).length).toBeLessThan(64 * 1024);
    expect(Object.keys(reply.initialValue ?? {}).filter((name) => name.startsWith("extra"))).toEqual([]);
  });
});

// ---- coverage: a route that parses with a schema the table does not know fails here -------------

const appDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/** The schemas a file hands to parseWithZod (or to readIdeaForm, which calls it), by the name it uses. */
function schemasParsedIn(source: string): string[] {
  const names = new Set<string>();
  for (const match of source.matchAll(/parseWithZod\([^;]*?\{\s*schema(?:\s*:\s*(\w+))?/g)) names.add(match[1] ?? "schema");
  for (const match of source.matchAll(/readIdeaForm\(\s*\w+\s*,\s*(\w+)/g)) names.add(match[1]!);
  // `schema` is a local: follow it to the factory or schema it is made from.
  if (names.delete("schema")) {
    const made = [...source.matchAll(/const schema = (?:useMemo\(\s*\(\)\s*=>\s*)?(\w+)/g)].map((m) => m[1]!);
    expect(made.length, "a `schema` local that the coverage test cannot follow").toBeGreaterThan(0);
    for (const name of made) names.add(name);
  }
  return [...names];
}

describe("the table covers every schema a route parses with", () => {
  const known = new Set(table.map((e) => e.name));
  const routes = readdirSync(path.join(appDir, "routes")).filter((f) => f.endsWith(".tsx") || f.endsWith(".ts"));

  it("finds the route forms at all", () => {
    expect(routes.filter((f) => readFileSync(path.join(appDir, "routes", f), "utf8").includes("parseWithZod")).length).toBeGreaterThan(25);
  });

  it.each(routes)("%s", (file) => {
    const source = readFileSync(path.join(appDir, "routes", file), "utf8");
    for (const name of schemasParsedIn(source)) {
      const imported = new RegExp(`import\\s*\\{[^}]*\\b${name}\\b[^}]*\\}\\s*from`).test(source);
      expect(known, `${file} parses with ${name}: add it to the table in schemas.property.test.ts`).toContain(imported ? name : `${file}#${name}`);
    }
  });
});
