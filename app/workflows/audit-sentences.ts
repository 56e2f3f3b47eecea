// The Logboek as sentences (issue 18.9): every audit action the code writes, said the way a person
// would say it ("Anna verborg het idee ‘Bankje bij de vijver’."), with the raw before/after left for a
// disclosure. Pure: the route resolves names and idea titles, the page translates.

import type { Locale, MessageKey, Translate } from "~/lib/i18n/core";
import { formatDateTime, formatMoney } from "~/lib/format";
import { plural } from "~/lib/i18n/numbers";
import { isPhase, type ContestPhase } from "~/modules/contests/phases";

/** A value in a sentence: text as is, a number, a translated word, an amount in euros, a moment, or a list. */
export type SentenceParam =
  string | number | { key: MessageKey } | { phase: ContestPhase } | { euros: number } | { instant: number } | { list: SentenceParam[] };

/** `counted`: a sentence about n things, `key` its form for one and `other` for more; the reader's plural rule picks. */
export type AuditSentence = { key: MessageKey; params: Record<string, SentenceParam>; counted?: { n: number; other: MessageKey } };

export type AuditFacts = {
  action: string;
  /** Who did it; null for Wijkvonk itself (a job) or a visitor without an account. */
  who: string | null;
  subject: string | null;
  /** The subject's idea title, when the subject names an idea ("idea:22"). */
  ideaTitle: string | null;
  before: unknown;
  after: unknown;
};

type Read = {
  who: SentenceParam;
  idea: SentenceParam;
  subject: SentenceParam;
  a: (field: string) => unknown;
  b: (field: string) => unknown;
};

const text = (v: unknown): string => (typeof v === "string" ? v : v === null || v === undefined ? "" : JSON.stringify(v));
const num = (v: unknown): number => (typeof v === "number" ? v : Array.isArray(v) ? v.length : 0);
const quoted = (v: unknown): string => `‘${text(v)}’`;

/** The settings form's fields, as the settings page names them. */
const SETTING_LABELS: Record<string, MessageKey> = {
  title: "auditLog.settings.title",
  intro: "auditLog.settings.intro",
  areaIds: "auditLog.settings.areaIds",
  budgetEuros: "auditLog.settings.budgetEuros",
  prizes: "auditLog.settings.prizes",
  votesPerResident: "auditLog.settings.votesPerResident",
  allowStacking: "auditLog.settings.allowStacking",
  minTaakgroepSize: "auditLog.settings.minTaakgroepSize",
  maxShortlist: "auditLog.settings.maxShortlist",
  outcomeRule: "auditLog.settings.outcomeRule",
  eligibleByAccount: "auditLog.settings.eligibleByAccount",
  eligibleByCode: "auditLog.settings.eligibleByCode",
  eligibleByPoster: "auditLog.settings.eligibleByPoster",
  accountCheck: "auditLog.settings.accountCheck",
  minVoterAge: "auditLog.settings.minVoterAge",
  retentionDays: "auditLog.settings.retentionDays",
};

const MATCH_STATUS_LABELS: Record<string, MessageKey> = {
  voorgesteld: "help.matchStatuses.voorgesteld",
  afgesproken: "help.matchStatuses.afgesproken",
  geleverd: "help.matchStatuses.geleverd",
  vervallen: "help.matchStatuses.vervallen",
};

const REPORT_REASONS: Record<string, MessageKey> = {
  offensive: "ideas.reasons.offensive",
  privacy: "ideas.reasons.privacy",
  spam: "ideas.reasons.spam",
  incorrect: "ideas.reasons.incorrect",
  other: "ideas.reasons.other",
};

const INVALID_REASONS: Record<string, MessageKey> = {
  "fake-account": "rounds.invalidReason.fake-account",
  "double-vote": "rounds.invalidReason.double-vote",
  "not-eligible": "rounds.invalidReason.not-eligible",
  other: "rounds.invalidReason.other",
};

const TRACK_STATUSES: Record<string, MessageKey> = {
  "nog-niet-begonnen": "taakgroepen.track.statuses.nog-niet-begonnen",
  "in-voorbereiding": "taakgroepen.track.statuses.in-voorbereiding",
  "in-uitvoering": "taakgroepen.track.statuses.in-uitvoering",
  gerealiseerd: "taakgroepen.track.statuses.gerealiseerd",
  gestopt: "taakgroepen.track.statuses.gestopt",
};

