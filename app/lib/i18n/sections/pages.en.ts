import type { Catalogue } from "../catalogue";

export const pagesEn: Catalogue["pages"] = {
  accessibilityTitle: "Accessibility",
  accessibilityLead:
    "Everyone should be able to take part in Wijkvonk. Also if you see poorly, do not use a mouse, have an old phone or prefer to keep JavaScript off.",
  accessibilityStandardTitle: "Which standard do we follow?",
  accessibilityStandard:
    "Wijkvonk follows the Web Content Accessibility Guidelines WCAG 2.1, level AA. That is the requirement for government websites in the Netherlands.",
  accessibilityHowTitle: "How do we check this?",
  accessibilityHow1: "With every change, we test the pages automatically with axe for accessibility errors.",
  accessibilityHow2: "All forms work with the keyboard and without JavaScript.",
  accessibilityHow3: "We look at every page on a phone 375 pixels wide and on a large screen.",
  accessibilityHow4: "We write in plain Dutch (language level B1). There is also an English version.",
  accessibilityKnownTitle: "What does not work well yet?",
  accessibilityKnown: "Some messages about dates and postcodes are still only in Dutch. We are working on it.",
  accessibilityContactTitle: "Something does not work?",
  accessibilityContact: "Tell the organisers of your round, or email toegankelijkheid@wijkvonk.nl. We answer within 5 working days.",
  privacyTitle: "Privacy",
  privacyLead: "We keep as little about you as possible, and only as long as needed.",
  privacyWhatTitle: "What do we keep?",
  privacyAccount: "Your account: your name, email address, postcode and an encrypted password. The postcode tells us in which neighbourhood you may vote.",
  privacyIdeas: "Your ideas: what you fill in, and photos without your camera's data (such as where the photo was taken).",
  privacyVotes: "Your vote: we keep apart that you voted and what was voted. Nobody can see what you voted for, not even the organisers.",
  privacyVoteChecks:
    "Who could vote: when you vote with your account, we keep per round an encrypted code of your email address, until the round's retention period is over. That way, deleting an account and making a new one does not give a second vote. If the round uses the municipality's address list, we keep only such a code of your address, never the address itself. Of the place where you made your account (your IP address) we keep an encrypted code for 90 days, so the organisers can see whether many accounts come from one place at once.",
  privacyGroups: "Joining a taakgroep (a task group of residents): your name and how to reach you. Only if you agree, the initiators and organisers see this.",
  privacyEmails:
    "Emails: which kinds of email you switched off, and which messages about a round we sent you (so you get each only once). We keep this under a scrambled code, not under your email address.",
  privacyWhoTitle: "Who sees your data?",
  privacyWho: "Only the organisers of the round you take part in, and only what they need. We sell nothing and share nothing with others.",
  privacyRightsTitle: "What are your rights?",
  privacyRights:
    "On the page My account you download everything we keep about you, and delete your account. You can also email privacy@wijkvonk.nl to have data changed or deleted. Once a round is closed, we wipe names and contact details after the retention period the organisers choose (a year by default).",
};
