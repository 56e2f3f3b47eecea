import type { MessageKey } from "~/lib/i18n";

/** The audit actions of the jury module with their labels, for the organiser's log page. */
export const juryAuditLabels: Record<string, MessageKey> = {
  "jury.invited": "jury.audit.invited",
  "jury.invitation-accepted": "jury.audit.accepted",
  "jury.invitation-withdrawn": "jury.audit.invitationWithdrawn",
  "jury.removed": "jury.audit.removed",
  "jury.criteria-changed": "jury.audit.criteriaChanged",
  "jury.conflict-declared": "jury.audit.conflictDeclared",
  "jury.decision-saved": "jury.audit.decisionSaved",
  "jury.decision-closed": "jury.audit.decisionClosed",
  "jury.decision-reopened": "jury.audit.decisionReopened",
  "jury.publication-changed": "jury.audit.publicationChanged",
  "jury.feedback-given": "jury.audit.feedbackGiven",
};
