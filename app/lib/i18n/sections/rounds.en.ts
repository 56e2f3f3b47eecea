import type { Catalogue } from "../catalogue";

export const roundsEn: Catalogue["rounds"] = {
  listTitle: "Idea rounds",
  listLead: "Here you see all idea rounds. Choose a round to read what you can do now.",
  groupCurrent: "Running now",
  groupCurrentEmpty: "No round is running right now.",
  groupUpcoming: "Coming soon",
  groupUpcomingEmpty: "No new round has been announced yet.",
  groupPast: "Finished",
  groupPastEmpty: "No round has finished yet.",
  homeAll: "See all idea rounds",

  organisedBy: "By {organisation}",
  factsLabel: "At a glance",
  areaOne: "Neighbourhood",
  areaMany: "Neighbourhoods",
  budget: "Budget",
  deadlineStarts: "{phase} from",
  deadlineEnds: "{phase} until",
  closedOn: "Closed on",
  badgeInGap: "{phase}: closed",
  back: "All idea rounds",

  previewTitle: "Preview: not public yet",
  previewConcept: "This round is still a draft. Only organisers and administrators can see this page.",
  previewSoon: "This round becomes public on {date}. Until then only organisers and administrators can see this page.",

  nowTitle: "What can you do now?",
  nowRevealed: "The winners are known: see the results. Then the ideas go on, also those that did not win. Aftercare starts on {date}.",
  now: {
    concept: "This round is still a draft. The project group is writing the plan. Residents cannot see this page yet.",
    binnenkort: "This round is not public yet. From {date} everyone can see this page.",
    aankondiging:
      "You cannot hand in an idea yet. You can from {date}. Start thinking about an idea for your neighbourhood, and talk about it with your neighbours.",
    indienen:
      "Do you have an idea for your neighbourhood? You can hand it in now, until {date}. A small idea is fine too. Prefer paper? Ask the organisers for a form.",
    juryselectie:
      "The jury is reading all ideas and choosing the best. This lasts until {date}. Did you hand in an idea? Then you will hear why the jury did or did not choose it.",
    uitwerken: "The chosen ideas are being worked out: a plan, the cost and who helps. This lasts until {date}. After that you can vote.",
    stemmen:
      "Choose the best ideas for your neighbourhood now. You have {votes}. You can vote until {date}. Want to help carry out an idea? Say ‘count me in’.",
    prijsuitreiking: "The votes have been counted. At the prize-giving you hear which ideas win. This phase lasts until {date}.",
    nazorg: "The ideas are being carried out now. Ideas that did not win get help too. Want to help? Sign up for an idea. Aftercare lasts until {date}.",
    afgesloten: "This round has finished. You can still read everything here.",
  },
  gap: {
    indienen: "The announcement is over. From {date} you can hand in your idea.",
    juryselectie: "Submitting is closed. From {date} the jury reads all ideas and chooses the best.",
    uitwerken: "The jury has finished. From {date} the chosen ideas are worked out.",
    stemmen: "Working out the plans is done. From {date} you can vote. You will get {votes}.",
    prijsuitreiking: "Voting is closed. From {date} you hear at the prize-giving which ideas win.",
    nazorg: "The prize-giving is over. From {date} aftercare starts: the ideas are carried out.",
    other: "The phase ‘{ended}’ is over. The phase ‘{next}’ starts on {date}.",
  },
  votesOne: "1 sticker",
  votesMany: "{n} stickers",

  planTitle: "The plan",
  planEmpty: "The organisers are still writing the plan.",

  timelineTitle: "Schedule",
  timelineDone: "Done",
  timelineCurrent: "Now",
  timelineUpcoming: "Not started yet",
  timelineToday: "Today",
  timelineTodayGap: "Today: pause",
  timelineTodayBefore: "Today: the round has not started yet",
  timelineTodayAfter: "Today: the round has finished",
  timelineNoSchedule: "The schedule is not ready yet.",

  changesTitle: "Changes to the schedule",
  changeExtend: "The phase ‘{phase}’ has been extended until {date}.",
  changeCloseEarly: "The phase ‘{phase}’ closed early, on {date}.",
  changeReopen: "The phase ‘{phase}’ has been reopened, until {date}.",
  changeReason: "Reason: {reason}",

  moneyTitle: "Budget and prizes",
  budgetTotal: "Total budget",
  prizesTitle: "Prizes",
  noPrizes: "The budget goes to the ideas that residents choose.",

  rulesTitle: "How the winners are chosen",
  outcome: {
    "prizes-by-rank": "The idea with the most stickers gets the first prize, the next idea the second prize, and so on.",
    greedy:
      "The ideas with the most stickers get their money in turn until the budget runs out; if an idea no longer fits, the money goes to the next idea that does.",
    "greedy-stop":
      "The ideas with the most stickers get their money in turn, until an idea comes that no longer fits; the money left over then is not handed out.",
    "greedy-partial":
      "The ideas with the most stickers get their money in turn, until an idea comes that no longer fits; that idea gets the money that is left.",
    "equal-shares":
      "Every voter gets an equal share of the budget, and an idea is funded when the people who chose it together have enough for it (the ‘Equal Shares’ method).",
  },
  votesRule: "Every resident gets {votes}.",
  stackingNo: "You put one on each idea.",
  stackingYes: "You may also put more stickers on one idea.",
  howChecked: "How we checked who could vote",
  checkPostcode:
    "With an account: a confirmed email address and a postcode in {areas}. This is the lowest threshold: we ask for your postcode, but do not check that you really live there.",
  checkAddressList:
    "With an account: a confirmed email address and an address on the municipality's address list. At each address, at most as many votes count as there are residents who may vote.",
  checkAge: "You must be {age} or older. We ask when you vote.",
  checkCode: "With a voting code from a letter from the organisers. Each code works once.",
  checkCodeAddress: "With a voting code from a letter from the organisers. Each code works once and counts for the address on the letter.",
  checkPoster: "At the choice meeting, with stickers on the posters. The organisers write down who was there.",
  checkOnce: "Everyone votes once, whichever way. Deleting an account and making a new one does not give a second vote.",
  checkInvalid: "{count} votes were declared invalid before the count was final: {reasons}. They do not count.",
  checkInvalidOne: "1 vote was declared invalid before the count was final: {reasons}. It does not count.",
  invalidReason: {
    "fake-account": "fake account",
    "double-vote": "voted twice",
    "not-eligible": "not allowed to vote",
    other: "other reason",
  },
  whoVotes: "Who can vote?",

  subscribeTitle: "Tell me when I can take part",
  subscribeLead: "Enter your email address. You get an email when you can hand in your idea, when voting starts and when the results are out.",
  subscribeTitleLater: "Stay informed about this round",
  subscribeLeadSubmitting:
    "Enter your email address. You get an email with the last day to hand in your idea, when voting starts and when the results are out.",
  subscribeLeadBeforeVoting: "Enter your email address. You get an email when voting starts and when the results are out.",
  subscribeLeadVoting: "Enter your email address. You get an email with a link to vote and when the results are out.",
  subscribeEmail: "Email address",
  subscribeButton: "Keep me posted",
  subscribePrivacy: "We only use your email address for this. You can unsubscribe at any time.",
  subscribeSent: "Thank you! We sent an email to {email}. Follow the step in that email. Nothing there? Check your spam folder too.",

  confirmTitle: "Confirm your sign-up",
  confirmLead: "Do you want emails about {contest}: when there is something to do, such as handing in or voting, and when the results are out?",
  confirmButton: "Yes, keep me posted",
  confirmAlready:
    "Your sign-up is already confirmed. You will get an email when there is something to do, such as handing in or voting, and when the results are out.",
  confirmInvalid: "This link no longer works. Still want an email? Sign up again on the round's page.",
  confirmedFlash: "Your sign-up is confirmed. You will get an email when there is something to do, such as handing in or voting, and when the results are out.",

  unsubscribeTitle: "Unsubscribe",
  unsubscribeLead: "Do you want to stop getting emails about {contest}?",
  unsubscribeButton: "Yes, unsubscribe me",
  unsubscribeAlready: "You have already unsubscribed. You will get no more emails about this round.",
  unsubscribeInvalid: "This link no longer works.",
  unsubscribedFlash: "You have unsubscribed. You will get no more emails about {contest}.",
  toContest: "Go to the round",

  mailConfirmSubject: "Confirm your sign-up for {contest}",
  mailConfirmBody:
    "Hello,\n\nYou want emails about {contest}: when there is something to do, such as handing in or voting, and when the results are out. Is that right? Then open this link and press the button ‘Yes, keep me posted’:\n\n{confirmLink}\n\nDid you not ask for this? Then you do not need to do anything. You will not get emails from us.\n\nYou can always unsubscribe with this link:\n{unsubscribeLink}\n\nBest wishes,\nWijkvonk",
  mailAlreadySubject: "You are already on the list for {contest}",
  mailAlreadyBody:
    "Hello,\n\nYou asked for emails about {contest}. You were already on the list, so you do not need to do anything.\n\nNo more emails? Unsubscribe with this link:\n{unsubscribeLink}\n\nBest wishes,\nWijkvonk",
  mailOpenSubject: "You can now hand in your idea for {contest}",
  mailOpenBody:
    "Hello,\n\nGood news: you can now hand in your idea for {contest}. You can do so until {date}.\n\nRead here what you can do:\n{contestLink}\n\nYou get this email because you asked for it. No more emails about this round? Unsubscribe with this link:\n{unsubscribeLink}\n\nBest wishes,\nWijkvonk",
  seeIdeas: "See the ideas",
};
