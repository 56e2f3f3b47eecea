import type { Catalogue } from "../catalogue";

// English texts of the emails you can switch off; same keys as notifications.nl.ts.
export const notificationsEn: Catalogue["notifications"] = {
  kinds: {
    submitted: { label: "Your idea has arrived", hint: "A confirmation when you have handed in an idea." },
    jury: { label: "Jury decision and tips", hint: "What the jury thinks of your idea, and tips to improve your plan." },
    voting: { label: "Voting opens and is about to close", hint: "When you can vote, and 2 days before the end if you have not voted yet." },
    results: { label: "The results", hint: "When the results are out for a round you take part in." },
    taakgroep: { label: "Your taakgroep is formed", hint: "When enough people have joined a taakgroep (task group) you are in." },
    reminders: { label: "Reminders about your idea", hint: "A request to share news when it has been quiet around your idea for a while." },
    reactions: { label: "Reactions to your idea", hint: "When someone reacts to your idea. At most one email an hour per idea." },
  },
  footer:
    "--\nYou get this email about: {kind}.\nDon't want these emails any more? Unsubscribe with one click:\n{unsubscribeLink}\nAll your email settings: {preferencesLink}",
  footerNoAccount: "--\nYou get this email about: {kind}.\nDon't want these emails any more? Unsubscribe with one click:\n{unsubscribeLink}",
  preferencesTitle: "Emails",
  preferencesLead: "Choose which emails you want to get. If you switch one off, you will not get those emails any more.",
  preferencesLegend: "I want to get these emails",
  preferencesSave: "Save",
  preferencesSaved: "Your choice has been saved.",
  alwaysTitle: "You always get these emails",
  alwaysLead: "They belong to something you just did. Without them you cannot finish or check it:",
  always: {
    confirm: "A link to confirm your email address",
    password: "A link to make a new password",
    invitation: "An invitation to join as a jury member or co-initiator",
    receipt: "Proof that you voted, with your receipt code",
    hidden: "A message when the organisers hide your idea or photo",
  },
  accountLink: "Emails you get",
  unsubscribeTitle: "Unsubscribe from emails",
  unsubscribeLead: "Do you want to stop getting emails about: {kind}?",
  unsubscribeButton: "Yes, unsubscribe me",
  unsubscribed: "You have been unsubscribed. You will not get emails about: {kind}.",
  undoButton: "Switch it back on",
  resubscribed: "Switched back on. You will get emails about: {kind} again.",
  invalid: "This link does not work. Copy the whole link from the email, or log in and choose your emails on your account page.",
  preferencesHint: "Want to choose all your emails? Log in and go to ‘Emails you get’ on your account page.",
  votingOpenSubject: "You can now vote for {contest}",
  votingOpenBody:
    "Hello,\n\nVoting for {contest} has started. You have 3 stickers. Give them to the ideas you like best. You can vote until {date}.\n\nVote:\n{link}\n\nKind regards,\nWijkvonk",
  votingClosingSubject: "2 days left to vote for {contest}",
  votingClosingBody:
    "Hello,\n\nVoting for {contest} closes on {date}. Have you not voted yet? It only takes a few minutes.\n\nVote:\n{link}\n\nKind regards,\nWijkvonk",
  resultsSubject: "The results of {contest} are out",
  resultsBody: "Hello,\n\nThe results of {contest} are out. See which ideas were chosen:\n{link}\n\nThank you for taking part!\n\nKind regards,\nWijkvonk",
};
