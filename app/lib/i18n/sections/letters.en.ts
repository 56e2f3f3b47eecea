import type { Catalogue } from "../catalogue";

export const lettersEn: Catalogue["letters"] = {
  shortTitle: "Voting with a code",
  shortLead: "Did you get a letter with a voting code? Enter the code. It takes you to the round your code belongs to.",
  from: "From: {organisation}",
  how: "Go to {url} and enter your voting code.",
  scan: "Or scan the code next to this with your phone's camera. Your voting code is then filled in for you.",
  codeLabel: "Your voting code",
  qrLabel: "QR code that opens the voting page with your voting code",
};
