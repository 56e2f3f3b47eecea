import type { MessageKey } from "~/lib/i18n";

/** The audit actions of draagvlak with their labels, for the organiser's log page. */
export const draagvlakAuditLabels: Record<string, MessageKey> = {
  "draagvlak.settings-saved": "draagvlak.auditSettings",
  "draagvlak.paper-signatures": "draagvlak.auditPaper",
  "draagvlak.reaction-hidden": "draagvlak.auditReactionHidden",
  "draagvlak.reaction-restored": "draagvlak.auditReactionRestored",
};