const REFERRAL_STATUSES: Record<string, MessageKey> = {
  verwezen: "aftercare.referralStatuses.verwezen",
  "in-contact": "aftercare.referralStatuses.in-contact",
  geholpen: "aftercare.referralStatuses.geholpen",
  "niet-gelukt": "aftercare.referralStatuses.niet-gelukt",
};

const TAAKGROEP_MARKS: Record<string, MessageKey> = {
  actief: "taakgroepen.statusActief",
  afgerond: "taakgroepen.statusAfgerond",
  gestopt: "taakgroepen.statusGestopt",
};

/** A code's value as a word, or the code itself when it is one nobody named (an old row, a new value). */
const word = (labels: Record<string, MessageKey>, value: unknown): SentenceParam => {
  const key = labels[text(value)];
  return key ? { key } : text(value);
};

const phase = (value: unknown): SentenceParam => (typeof value === "string" && isPhase(value) ? { phase: value } : text(value));

type Counted = { key: MessageKey; counted: { n: number; other: MessageKey } };

/** A sentence about n things ("1 ondersteuner", "2 ondersteuners"): the form is chosen where it is read. */
const count = (n: number, one: MessageKey, other: MessageKey): Counted => ({ key: one, counted: { n, other } });

const s = (key: MessageKey | Counted, params: Record<string, SentenceParam> = {}): AuditSentence =>
  typeof key === "string" ? { key, params } : { ...key, params };

