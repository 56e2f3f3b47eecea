import type { budgetPartsNl } from "./budget-parts.nl";

// The budget in parts (issue 22, ADR 026): an amount per buurt or per theme.
export const budgetPartsEn: typeof budgetPartsNl = {
  sectionTitle: "Budget in parts",
  sectionLead:
    "You can divide the budget over the round's buurten or over its themes (categories). Each idea then belongs to one part and is paid from that part. You make the lists of buurten and themes under Ideas, Lists.",
  split: "Divide the budget",
  splitNone: "No: one budget for the whole round",
  splitBuurt: "Over the buurten",
  splitCategory: "Over the themes (categories)",
  amountsBuurt: "Amount per buurt",
  amountsCategory: "Amount per theme",
  amountFor: "Amount for {name}",
  noItems: "This list is still empty.",
  listsLink: "Lists of buurten and themes",
  leftover: "What the parts leave",
  leftoverUnspent: "Stays unspent",
  leftoverFundWhatFits: "Goes to the ideas that got nothing yet and still fit, from most to fewest stickers (the parts no longer count then)",
  save: "Save the parts",
  saved: "The parts of the budget have been saved.",
  lockedNotice: "The parts of the budget are fixed, because voting has started: the ballots must not change.",
  partsTotal: "Together {total} of the round's budget of {budget}.",
  ideasWithoutPart: "{count} idea(s) on the ballot do not belong to a part yet. Choose the part for each idea.",
  errors: {
    amountRequired: "Fill in an amount, in whole euros.",
    overBudget: "The parts add up to more than the round's budget.",
    needsGreedy: "With parts, only the outcome rule ‘Budget in order of stickers’ works (go on or stop at an idea that does not fit). Choose that rule first.",
    noItems: "This list is still empty. Make the buurten or themes first.",
    budgetBelowParts: "The budget is smaller than the parts together. Change the parts first.",
    ruleNeedsParts: "This rule does not work with a budget in parts. Turn the parts off first.",
  },
  idea: {
    title: "Part of the budget",
    lead: "This idea is paid from this part of the budget.",
    choose: "Choose a part",
    save: "Save the part",
    saved: "This idea's part has been saved.",
    none: "No part yet",
    locked: "Voting has started: this idea's part is fixed.",
  },
  ballot: {
    partHeading: "{name}: {budget} to share out",
  },
  rule: {
    sentence: "{within} {leftover}",
    greedy:
      "The budget is divided into parts. In each part, the ideas with the most stickers get their money from that part in turn. If an idea no longer fits, the money goes to the next idea of that part that does fit.",
    greedyStop:
      "The budget is divided into parts. In each part, the ideas with the most stickers get their money from that part in turn, until an idea comes that no longer fits. Sharing out that part stops there.",
    leftoverFundWhatFits: "What the parts leave together then goes to the ideas that got no money yet and do fit, from most to fewest stickers.",
    greedyVotes:
      "The budget was divided into parts. In each part, the ideas with the most votes got their money from that part in turn. If an idea no longer fitted, the money went to the next idea of that part that did fit.",
    greedyStopVotes:
      "The budget was divided into parts. In each part, the ideas with the most votes got their money from that part in turn, until an idea came that no longer fitted. Sharing out that part stopped there.",
    leftoverFundWhatFitsVotes: "What the parts left together then went to the ideas that got no money yet and did fit, from most to fewest votes.",
    leftoverUnspent: "What the parts leave is not shared out.",
    leftoverUnspentVotes: "What the parts left was not shared out.",
  },
  results: {
    partsTitle: "Per part of the budget",
    partSpentLine: "{spent} of {budget} shared out within this part ({vat}).",
    noPartWinners: "No idea of this part got money.",
    leftAfterParts: "Together the parts left {left}.",
    leftoverUnspent: "That money stays unspent.",
    leftoverFundWhatFits: "Of that, {spent} went to ideas that still fitted, from most to fewest stickers.",
    leftoverFundWhatFitsVotes: "Of that, {spent} went to ideas that still fitted, from most to fewest votes.",
    inPart: "This idea belongs to {part}.",
    fundedFromLeftover:
      "It no longer fitted in the money for {part}. But together the parts still had {left} left, and the idea costs {cost}. That fitted, so it gets {cost}.",
    stoppedHere:
      "When this idea's turn came, {part} had {left} left. The idea costs {cost}. That did not fit. By this round's rules, sharing out the money of {part} stopped here.",
    notReached: "Sharing out the money of {part} stopped at the idea in place {stoppedAt}. The ideas of {part} after it got nothing from it.",
    notFromLeftover:
      "Then what the parts had left together went to the ideas that still fitted, from most to fewest stickers. When this idea's turn came, {left} of it was left. The idea costs {cost}. That did not fit.",
    leftoverStaysUnspent: "What the parts left over is not shared out.",
    fromLeftoverMark: "from what the parts left",
    overPartBudget: "This idea costs {cost}. That is more than the whole part of {budget}.",
    problemNeedsGreedy: "This round has a budget in parts, but its outcome rule does not work per part. Choose a rule that does under Settings.",
    problemIdeaWithoutPart: "Not every idea on the ballot belongs to a part of the budget. Choose the part for each idea.",
  },
};
