import { baseEn } from "./sections/base.en";
import { accountDetailsEn } from "./sections/account-details.en";
import type { Catalogue } from "./catalogue";
import { consoleEn } from "./sections/console.en";
import { overviewEn } from "./sections/overview.en";
import { auditLogEn } from "./sections/audit-log.en";
import { lettersEn } from "./sections/letters.en";
import { elsewhereEn } from "./sections/elsewhere.en";
import { coverEn } from "./sections/cover.en";
import { pagesEn } from "./sections/pages.en";
import { ideasEn } from "./sections/ideas.en";
import { juryEn } from "./sections/jury.en";
import { resultsEn } from "./sections/results.en";
import { roundsEn } from "./sections/rounds.en";
import { phasesEn } from "./sections/phases.en";
import { votingEn } from "./sections/voting.en";
import { taakgroepenEn } from "./sections/taakgroepen.en";
import { draagvlakEn } from "./sections/draagvlak.en";
import { aftercareEn } from "./sections/aftercare.en";
import { participationEn } from "./sections/participation.en";
import { notificationsEn } from "./sections/notifications.en";
import { geoEn } from "./sections/geo.en";
import { spreadEn } from "./sections/spread.en";
import { budgetPartsEn } from "./sections/budget-parts.en";
import { helpEn } from "./sections/help.en";
import { initiativeEn } from "./sections/initiative.en";
import { lookEn } from "./sections/look.en";

// The whole English catalogue: the server's and the tests'. The browser loads it in sections (./sections.ts).
export const en: Catalogue = {
  ...baseEn,
  rounds: roundsEn,
  phases: phasesEn,
  results: resultsEn,
  console: consoleEn,
  overview: overviewEn,
  auditLog: auditLogEn,
  letters: lettersEn,
  elsewhere: elsewhereEn,
  cover: coverEn,
  pages: pagesEn,
  ideas: ideasEn,
  jury: juryEn,
  voting: votingEn,
  taakgroepen: taakgroepenEn,
  draagvlak: draagvlakEn,
  aftercare: aftercareEn,
  participation: participationEn,
  spread: spreadEn,
  budgetParts: budgetPartsEn,
  help: helpEn,
  initiative: initiativeEn,
  look: lookEn,
  notifications: notificationsEn,
  accountDetails: accountDetailsEn,
  geo: geoEn,
};
