// Verder vertellen en opnieuw beginnen (issue 21.7): deellinks, de flyer, de volgende editie.
// Nederlands op B1-niveau: korte zinnen, "je".
export const spreadNl = {
  nextEditionTitle: "Volgende editie",
  nextEditionLead:
    "Begin een nieuwe ronde met dezelfde instellingen, gebieden, prijzen, juryregels en lijsten (categorieën en buurten). Ideeën, stemmen, jury en mensen gaan niet mee. De nieuwe ronde is een concept: je kiest zelf nieuwe data.",
  nextEditionSuffix: "(volgende editie)",
  nextEditionName: "Naam van de nieuwe ronde",
  nextEditionButton: "Begin de volgende editie",
  nextEditionLink: "Begin de volgende editie van deze ronde",
  nextEditionStarted: "De volgende editie staat klaar als concept. Kies nu de data bij Planning.",
  previousEdition: "Dit is de volgende editie van {title}.",
  flyerLink: "Flyer voor deze ronde (A4, om te printen)",
  flyerTitle: "Flyer: {title}",
  flyerPrint: "Print de flyer",
  flyerBack: "Terug naar de ronde",
  flyerPrintHint: "Tip: kies bij het printen A4 staand, zonder kop- en voettekst.",
  flyerBudget: "Er is {budget} te verdelen",
  flyerPhases: "Zo gaat het",
  flyerScan: "Scan voor alles over de ronde",
  flyerOrVisit: "Of ga naar",
  flyerBy: "Een ronde van {organisation}",
  flyerQrLabel: "QR-code naar de pagina van deze ronde: {url}",
  shareDescriptionIdea: "Een idee in {contest}. Bekijk het en laat weten wat je ervan vindt.",
};
