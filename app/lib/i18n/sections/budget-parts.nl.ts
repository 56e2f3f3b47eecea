// Het budget in delen (issue 22, ADR 026): per buurt of per thema een eigen bedrag.
// Nederlands op B1-niveau: korte zinnen, "je".
export const budgetPartsNl = {
  sectionTitle: "Budget in delen",
  sectionLead:
    "Je kunt het budget verdelen over de buurten of over de thema's (categorieën) van de ronde. Elk idee hoort dan bij één deel, en krijgt geld uit dat deel. De lijsten met buurten en thema's maak je bij Ideeën, Lijsten.",
  split: "Verdeel het budget",
  splitNone: "Niet: één budget voor de hele ronde",
  splitBuurt: "Over de buurten",
  splitCategory: "Over de thema's (categorieën)",
  amountsBuurt: "Bedrag per buurt",
  amountsCategory: "Bedrag per thema",
  amountFor: "Bedrag voor {name}",
  noItems: "Deze lijst is nog leeg.",
  listsLink: "Lijsten met buurten en thema's",
  leftover: "Wat de delen over houden",
  leftoverUnspent: "Blijft over (wordt niet verdeeld)",
  leftoverFundWhatFits: "Gaat naar de ideeën die nog geen geld kregen en wel passen, van veel naar weinig stickers (de delen tellen dan niet meer)",
  save: "Delen opslaan",
  saved: "De delen van het budget zijn opgeslagen.",
  lockedNotice: "De delen van het budget staan vast, want het stemmen is begonnen: de stembiljetten mogen niet veranderen.",
  partsTotal: "Samen {total} van het budget van {budget}.",
  ideasWithoutPart: "{count} idee(ën) op het stembiljet horen nog bij geen deel. Kies bij elk idee het deel.",
  errors: {
    amountRequired: "Vul een bedrag in, in hele euro's.",
    overBudget: "De delen zijn samen meer dan het budget van de ronde.",
    needsGreedy:
      "Met delen werkt alleen de uitslagregel ‘Budget op volgorde van stickers’ (doorgaan of stoppen bij een idee dat niet past). Kies die regel eerst.",
    noItems: "Deze lijst is nog leeg. Maak eerst de buurten of thema's aan.",
    budgetBelowParts: "Het budget is kleiner dan de delen samen. Pas eerst de delen aan.",
    ruleNeedsParts: "Deze regel werkt niet met een budget in delen. Zet de delen eerst uit.",
  },
  idea: {
    title: "Deel van het budget",
    lead: "Dit idee krijgt geld uit dit deel van het budget.",
    choose: "Kies een deel",
    save: "Deel opslaan",
    saved: "Het deel van dit idee is opgeslagen.",
    none: "Nog geen deel",
    locked: "Het stemmen is begonnen: het deel van dit idee staat vast.",
  },
  ballot: {
    partHeading: "{name}: {budget} te verdelen",
  },
  rule: {
    sentence: "{within} {leftover}",
    greedy:
      "Het budget is verdeeld in delen. In elk deel krijgen de ideeën met de meeste stickers om de beurt hun geld uit dat deel. Past een idee niet meer, dan gaat het geld naar het volgende idee van dat deel dat wel past.",
    greedyStop:
      "Het budget is verdeeld in delen. In elk deel krijgen de ideeën met de meeste stickers om de beurt hun geld uit dat deel, tot er een idee komt dat niet meer past. Daar stopt het verdelen van dat deel.",
    leftoverFundWhatFits: "Wat de delen samen over houden, gaat daarna naar de ideeën die nog geen geld kregen en wel passen, van veel naar weinig stickers.",
    greedyVotes:
      "Het budget is verdeeld in delen. In elk deel kregen de ideeën met de meeste stemmen om de beurt hun geld uit dat deel. Paste een idee niet meer, dan ging het geld naar het volgende idee van dat deel dat wel paste.",
    greedyStopVotes:
      "Het budget is verdeeld in delen. In elk deel kregen de ideeën met de meeste stemmen om de beurt hun geld uit dat deel, tot er een idee kwam dat niet meer paste. Daar stopte het verdelen van dat deel.",
    leftoverFundWhatFitsVotes:
      "Wat de delen samen over hielden, ging daarna naar de ideeën die nog geen geld kregen en wel pasten, van veel naar weinig stemmen.",
    leftoverUnspent: "Wat de delen over houden, wordt niet verdeeld.",
    leftoverUnspentVotes: "Wat de delen over hielden, werd niet verdeeld.",
  },
  results: {
    partsTitle: "Per deel van het budget",
    partSpentLine: "{spent} van {budget} verdeeld binnen dit deel ({vat}).",
    noPartWinners: "Geen idee uit dit deel kreeg geld.",
    leftAfterParts: "De delen hielden samen {left} over.",
    leftoverUnspent: "Dat geld blijft over.",
    leftoverFundWhatFits: "Daarvan ging {spent} naar ideeën die nog pasten, van veel naar weinig stickers.",
    leftoverFundWhatFitsVotes: "Daarvan ging {spent} naar ideeën die nog pasten, van veel naar weinig stemmen.",
    inPart: "Dit idee hoort bij {part}.",
    fundedFromLeftover:
      "Het paste niet meer in het geld van {part}. Maar de delen hielden samen nog {left} over, en het idee kost {cost}. Dat paste, dus het krijgt {cost}.",
    stoppedHere:
      "Toen dit idee aan de beurt was, had {part} nog {left} over. Het idee kost {cost}. Dat paste niet. Volgens de regels van deze ronde stopte het verdelen van het geld van {part} hier.",
    notReached: "Het verdelen van het geld van {part} stopte bij het idee op plaats {stoppedAt}. De ideeën van {part} daarna kregen daar geen geld uit.",
    notFromLeftover:
      "Daarna ging wat de delen samen over hielden naar de ideeën die nog pasten, van veel naar weinig stickers. Toen dit idee aan de beurt was, was daarvan nog {left} over. Het idee kost {cost}. Dat paste niet.",
    leftoverStaysUnspent: "Wat de delen over hielden, wordt niet verdeeld.",
    fromLeftoverMark: "uit wat de delen over hielden",
    overPartBudget: "Dit idee kost {cost}. Dat is meer dan het hele deel van {budget}.",
    problemNeedsGreedy:
      "Deze ronde heeft een budget in delen, maar de uitslagregel werkt niet per deel. Kies bij Instellingen een regel die wel per deel werkt.",
    problemIdeaWithoutPart: "Niet elk idee op het stembiljet hoort bij een deel van het budget. Kies bij elk idee het deel.",
  },
};
