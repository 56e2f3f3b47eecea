// E-mails die je kunt uitzetten (issue 9): de pagina met instellingen, de afmeldlink en de berichten
// die de planner zelf stuurt. Nederlands op B1-niveau: korte zinnen, "je".
export const notificationsNl = {
  kinds: {
    submitted: { label: "Je idee is binnen", hint: "Een bevestiging als je een idee hebt ingediend." },
    jury: { label: "Besluit en tips van de jury", hint: "Wat de jury van je idee vindt, en tips om je plan beter te maken." },
    voting: { label: "Stemmen begint en sluit bijna", hint: "Als je kunt stemmen, en 2 dagen voor het einde als je nog niet hebt gestemd." },
    results: { label: "De uitslag", hint: "Als de uitslag bekend is van een ronde waar je aan meedoet." },
    taakgroep: { label: "Je taakgroep is gevormd", hint: "Als er genoeg mensen meedoen met een taakgroep waar jij in zit." },
    reminders: { label: "Herinneringen over je idee", hint: "Een vraag om nieuws te delen als het lang stil is rond je idee." },
    reactions: { label: "Reacties op je idee", hint: "Als iemand op je idee reageert. Hooguit één e-mail per uur per idee." },
  },
  footer:
    "--\nJe krijgt deze e-mail over: {kind}.\nWil je deze e-mails niet meer? Meld je af met één klik:\n{unsubscribeLink}\nAl je e-mailinstellingen: {preferencesLink}",
  footerNoAccount: "--\nJe krijgt deze e-mail over: {kind}.\nWil je deze e-mails niet meer? Meld je af met één klik:\n{unsubscribeLink}",
  preferencesTitle: "E-mails",
  preferencesLead: "Kies welke e-mails je wilt krijgen. Zet je iets uit, dan krijg je die e-mails niet meer.",
  preferencesLegend: "Deze e-mails wil ik krijgen",
  preferencesSave: "Opslaan",
  preferencesSaved: "Je keuze is opgeslagen.",
  alwaysTitle: "Deze e-mails krijg je altijd",
  alwaysLead: "Ze horen bij iets wat je zelf net deed. Zonder deze e-mail kun je dat niet afmaken of controleren:",
  always: {
    confirm: "Een link om je e-mailadres te bevestigen",
    password: "Een link om een nieuw wachtwoord te maken",
    invitation: "Een uitnodiging om mee te doen als jurylid of mede-indiener",
    receipt: "Het bewijs dat je hebt gestemd, met je boncode",
    hidden: "Bericht als de organisatie je idee of foto verbergt",
  },
  accountLink: "E-mails die je krijgt",
  unsubscribeTitle: "Afmelden voor e-mails",
  unsubscribeLead: "Wil je geen e-mails meer krijgen over: {kind}?",
  unsubscribeButton: "Ja, meld me af",
  unsubscribed: "Je bent afgemeld. Je krijgt geen e-mails meer over: {kind}.",
  undoButton: "Toch weer aanzetten",
  resubscribed: "Staat weer aan. Je krijgt weer e-mails over: {kind}.",
  invalid: "Deze link werkt niet. Kopieer de hele link uit de e-mail, of log in en kies je e-mails bij je account.",
  preferencesHint: "Alle e-mails kiezen? Log in en ga naar ‘E-mails die je krijgt’ bij je account.",
  votingOpenSubject: "Je kunt nu stemmen voor {contest}",
  votingOpenBody:
    "Hallo,\n\nHet stemmen voor {contest} is begonnen. Je hebt 3 stickers. Geef ze aan de ideeën die jij het beste vindt. Dat kan tot {date}.\n\nStemmen:\n{link}\n\nGroet,\nWijkvonk",
  votingClosingSubject: "Nog 2 dagen stemmen voor {contest}",
  votingClosingBody:
    "Hallo,\n\nHet stemmen voor {contest} sluit op {date}. Heb je nog niet gestemd? Het duurt maar een paar minuten.\n\nStemmen:\n{link}\n\nGroet,\nWijkvonk",
  resultsSubject: "De uitslag van {contest} is bekend",
  resultsBody: "Hallo,\n\nDe uitslag van {contest} is bekend. Bekijk welke ideeën gekozen zijn:\n{link}\n\nDank je wel dat je meedeed!\n\nGroet,\nWijkvonk",
};
