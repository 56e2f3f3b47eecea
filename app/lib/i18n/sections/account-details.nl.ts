// Mijn account › Gegevens wijzigen (issue 18.5), Dutch at B1 level.
export const accountDetailsNl = {
  title: "Gegevens wijzigen",
  link: "Gegevens of wachtwoord wijzigen",
  detailsTitle: "Naam, postcode en taal",
  postcodeHint: "Verhuisd? Vul je nieuwe postcode in. Daarmee zie je de rondes van je nieuwe wijk.",
  postcodeVoted:
    "Heb je al gestemd? Je stem blijft tellen in de ronde waar je stemde. Een nieuwe postcode geeft geen tweede stem. Ligt je nieuwe postcode buiten die wijk? Dan kun je je stickers daar niet meer verplaatsen.",
  language: "Taal van de site en van je e-mails",
  emailNote: "Je e-mailadres kun je hier niet wijzigen.",
  saveDetails: "Gegevens opslaan",
  detailsSaved: "Je gegevens zijn opgeslagen.",
  passwordTitle: "Wachtwoord wijzigen",
  currentPassword: "Je huidige wachtwoord",
  newPassword: "Nieuw wachtwoord",
  passwordLead: "Na het wijzigen ben je op andere apparaten uitgelogd.",
  savePassword: "Wachtwoord wijzigen",
  passwordSaved: "Je wachtwoord is gewijzigd. Op andere apparaten ben je uitgelogd.",
  wrongCurrent: "Je huidige wachtwoord klopt niet.",
  throttled: "Te vaak een verkeerd wachtwoord. Probeer het over {minutes} minuten opnieuw.",
};