/** Every action the code writes (auditActionsWritten in the test finds them in the source) and its sentence. */
export const AUDIT_SENTENCES: Record<string, (r: Read) => AuditSentence> = {
  "contest.created": (r) => s("auditLog.contestCreated", { who: r.who, title: quoted(r.a("title")), budget: { euros: num(r.a("budgetEuros")) } }),
  "contest.settings-changed": (r) =>
    s("auditLog.contestSettingsChanged", {
      who: r.who,
      fields: { list: Object.keys(isRecord(r.a("")) ? (r.a("") as Record<string, unknown>) : {}).map((f) => word(SETTING_LABELS, f)) },
    }),
  "contest.schedule-set": (r) => s("auditLog.contestScheduleSet", { who: r.who }),
  "contest.published": (r) => s("auditLog.contestPublished", { who: r.who }),
  "contest.next-edition-started": (r) => s("auditLog.nextEditionStarted", { who: r.who, title: quoted(r.a("title")), from: text(r.b("from")) }),
  "help.supporter-offer": (r) => s("auditLog.helpSupporterOffer", { who: r.who, supporter: r.subject }),
  "help.match-proposed": (r) => s("auditLog.helpMatchProposed", { who: r.who, idea: r.idea }),
  "help.match-status": (r) => s("auditLog.helpMatchStatus", { who: r.who, idea: r.idea, status: word(MATCH_STATUS_LABELS, text(r.a("status"))) }),
  "contest.image-changed": (r) => s("auditLog.contestImageChanged", { who: r.who }),
  "contest.image-removed": (r) => s("auditLog.contestImageRemoved", { who: r.who }),
  "contest.phase-close-early": (r) => s("auditLog.phaseClosedEarly", { who: r.who, phase: phase(r.subject) }),
  "contest.phase-extend": (r) => s("auditLog.phaseExtended", { who: r.who, phase: phase(r.subject), end: { instant: num(r.a("end")) } }),
  "contest.phase-reopen": (r) => s("auditLog.phaseReopened", { who: r.who, phase: phase(r.subject), end: { instant: num(r.a("end")) } }),
  "contest.voting-final": (r) => s("auditLog.votingFinal", { who: r.who }),
  "contest.budget-parts-changed": (r) => s("auditLog.budgetPartsChanged", { who: r.who }),
  "area.created": (r) => s("auditLog.areaCreated", { who: r.who, name: quoted(r.subject) }),
  "area.updated": (r) => s("auditLog.areaUpdated", { who: r.who, name: quoted(r.subject) }),
  "organisation.organiser-added": (r) => s("auditLog.organiserAdded", { who: r.who, email: r.subject, organisation: text(r.a("organisation")) }),
  "organisation.organiser-removed": (r) => s("auditLog.organiserRemoved", { who: r.who, email: r.subject }),
  "platform.organisation-created": (r) => s("auditLog.organisationCreated", { who: r.who, name: quoted(r.subject) }),
  "organisation.accent-changed": (r) =>
    r.a("accentColour")
      ? s("look.auditAccentChanged", { who: r.who, organisation: r.subject, colour: text(r.a("accentColour")) })
      : s("look.auditAccentReset", { who: r.who, organisation: r.subject }),
  "organisation.logo-changed": (r) => s("look.auditLogoChanged", { who: r.who, organisation: r.subject }),
  "organisation.logo-removed": (r) => s("look.auditLogoRemoved", { who: r.who, organisation: r.subject }),

  "idea.paper-entered": (r) => s("auditLog.ideaPaperEntered", { who: r.who, idea: r.idea, name: text(r.a("paperName")) }),
  "idea.updated-by-organiser": (r) => s("auditLog.ideaUpdated", { who: r.who, idea: r.idea }),
  "idea.worked-out-by-organiser": (r) => s("auditLog.ideaWorkedOut", { who: r.who, idea: r.idea }),
  "idea.photo-removed-by-organiser": (r) => s("auditLog.ideaPhotoRemoved", { who: r.who, idea: r.idea }),
  "idea.withdrawn": (r) => s("auditLog.ideaWithdrawn", { who: r.who, idea: r.idea }),
  "idea.reported": (r) =>
    s(r.a("photoId") ? "auditLog.ideaPhotoReported" : "auditLog.ideaReported", { idea: r.idea, reason: word(REPORT_REASONS, r.a("reason")) }),
  "idea.hidden": (r) => s("auditLog.ideaHidden", { who: r.who, idea: r.idea }),
  "idea.restored": (r) => s("auditLog.ideaRestored", { who: r.who, idea: r.idea }),
  "idea.photo-hidden": (r) => s("auditLog.ideaPhotoHidden", { who: r.who, idea: r.idea }),
  "idea.photo-restored": (r) => s("auditLog.ideaPhotoRestored", { who: r.who, idea: r.idea }),
  "idea.report-dismissed": (r) => s("auditLog.ideaReportDismissed", { who: r.who, idea: r.idea }),
  "idea.co-initiator-invited": (r) => s("auditLog.coInitiatorInvited", { who: r.who, idea: r.idea, email: text(r.a("email")) }),
  "idea.co-initiator-removed": (r) => s("auditLog.coInitiatorRemoved", { who: r.who, idea: r.idea, email: text(r.b("email")) }),
  "idea.category-added": (r) => s("auditLog.categoryAdded", { who: r.who, name: quoted(r.a("name")) }),
  "idea.category-removed": (r) => s("auditLog.categoryRemoved", { who: r.who, name: quoted(r.b("name")) }),
  "idea.buurt-added": (r) => s("auditLog.buurtAdded", { who: r.who, name: quoted(r.a("name")) }),
  "idea.budget-part-set": (r) => s("auditLog.budgetPartSet", { who: r.who, idea: r.idea, part: quoted(r.a("part")) }),
  "idea.buurt-removed": (r) => s("auditLog.buurtRemoved", { who: r.who, name: quoted(r.b("name")) }),

  "jury.invited": (r) => s(r.a("isChair") === true ? "auditLog.juryInvitedChair" : "auditLog.juryInvited", { who: r.who, email: r.subject }),
  "jury.invitation-accepted": (r) => s("auditLog.juryAccepted", { who: r.who }),
  "jury.invitation-withdrawn": (r) => s("auditLog.juryInvitationWithdrawn", { who: r.who, email: r.subject }),
  "jury.removed": (r) => s("auditLog.juryRemoved", { who: r.who, email: r.subject }),
  "jury.criteria-changed": (r) => s("auditLog.juryCriteriaChanged", { who: r.who }),
  "jury.conflict-declared": (r) => s("auditLog.juryConflictDeclared", { who: r.who, idea: quoted(r.subject) }),
  "jury.decision-saved": (r) =>
    s(count(Math.max(keyCount(r.a("")), keyCount(r.b(""))), "auditLog.juryDecisionSavedOne", "auditLog.juryDecisionSaved"), {
      who: r.who,
      n: Math.max(keyCount(r.a("")), keyCount(r.b(""))),
    }),
  "jury.decision-closed": (r) =>
    s(count(num(r.a("shortlisted")), "auditLog.juryDecisionClosedOne", "auditLog.juryDecisionClosed"), { who: r.who, n: num(r.a("shortlisted")) }),
  "jury.decision-reopened": (r) => s("auditLog.juryDecisionReopened", { who: r.who }),
  "jury.publication-changed": (r) => s(r.a("publishAggregates") === true ? "auditLog.juryPublished" : "auditLog.juryUnpublished", { who: r.who }),
  "jury.feedback-given": (r) => s("auditLog.juryFeedback", { who: r.who, idea: quoted(r.subject) }),

  "voting.ballot-invalidated": (r) => s("auditLog.ballotInvalidated", { who: r.who, voter: text(r.a("voter")), reason: word(INVALID_REASONS, r.a("reason")) }),
  "voting.codes-generated": (r) =>
    s(
      r.a("forAddresses") === true
        ? count(num(r.a("size")), "auditLog.codesGeneratedForAddressesOne", "auditLog.codesGeneratedForAddresses")
        : count(num(r.a("size")), "auditLog.codesGeneratedOne", "auditLog.codesGenerated"),
      {
        who: r.who,
        n: num(r.a("size")),
        label: quoted(r.a("label")),
      },
    ),
  "voting.codes-revoked": (r) => s("auditLog.codesRevoked", { who: r.who, label: quoted(r.b("label")) }),
  "voting.address-list-saved": (r) => s("auditLog.addressListSaved", { who: r.who, n: num(r.a("addresses")) }),
  "voting.poster-count-saved": (r) => s("auditLog.posterCountSaved", { who: r.who }),
  "voting.poster-count-resolved": (r) =>
    s(count(num(r.a("count")), "auditLog.posterCountResolvedOne", "auditLog.posterCountResolved"), { who: r.who, idea: r.idea, n: num(r.a("count")) }),

  "results.revealed": (r) => s("auditLog.resultsRevealed", { who: r.who }),
  "results.corrected": (r) => s("auditLog.resultsCorrected", { who: r.who }),
  "results.archive-imported": (r) => s("auditLog.archiveImported", { who: r.who, file: quoted(r.a("fileName")), n: num(r.a("projects")) }),

  "taakgroep.paper-signup": (r) => s("auditLog.taakgroepPaperSignup", { who: r.who, name: text(r.a("name")), idea: quoted(r.subject) }),
  "taakgroep.mark": (r) =>
    r.a("state")
      ? s("auditLog.taakgroepMarked", { who: r.who, idea: r.idea, state: word(TAAKGROEP_MARKS, r.a("state")) })
      : s("auditLog.taakgroepUnmarked", { who: r.who, idea: r.idea }),
  "taakgroep.export": (r) =>
    r.subject === "contest" ? s("auditLog.taakgroepExportAll", { who: r.who }) : s("auditLog.taakgroepExportIdea", { who: r.who, idea: r.idea }),
  "participation.residents-saved": (r) => s("auditLog.residentsSaved", { who: r.who }),

  "aftercare.status": (r) => s("auditLog.trackStatus", { who: r.who, idea: r.idea, status: word(TRACK_STATUSES, r.a("status")) }),
  "aftercare.grant": (r) =>
    r.a("grantedEuros") === null || r.a("grantedEuros") === undefined
      ? s("auditLog.grantCleared", { who: r.who, idea: r.idea })
      : s("auditLog.grantSet", { who: r.who, idea: r.idea, amount: { euros: num(r.a("grantedEuros")) } }),
  "aftercare.milestone": (r) => s("auditLog.milestoneAdded", { who: r.who, idea: r.idea, title: quoted(r.a("title")) }),
  "aftercare.milestone-done": (r) => s(r.a("done") === true ? "auditLog.milestoneDone" : "auditLog.milestoneReopened", { who: r.who, idea: r.idea }),
  "aftercare.update": (r) => s("auditLog.trackUpdate", { who: r.who, idea: r.idea }),
  "aftercare.spending": (r) =>
    s("auditLog.spending", { who: r.who, idea: r.idea, amount: { euros: num(r.a("amountEuros")) }, description: text(r.a("description")) }),
  "aftercare.spending-override": (r) => s("auditLog.spendingOverride", { who: r.who, idea: r.idea, amount: { euros: num(r.a("amountEuros")) } }),
  "aftercare.dashboard": (r) => s("auditLog.trackDashboard", { who: r.who, idea: r.idea }),
  "aftercare.partner-added": (r) => s("auditLog.partnerAdded", { who: r.who, idea: r.idea, name: quoted(r.a("name")) }),
  "aftercare.partner-left": (r) => s("auditLog.partnerLeft", { who: r.who, idea: r.idea, name: quoted(r.a("name")) }),
  "aftercare.refer": (r) =>
    s(count(num(r.a("supporterIds")), "auditLog.referredOne", "auditLog.referred"), { who: r.who, idea: r.idea, n: num(r.a("supporterIds")) }),
  "aftercare.referral": (r) => s("auditLog.referralStatus", { who: r.who, idea: r.idea, status: word(REFERRAL_STATUSES, r.a("status")) }),
  "aftercare.remind": (r) =>
    s(count(num(r.a("recipients")), "auditLog.remindedOne", "auditLog.reminded"), { who: r.who, idea: r.idea, n: num(r.a("recipients")) }),
  "aftercare.supporter-added": (r) => s("auditLog.supporterAdded", { who: r.who, name: quoted(r.subject) }),
  "aftercare.supporter-changed": (r) => s("auditLog.supporterChanged", { who: r.who, name: quoted(r.subject) }),
  "draagvlak.settings-saved": (r) => s("auditLog.draagvlakSettings", { who: r.who }),
  "draagvlak.paper-signatures": (r) =>
    s(count(num(r.a("count")), "auditLog.draagvlakPaperOne", "auditLog.draagvlakPaper"), { who: r.who, n: num(r.a("count")), idea: quoted(r.subject) }),
  "draagvlak.reaction-hidden": (r) => s("auditLog.reactionHidden", { who: r.who, idea: r.idea }),
  "draagvlak.reaction-restored": (r) => s("auditLog.reactionRestored", { who: r.who, idea: r.idea }),
  "privacy.retention": (r) => s("auditLog.retention", { days: num(r.a("retentionDays")) }),
};

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function keyCount(v: unknown): number {
  return isRecord(v) ? Object.keys(v).length : 0;
}

