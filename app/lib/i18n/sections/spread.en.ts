import type { Catalogue } from "../catalogue";

// English texts for spreading the word and starting again; same keys as spread.nl.ts.
export const spreadEn: Catalogue["spread"] = {
  nextEditionTitle: "Next edition",
  nextEditionLead:
    "Start a new round with the same settings, areas, prizes, jury criteria and lists (categories and neighbourhoods). Ideas, votes, jury and people do not come along. The new round is a draft: you choose new dates.",
  nextEditionSuffix: "(next edition)",
  nextEditionName: "Name of the new round",
  nextEditionButton: "Start the next edition",
  nextEditionLink: "Start the next edition of this round",
  nextEditionStarted: "The next edition is ready as a draft. Now choose its dates under Schedule.",
  previousEdition: "This is the next edition of {title}.",
  flyerLink: "Flyer for this round (A4, to print)",
  flyerTitle: "Flyer: {title}",
  flyerPrint: "Print the flyer",
  flyerBack: "Back to the round",
  flyerPrintHint: "Tip: print on A4 portrait, without headers and footers.",
  flyerBudget: "{budget} to share out",
  flyerPhases: "How it works",
  flyerScan: "Scan for everything about the round",
  flyerOrVisit: "Or go to",
  flyerBy: "A round by {organisation}",
  flyerQrLabel: "QR code to this round's page: {url}",
  shareDescriptionIdea: "An idea in {contest}. Have a look and say what you think.",
};
