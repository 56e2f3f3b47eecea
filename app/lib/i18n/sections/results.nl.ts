// Texts of the results: the public results page, the explanation per idea, the ceremony and the
// organiser's results tab. Dutch at B1 level: short sentences, everyday words, "je".
// Explanations are built from these keys by ~/modules/results/explain.ts; amounts arrive as numbers
// and are formatted for the reader's language.
export const resultsNl = {
  title: "Uitslag",
  pageTitle: "Uitslag van {contest}",
  back: "Terug naar de ronde",
  lead: "Zo hebben de bewoners gekozen. Bij ieder idee lees je hoeveel stickers het kreeg en waarom het wel of niet won.",
  revealedOn: "Bekendgemaakt op {date}.",
  linkFromContest: "Bekijk de uitslag",

  embargoTitle: "De uitslag is nog geheim",
  embargoCounting: "Het stemmen is voorbij. De uitslag wordt bekendgemaakt bij de prijsuitreiking.",
  embargoVoting: "Er wordt nog gestemd. Na het stemmen maakt de organisatie de uitslag bekend bij de prijsuitreiking.",
  embargoNotYet: "Er is nog niet gestemd. De uitslag komt na het stemmen.",

  turnoutTitle: "Opkomst",
  turnoutOne: "1 bewoner heeft gestemd.",
  turnoutMany: "{count} bewoners hebben gestemd.",
  turnoutOnline: "Online met een account",
  turnoutCode: "Met een stemcode",
  turnoutPoster: "Op de keuzebijeenkomst",

  winnersTitle: "Winnaars",
  noWinners: "Geen enkel idee heeft gewonnen.",
  allIdeasTitle: "Alle ideeën",
  chartTitle: "Stickers per idee",
  chartLead: "Hoe langer de balk, hoe meer stickers. Het getal staat erbij.",
  chartStickersOne: "1 sticker",
  chartStickersMany: "{count} stickers",
  chartPosterPart: "{count} op papier",
  chartWinner: "gekozen",
  chartRank: "Plaats {rank}",

  status: {
    prize: "Prijs",
    funded: "Krijgt geld",
    "partially-funded": "Krijgt een deel",
    "not-chosen": "Niet gekozen",
  },
  cost: "Kosten",
  gets: "Krijgt",
  why: "Waarom?",

  explain: {
    stickersOne: "1 sticker",
    stickersMany: "{count} stickers",
    fromVotersOne: "{stickers}, van 1 bewoner.",
    fromVotersMany: "{stickers}, van {count} bewoners.",
    posterPartOne: "Daarvan is 1 sticker op de poster geplakt, bij de keuzebijeenkomst.",
    posterPartMany: "Daarvan zijn er {count} op de posters geplakt, bij de keuzebijeenkomst.",
    rank: "Plaats {rank} van {of}.",
    prize: "Dit idee wint de {prize}: {amount}.",
    noPrizeLeft: "Er waren {prizes} prijzen. Dit idee kwam op plaats {rank}. Daarom kreeg het geen prijs.",
    noPrizes: "Deze ronde had geen prijzen.",
    noVotes: "Niemand heeft een sticker op dit idee geplakt. Daarom krijgt het geen geld.",
    funded: "Toen dit idee aan de beurt was, was er nog {left} over. Het idee kost {cost}. Dat paste, dus het krijgt {cost}.",
    doesNotFit:
      "Toen dit idee aan de beurt was, was er nog {left} over. Het idee kost {cost}. Dat paste niet. Het geld ging naar het volgende idee dat wel paste.",
    stoppedHere:
      "Toen dit idee aan de beurt was, was er nog {left} over. Het idee kost {cost}. Dat paste niet. Volgens de regels van deze ronde stopte het verdelen hier. Het geld dat over is, wordt niet verdeeld.",
    overWholeBudget: "Dit idee kost {cost}. Dat is meer dan het hele budget van {budget}.",
    notReached: "Het verdelen stopte bij het idee op plaats {stoppedAt}. De ideeën daarna kregen geen geld.",
    partiallyFunded: "Toen dit idee aan de beurt was, was er nog {left} over. Het idee kost {cost}. Het krijgt het geld dat over was: {amount}.",
    shared: "Dit idee is gekozen in ronde {round}. De bewoners die het kozen, betaalden het samen uit hun deel van het budget:",
    shareGroupOne: "1 stemmer betaalde {each}.",
    shareGroupMany: "{voters} stemmers betaalden elk {each}.",
    shareGroupAllOne: "1 stemmer betaalde alles wat hij of zij nog had: {each}.",
    shareGroupAllMany: "{voters} stemmers betaalden alles wat ze nog hadden: elk {each}.",
    sharesNotEnough:
      "De {supporters} bewoners die dit idee kozen, hadden samen niet genoeg over van hun deel van het budget om {cost} te betalen.",
    sharesNotEnoughOne: "De bewoner die dit idee koos, had niet genoeg over van zijn of haar deel van het budget om {cost} te betalen.",
    overBudget: "Dit idee kost {cost}. Dat is meer dan het hele budget van {budget}. Daarom kon het niet gekozen worden.",
    tieAbove: "Evenveel stickers als het idee op plaats {rank}. Dat idee ging voor, omdat {why}.",
    tieBelow: "Evenveel stickers als het idee op plaats {rank}. Dit idee ging voor, omdat {why}.",
    whyVoters: "meer bewoners er een sticker op plakten",
    whyJury: "de jury het een hoger cijfer gaf",
    whyDraw: "de loting het zo besliste",
  },

  summary: {
    spentBudget: "Verdeeld: {spent} van {budget}.",
    leftover: "Niet verdeeld: {leftover}.",
    spentPrizes: "Aan prijzen: {spent}.",
    prizesNotAwardedOne: "1 prijs is niet uitgereikt, omdat te weinig ideeën stickers kregen.",
    prizesNotAwardedMany: "{count} prijzen zijn niet uitgereikt, omdat te weinig ideeën stickers kregen.",
    equalShares: "Iedere stemmer had een deel van {share} om mee te betalen.",
    equalSharesRaised:
      "Iedere stemmer had eerst een deel van {start}. Omdat er dan geld over bleef, is dat deel steeds met 1 euro verhoogd tot {share}, zolang alles in het budget paste.",
  },

  tieBreak: {
    title: "Als ideeën evenveel stickers hebben",
    withJury:
      "Dan gaat eerst het idee voor waar meer bewoners een sticker op plakten. Is dat ook gelijk? Dan het idee met het hoogste jurycijfer. Is dat ook gelijk? Dan beslist een loting.",
    withoutJury:
      "Dan gaat eerst het idee voor waar meer bewoners een sticker op plakten. Is dat ook gelijk? Dan beslist een loting.",
    seed: "De code van de loting is {seed}.",
    drawUsed: "In deze ronde heeft de loting de volgorde van ideeën bepaald.",
    drawNotUsed: "In deze ronde was de loting niet nodig.",
    howToCheck:
      "Zo kun je de loting nakijken: reken voor ieder idee de SHA-256 uit van de code, een dubbele punt en het nummer van het idee (bijvoorbeeld {example}). Het idee met de laagste uitkomst gaat voor.",
  },

  ceremony: {
    title: "Prijsuitreiking",
    pageTitle: "Prijsuitreiking: {contest}",
    welcome: "Welkom bij de prijsuitreiking",
    turnoutLead: "Zoveel bewoners hebben gestemd",
    turnoutOne: "1 bewoner",
    turnoutMany: "{count} bewoners",
    stickersOne: "1 sticker",
    stickersMany: "{count} stickers",
    announcePrize: "De {prize}",
    announcePrizeAmount: "{amount}",
    announceFunded: "Idee {place} van {total} dat geld krijgt",
    announcePartial: "Dit idee krijgt het geld dat over is",
    goesTo: "gaat naar …",
    fundedAmount: "krijgt {amount}",
    finale: "Gefeliciteerd!",
    finaleLead: "Dank je wel aan iedereen die een idee indiende, meedacht en stemde.",
    noWinners: "Er zijn geen winnaars in deze ronde.",
    next: "Volgende",
    back: "Vorige",
    stepOf: "Stap {step} van {total}",
    keysHint: "Spatie of pijltje naar rechts: volgende. Pijltje naar links: terug.",
    fullscreen: "Volledig scherm",
    exitFullscreen: "Scherm verkleinen",
    close: "Sluiten",
    controls: "Bediening van de prijsuitreiking",
  },
} as const;
