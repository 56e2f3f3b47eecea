import type { Catalogue } from "../catalogue";

export const elsewhereEn: Catalogue["elsewhere"] = {
  title: "Rounds for your postcode",
  lead: "Your postcode {postcode} is in the area of these rounds. You can take part there:",
  none: "No round is running for your postcode {postcode} right now. Look again later, or see all rounds.",
  allRounds: "See all rounds",
  changePostcode: "Have you moved? Change your postcode under My account",
};
