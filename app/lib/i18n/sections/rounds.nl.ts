// Texts of the public contest pages (/rondes), their emails and the shared phase badge and timeline.
// Dutch at B1 level: short sentences, everyday words, "je". The English file has the same keys.
export const roundsNl = {
  listTitle: "Ideeënrondes",
  listLead: "Hier zie je alle ideeënrondes. Kies een ronde om te lezen wat je nu kunt doen.",
  groupCurrent: "Nu bezig",
  groupCurrentEmpty: "Er loopt nu geen ronde.",
  groupUpcoming: "Binnenkort",
  groupUpcomingEmpty: "Er is nu geen nieuwe ronde aangekondigd.",
  groupPast: "Afgelopen",
  groupPastEmpty: "Er zijn nog geen afgelopen rondes.",
  homeAll: "Bekijk alle ideeënrondes",

  // Cards and the contest page
  organisedBy: "Door {organisation}",
  factsLabel: "In het kort",
  areaOne: "Wijk",
  areaMany: "Wijken",
  budget: "Budget",
  deadlineStarts: "{phase} vanaf",
  deadlineEnds: "{phase} tot",
  closedOn: "Afgesloten op",
  badgeInGap: "{phase}: gesloten",
  back: "Alle ideeënrondes",

  previewTitle: "Voorbeeld: nog niet openbaar",
  previewConcept: "Deze ronde is nog een concept. Alleen organisatoren en beheerders zien deze pagina.",
  previewSoon: "Deze ronde wordt openbaar op {date}. Tot dan zien alleen organisatoren en beheerders deze pagina.",

  nowTitle: "Wat kun je nu doen?",
  nowRevealed: "De winnaars zijn bekend: bekijk de uitslag. Daarna gaan de ideeën verder, ook die niet wonnen. Vanaf {date} begint de nazorg.",
  now: {
    concept: "Deze ronde is nog een concept. De projectgroep schrijft het plan. Bewoners zien deze pagina nog niet.",
    binnenkort: "Deze ronde is nog niet openbaar. Vanaf {date} kan iedereen deze pagina zien.",
    aankondiging: "Je kunt nog geen idee indienen. Dat kan vanaf {date}. Denk alvast na over een idee voor je wijk, en praat erover met je buren.",
    indienen:
      "Heb je een idee voor je wijk? Je kunt het nu indienen, tot {date}. Een klein idee mag ook. Liever op papier? Vraag de organisatie om een formulier.",
    juryselectie:
      "De jury leest nu alle ideeën en kiest de beste. Dat duurt tot {date}. Heb je een idee ingediend? Dan hoor je waarom de jury het wel of niet kiest.",
    uitwerken: "De gekozen ideeën worden nu uitgewerkt: een plan, de kosten en wie er helpt. Dat kan tot {date}. Daarna kun je stemmen.",
    stemmen: "Kies nu de beste ideeën voor je wijk. Je hebt {votes}. Stemmen kan tot {date}. Wil je helpen een idee uit te voeren? Zeg dan ‘ik doe mee’.",
    prijsuitreiking: "De stemmen zijn geteld. Bij de prijsuitreiking hoor je welke ideeën winnen. Deze fase duurt tot {date}.",
    nazorg: "De ideeën worden nu uitgevoerd. Ook ideeën die niet wonnen krijgen hulp. Wil je meehelpen? Meld je aan bij een idee. De nazorg duurt tot {date}.",
    afgesloten: "Deze ronde is afgelopen. Je kunt hier nog alles teruglezen.",
  },
  // Between two phases: what comes next, and when. Keyed by the phase that comes next.
  gap: {
    indienen: "De aankondiging is voorbij. Vanaf {date} kun je je idee indienen.",
    juryselectie: "Indienen is gesloten. Vanaf {date} leest de jury alle ideeën en kiest de beste.",
    uitwerken: "De jury is klaar. Vanaf {date} worden de gekozen ideeën uitgewerkt.",
    stemmen: "Het uitwerken is klaar. Vanaf {date} kun je stemmen. Je krijgt dan {votes}.",
    prijsuitreiking: "Stemmen is gesloten. Vanaf {date} hoor je bij de prijsuitreiking welke ideeën winnen.",
    nazorg: "De prijsuitreiking is geweest. Vanaf {date} begint de nazorg: dan worden de ideeën uitgevoerd.",
    other: "De fase ‘{ended}’ is voorbij. De fase ‘{next}’ begint op {date}.",
  },
  votesOne: "1 sticker",
  votesMany: "{n} stickers",

  planTitle: "Het plan",
  planEmpty: "De organisatie schrijft het plan nog.",

  timelineTitle: "Planning",
  timelineDone: "Klaar",
  timelineCurrent: "Nu bezig",
  timelineUpcoming: "Nog niet begonnen",
  timelineToday: "Vandaag",
  timelineTodayGap: "Vandaag: pauze",
  timelineTodayBefore: "Vandaag: de ronde is nog niet begonnen",
  timelineTodayAfter: "Vandaag: de ronde is afgelopen",
  timelineNoSchedule: "De planning is nog niet klaar.",

  changesTitle: "Wijzigingen in de planning",
  changeExtend: "De fase ‘{phase}’ is verlengd tot {date}.",
  changeCloseEarly: "De fase ‘{phase}’ is eerder gesloten, op {date}.",
  changeReopen: "De fase ‘{phase}’ is weer geopend, tot {date}.",
  changeReason: "Reden: {reason}",

  moneyTitle: "Budget en prijzen",
  budgetTotal: "Totaal budget",
  prizesTitle: "Prijzen",
  noPrizes: "Het budget gaat naar de ideeën die de bewoners kiezen.",

  rulesTitle: "Zo kiezen we de winnaars",
  outcome: {
    "prizes-by-rank": "Het idee met de meeste stickers krijgt de eerste prijs, het idee daarna de tweede prijs, en zo verder.",
    greedy:
      "De ideeën met de meeste stickers krijgen om de beurt hun geld tot het budget op is; past een idee niet meer, dan gaat het geld naar het volgende idee dat wel past.",
    "greedy-stop":
      "De ideeën met de meeste stickers krijgen om de beurt hun geld, tot er een idee komt dat niet meer past; het geld dat dan over is, wordt niet verdeeld.",
    "greedy-partial":
      "De ideeën met de meeste stickers krijgen om de beurt hun geld, tot er een idee komt dat niet meer past; dat idee krijgt het geld dat nog over is.",
    "equal-shares":
      "Iedere stemmer krijgt een even groot deel van het budget, en een idee krijgt geld als de mensen die het kozen daar samen genoeg voor hebben (de methode van gelijke delen).",
  },
  votesRule: "Iedere bewoner krijgt {votes}.",
  stackingNo: "Je plakt er één per idee.",
  stackingYes: "Je mag ook meer stickers op één idee plakken.",
  howChecked: "Zo hebben we gecontroleerd wie mocht stemmen",
  checkPostcode:
    "Met een account: een bevestigd e-mailadres en een postcode in {areas}. Dit is de laagste drempel: we vragen je postcode, maar controleren niet of je daar echt woont.",
  checkAddressList:
    "Met een account: een bevestigd e-mailadres en een adres op de adressenlijst van de gemeente. Per adres tellen hoogstens zoveel stemmen als er mensen wonen die mogen stemmen.",
  checkAge: "Je moet {age} jaar of ouder zijn. Dat vragen we bij het stemmen.",
  checkCode: "Met een stemcode uit een brief van de organisatie. Elke code werkt één keer.",
  checkCodeAddress: "Met een stemcode uit een brief van de organisatie. Elke code werkt één keer en telt mee voor het adres op de brief.",
  checkPoster: "Op de keuzebijeenkomst, met stickers op de posters. De organisatie schrijft op wie er was.",
  checkOnce: "Iedereen stemt één keer, op welke manier ook. Een account verwijderen en opnieuw maken geeft geen tweede stem.",
  checkInvalid: "{count} stemmen zijn ongeldig verklaard voordat de telling definitief was: {reasons}. Ze tellen niet mee.",
  checkInvalidOne: "1 stem is ongeldig verklaard voordat de telling definitief was: {reasons}. Die telt niet mee.",
  invalidReason: {
    "fake-account": "nepaccount",
    "double-vote": "dubbel gestemd",
    "not-eligible": "mocht niet stemmen",
    other: "andere reden",
  },
  whoVotes: "Wie mag stemmen?",

  // "Laat me weten wanneer ik mee kan doen"
  subscribeTitle: "Laat me weten wanneer ik mee kan doen",
  subscribeLead: "Vul je e-mailadres in. Je krijgt een e-mail als je je idee kunt indienen, als het stemmen begint en als de uitslag bekend is.",
  subscribeTitleLater: "Blijf op de hoogte van deze ronde",
  subscribeLeadSubmitting:
    "Vul je e-mailadres in. Je krijgt een e-mail met de laatste dag om je idee in te dienen, als het stemmen begint en als de uitslag bekend is.",
  subscribeLeadBeforeVoting: "Vul je e-mailadres in. Je krijgt een e-mail als het stemmen begint en als de uitslag bekend is.",
  subscribeLeadVoting: "Vul je e-mailadres in. Je krijgt een e-mail met een link om te stemmen en als de uitslag bekend is.",
  subscribeEmail: "E-mailadres",
  subscribeButton: "Houd me op de hoogte",
  subscribePrivacy: "We gebruiken je e-mailadres alleen hiervoor. Afmelden kan altijd.",
  subscribeSent: "Dank je! We hebben een e-mail gestuurd naar {email}. Volg de stap in die e-mail. Zie je niets? Kijk dan ook in je spam.",

  confirmTitle: "Aanmelding bevestigen",
  confirmLead: "Wil je e-mails krijgen over {contest}: als er iets te doen is, zoals indienen of stemmen, en als de uitslag bekend is?",
  confirmButton: "Ja, houd me op de hoogte",
  confirmAlready: "Je aanmelding is al bevestigd. Je krijgt een e-mail als er iets te doen is, zoals indienen of stemmen, en als de uitslag bekend is.",
  confirmInvalid: "Deze link werkt niet meer. Wil je toch een e-mail krijgen? Meld je dan opnieuw aan op de pagina van de ronde.",
  confirmedFlash: "Je aanmelding is bevestigd. Je krijgt een e-mail als er iets te doen is, zoals indienen of stemmen, en als de uitslag bekend is.",

  unsubscribeTitle: "Afmelden",
  unsubscribeLead: "Wil je geen e-mails meer krijgen over {contest}?",
  unsubscribeButton: "Ja, meld me af",
  unsubscribeAlready: "Je bent al afgemeld. Je krijgt geen e-mails meer over deze ronde.",
  unsubscribeInvalid: "Deze link werkt niet meer.",
  unsubscribedFlash: "Je bent afgemeld. Je krijgt geen e-mails meer over {contest}.",
  toContest: "Naar de ronde",

  mailConfirmSubject: "Bevestig je aanmelding voor {contest}",
  mailConfirmBody:
    "Hallo,\n\nJe wilt e-mails krijgen over {contest}: als er iets te doen is, zoals indienen of stemmen, en als de uitslag bekend is. Klopt dat? Open dan deze link en klik op de knop ‘Ja, houd me op de hoogte’:\n\n{confirmLink}\n\nHeb je dit niet zelf gevraagd? Dan hoef je niets te doen. Je krijgt dan geen e-mails van ons.\n\nAfmelden kan altijd via deze link:\n{unsubscribeLink}\n\nGroet,\nWijkvonk",
  mailAlreadySubject: "Je staat al op de lijst voor {contest}",
  mailAlreadyBody:
    "Hallo,\n\nJe hebt gevraagd om e-mails over {contest}. Je stond al op de lijst, dus je hoeft niets te doen.\n\nWil je geen e-mails meer? Meld je dan af via deze link:\n{unsubscribeLink}\n\nGroet,\nWijkvonk",
  mailOpenSubject: "Je kunt nu je idee indienen voor {contest}",
  mailOpenBody:
    "Hallo,\n\nGoed nieuws: je kunt nu je idee indienen voor {contest}. Dat kan tot {date}.\n\nLees hier wat je kunt doen:\n{contestLink}\n\nJe krijgt deze e-mail omdat je erom had gevraagd. Wil je geen e-mails meer over deze ronde? Meld je dan af via deze link:\n{unsubscribeLink}\n\nGroet,\nWijkvonk",
  seeIdeas: "Bekijk de ideeën",
} as const;