function field(value: unknown, name: string): unknown {
  if (name === "") return value;
  return isRecord(value) ? value[name] : undefined;
}

/** The idea a subject names ("idea:22"; a resolved poster count names it by its bare id), or null. */
export function subjectIdeaId(action: string, subject: string | null): number | null {
  const match = (action === "voting.poster-count-resolved" ? /^(\d+)$/ : /^idea:(\d+)$/).exec(subject ?? "");
  return match ? Number(match[1]) : null;
}

/** The sentence for one log entry; an action nobody wrote a sentence for still says who did what. */
export function auditSentence(entry: AuditFacts): AuditSentence {
  const who: SentenceParam = entry.who ?? { key: "auditLog.system" };
  const idea: SentenceParam = entry.ideaTitle !== null ? quoted(entry.ideaTitle) : { key: "auditLog.anIdea" };
  const sentence = AUDIT_SENTENCES[entry.action];
  if (!sentence) return s("auditLog.unknown", { who, action: entry.action });
  return sentence({
    who,
    idea,
    subject: entry.subject ?? "",
    a: (name) => field(entry.after, name),
    b: (name) => field(entry.before, name),
  });
}

/** The sentence in the reader's language: words translated, amounts and moments written out, lists joined. */
export function sentenceText(sentence: AuditSentence, t: Translate, locale: Locale): string {
  const show = (param: SentenceParam): string => {
    if (typeof param === "string" || typeof param === "number") return String(param);
    if ("key" in param) return t(param.key);
    if ("phase" in param) return `‘${t(`phases.names.${param.phase}`)}’`;
    if ("euros" in param) return formatMoney(param.euros, locale);
    if ("instant" in param) return formatDateTime(param.instant, locale);
    return param.list.map(show).join(", ");
  };
  const key = sentence.counted ? plural(locale, sentence.counted.n, { one: sentence.key, other: sentence.counted.other }) : sentence.key;
  return t(key, Object.fromEntries(Object.entries(sentence.params).map(([name, param]) => [name, show(param)])));
}
