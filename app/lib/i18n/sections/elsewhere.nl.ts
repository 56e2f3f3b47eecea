// Een bewoner buiten het gebied van een ronde: naar welke rondes kan die wel (issue 18.4). B1.
export const elsewhereNl = {
  title: "Rondes voor jouw postcode",
  lead: "Je postcode {postcode} ligt in het gebied van deze rondes. Daar kun je wel meedoen:",
  none: "Er loopt nu geen ronde voor jouw postcode {postcode}. Kijk later nog eens, of bekijk alle rondes.",
  allRounds: "Alle rondes bekijken",
  changePostcode: "Ben je verhuisd? Wijzig je postcode bij Mijn account",
};
