// Stembrieven en het korte adres /stem (issue 18.12). B1.
export const lettersNl = {
  shortTitle: "Stemmen met een code",
  shortLead: "Heb je een brief met een stemcode gekregen? Vul de code in. Dan ga je naar de ronde waar je code bij hoort.",
  from: "Van: {organisation}",
  how: "Ga naar {url} en vul je stemcode in.",
  scan: "Of scan de code hiernaast met de camera van je telefoon. Dan staat je stemcode er al in.",
  codeLabel: "Je stemcode",
  qrLabel: "QR-code die de stempagina opent met je stemcode",
};
