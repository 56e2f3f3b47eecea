import type { MessageKey } from "~/lib/i18n/core";

/** How the contest's log names the aftercare actions (grants and overrides are in the console's own list). */
export const aftercareAuditLabels: Record<string, MessageKey> = {
  "aftercare.status": "aftercare.audit.status",
  "aftercare.milestone": "aftercare.audit.milestone",
  "aftercare.milestone-done": "aftercare.audit.milestoneDone",
  "aftercare.update": "aftercare.audit.update",
  "aftercare.spending": "aftercare.audit.spending",
  "aftercare.refer": "aftercare.audit.refer",
  "aftercare.referral": "aftercare.audit.referral",
  "aftercare.remind": "aftercare.audit.remind",
  "privacy.retention": "aftercare.audit.retention",
};
