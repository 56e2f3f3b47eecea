// Texts of the fixed pages: accessibility statement and privacy.
export const pagesNl = {
  accessibilityTitle: "Toegankelijkheid",
  accessibilityLead:
    "Iedereen moet mee kunnen doen met Wijkvonk. Ook als je slecht ziet, geen muis gebruikt, een oude telefoon hebt of liever geen JavaScript aanzet.",
  accessibilityStandardTitle: "Welke eisen volgen we?",
  accessibilityStandard: "Wijkvonk volgt de richtlijnen voor toegankelijkheid WCAG 2.1, niveau AA. Dat is de eis voor websites van de overheid in Nederland.",
  accessibilityHowTitle: "Hoe controleren we dat?",
  accessibilityHow1: "Bij elke wijziging testen we de pagina's automatisch met axe op fouten in toegankelijkheid.",
  accessibilityHow2: "Alle formulieren werken met het toetsenbord en zonder JavaScript.",
  accessibilityHow3: "We bekijken elke pagina op een telefoon van 375 pixels breed en op een groot scherm.",
  accessibilityHow4: "Teksten schrijven we in eenvoudig Nederlands (taalniveau B1). Er is ook een Engelse versie.",
  accessibilityKnownTitle: "Wat werkt nog niet goed?",
  accessibilityKnown: "Sommige foutmeldingen over data en postcodes zijn nog alleen in het Nederlands. We werken eraan.",
  accessibilityContactTitle: "Lukt iets niet?",
  accessibilityContact: "Laat het de organisatie van je ronde weten, of mail naar toegankelijkheid@wijkvonk.nl. We antwoorden binnen 5 werkdagen.",
  privacyTitle: "Privacy",
  privacyLead: "We bewaren zo weinig mogelijk over je, en alleen zolang het nodig is.",
  privacyWhatTitle: "Wat bewaren we?",
  privacyAccount: "Je account: je naam, e-mailadres, postcode en een versleuteld wachtwoord. De postcode is nodig om te weten in welke wijk je mag stemmen.",
  privacyIdeas: "Je ideeën: wat je invult, en foto's zonder de gegevens van je camera (zoals de plek waar de foto is gemaakt).",
  privacyVotes: "Je stem: we bewaren apart dát je hebt gestemd en wát er is gestemd. Niemand kan zien wat jij hebt gestemd, ook de organisatie niet.",
  privacyVoteChecks:
    "Wie mocht stemmen: als je met je account stemt, bewaren we per ronde een versleutelde code van je e-mailadres, tot de bewaartermijn van de ronde voorbij is. Zo geeft een account verwijderen en opnieuw maken geen tweede stem. Gebruikt de ronde de adressenlijst van de gemeente, dan bewaren we van je adres alleen zo'n code, nooit het adres zelf. Van de plek waar je je account maakte (je IP-adres) bewaren we 90 dagen een versleutelde code, zodat de organisatie kan zien of er veel accounts tegelijk vanaf één plek komen.",
  privacyGroups: "Meedoen in een taakgroep: je naam en hoe ze je kunnen bereiken. Alleen als je dat goed vindt, zien de indieners en de organisatie dit.",
  privacyEmails:
    "E-mails: welke soorten e-mail je hebt uitgezet, en welke berichten over een ronde we je stuurden (zodat je ze maar één keer krijgt). Dat bewaren we onder een versleutelde code, niet onder je e-mailadres.",
  privacyWhoTitle: "Wie ziet je gegevens?",
  privacyWho: "Alleen de organisatie van de ronde waar je aan meedoet, en alleen wat ze nodig heeft. We verkopen niets en delen niets met anderen.",
  privacyRightsTitle: "Wat mag je?",
  privacyRights:
    "Op de pagina Mijn account download je alles wat we van je bewaren, en verwijder je je account. Je kunt ook mailen naar privacy@wijkvonk.nl om gegevens te laten veranderen of verwijderen. Als een ronde is afgesloten, wissen we na de bewaartermijn die de organisatie kiest (standaard een jaar) de namen en contactgegevens.",
} as const;
