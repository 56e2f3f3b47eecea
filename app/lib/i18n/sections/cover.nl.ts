// De omslagfoto van een ronde (issue 18.14) en de tekeningen van de demo. B1.
export const coverNl = {
  title: "Omslagfoto",
  where: "De foto staat bovenaan de pagina van de ronde, op de kaart in de lijst met rondes en bij een gedeelde link.",
  altHint: "Voor wie de foto niet kan zien. Bijvoorbeeld: Kinderen spelen op het grasveld bij de vijver.",
  current: "Nu gekozen",
  remove: "Foto weghalen",
  removed: "De foto is weggehaald.",
};
