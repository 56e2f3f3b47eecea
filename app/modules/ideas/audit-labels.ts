import type { MessageKey } from "~/lib/i18n";

/** The audit actions of the ideas module with their labels, for the organiser's log page. */
export const ideaAuditLabels: Record<string, MessageKey> = {
  "idea.paper-entered": "ideas.audit.paperEntered",
  "idea.updated-by-organiser": "ideas.audit.updatedByOrganiser",
  "idea.worked-out-by-organiser": "ideas.audit.workedOutByOrganiser",
  "idea.photo-removed-by-organiser": "ideas.audit.photoRemovedByOrganiser",
  "idea.withdrawn": "ideas.audit.withdrawn",
  "idea.reported": "ideas.audit.reported",
  "idea.hidden": "ideas.audit.hidden",
  "idea.restored": "ideas.audit.restored",
  "idea.photo-hidden": "ideas.audit.photoHidden",
  "idea.photo-restored": "ideas.audit.photoRestored",
  "idea.report-dismissed": "ideas.audit.reportDismissed",
  "idea.co-initiator-invited": "ideas.audit.coInitiatorInvited",
  "idea.co-initiator-removed": "ideas.audit.coInitiatorRemoved",
  "idea.category-added": "ideas.audit.categoryAdded",
  "idea.category-removed": "ideas.audit.categoryRemoved",
  "idea.buurt-added": "ideas.audit.buurtAdded",
  "idea.buurt-removed": "ideas.audit.buurtRemoved",
};
