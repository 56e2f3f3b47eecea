import { baseNl } from "./sections/base.nl";
import { accountDetailsNl } from "./sections/account-details.nl";
import { consoleNl } from "./sections/console.nl";
import { overviewNl } from "./sections/overview.nl";
import { auditLogNl } from "./sections/audit-log.nl";
import { lettersNl } from "./sections/letters.nl";
import { elsewhereNl } from "./sections/elsewhere.nl";
import { coverNl } from "./sections/cover.nl";
import { pagesNl } from "./sections/pages.nl";
import { ideasNl } from "./sections/ideas.nl";
import { juryNl } from "./sections/jury.nl";
import { resultsNl } from "./sections/results.nl";
import { roundsNl } from "./sections/rounds.nl";
import { phasesNl } from "./sections/phases.nl";
import { votingNl } from "./sections/voting.nl";
import { taakgroepenNl } from "./sections/taakgroepen.nl";
import { draagvlakNl } from "./sections/draagvlak.nl";
import { aftercareNl } from "./sections/aftercare.nl";
import { participationNl } from "./sections/participation.nl";
import { notificationsNl } from "./sections/notifications.nl";
import { geoNl } from "./sections/geo.nl";
import { spreadNl } from "./sections/spread.nl";
import { budgetPartsNl } from "./sections/budget-parts.nl";
import { helpNl } from "./sections/help.nl";
import { initiativeNl } from "./sections/initiative.nl";
import { lookNl } from "./sections/look.nl";

// The whole Dutch catalogue: the server's and the tests'. The browser loads it in sections (./sections.ts).
export const nl = {
  ...baseNl,
  rounds: roundsNl,
  phases: phasesNl,
  results: resultsNl,
  console: consoleNl,
  overview: overviewNl,
  auditLog: auditLogNl,
  letters: lettersNl,
  elsewhere: elsewhereNl,
  cover: coverNl,
  pages: pagesNl,
  ideas: ideasNl,
  jury: juryNl,
  voting: votingNl,
  taakgroepen: taakgroepenNl,
  draagvlak: draagvlakNl,
  aftercare: aftercareNl,
  participation: participationNl,
  spread: spreadNl,
  budgetParts: budgetPartsNl,
  help: helpNl,
  initiative: initiativeNl,
  look: lookNl,
  notifications: notificationsNl,
  accountDetails: accountDetailsNl,
  geo: geoNl,
} as const;
