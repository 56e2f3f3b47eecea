// The kinds of email a person can switch off one by one (issue 9). No imports: drizzle-kit reads this
// file through db/schema/notifications.ts.
//
// Mails that carry a link someone must use (confirm an address, reset a password, accept an
// invitation) and the receipt of a vote are not in this list: they answer something the person just
// did, and without them that action cannot be finished or checked.

export const NOTIFICATION_KINDS = ["submitted", "jury", "voting", "results", "taakgroep", "reminders", "reactions"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** The moments the scheduler mails about on its own, once per contest and person. */
export const NOTICE_EVENTS = ["voting-open", "voting-closing", "results"] as const;
export type NoticeEvent = (typeof NOTICE_EVENTS)[number];

export function isNotificationKind(value: string): value is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(value);
}
