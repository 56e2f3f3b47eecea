import { describe, expect, it } from "vitest";
import { translator } from "~/lib/i18n";
import { invitationMail, outcomeMail, removedMail } from "./mails";

const base = {
  name: "Anna",
  ideaTitle: "Moestuin op het plein",
  contestTitle: "Vonk Keizerslanden 2027",
  motivation: "  Veel buren willen meehelpen en het past in het budget.  ",
  ideaLink: "https://wijkvonk.nl/rondes/vonk/ideeen/7",
  contestLink: "https://wijkvonk.nl/rondes/vonk",
  workOutUntil: "12 april 2027, 17:00",
};

describe("the outcome mail", () => {
  it("tells a shortlisted indiener the motivation, what to do now and until when", () => {
    const mail = outcomeMail(translator("nl"), { ...base, outcome: "shortlisted" });
    expect(mail.subject).toBe("Je idee ‘Moestuin op het plein’ gaat door");
    expect(mail.text).toContain("Hallo Anna,");
    expect(mail.text).toContain("Veel buren willen meehelpen en het past in het budget.\n");
    expect(mail.text).toContain("tot 12 april 2027, 17:00");
    expect(mail.text).toContain(base.ideaLink);
    expect(mail.text).not.toMatch(/\{\w+\}/);
  });

  it("gives a non-shortlisted indiener the motivation and aftercare instead of a dead end", () => {
    const mail = outcomeMail(translator("nl"), { ...base, outcome: "not-shortlisted", motivation: "Het plan is nog te vaag." });
    expect(mail.subject).toBe("Het besluit van de jury over je idee ‘Moestuin op het plein’");
    expect(mail.text).toContain("gaat deze keer niet door");
    expect(mail.text).toContain("Het plan is nog te vaag.");
    expect(mail.text).toContain("Je idee hoeft hier niet te stoppen.");
    expect(mail.text).not.toMatch(/\{\w+\}/);
  });

  it("works without a date and in English", () => {
    const mail = outcomeMail(translator("en"), { ...base, outcome: "shortlisted", workOutUntil: null });
    expect(mail.subject).toBe("Your idea ‘Moestuin op het plein’ goes on");
    expect(mail.text).not.toMatch(/\{\w+\}/);
  });
});

describe("the invitation mail", () => {
  it("holds the link and says when the person is invited as chair", () => {
    const mail = invitationMail(translator("nl"), {
      contestTitle: base.contestTitle,
      inviterName: "Olga",
      link: "https://x/jury/uitnodiging?token=abc",
      isChair: true,
    });
    expect(mail.subject).toBe("Uitnodiging: jury van Vonk Keizerslanden 2027");
    expect(mail.text).toContain("als voorzitter");
    expect(mail.text).toContain("https://x/jury/uitnodiging?token=abc");
  });
});

describe("the mail to someone taken off the jury", () => {
  it("says so in their language, and that their scores no longer count", () => {
    const nl = removedMail(translator("nl"), { name: "Sanne", contestTitle: base.contestTitle });
    expect(nl.subject).toBe("Je zit niet meer in de jury van Vonk Keizerslanden 2027");
    expect(nl.text).toMatch(/^Hallo Sanne,/);
    expect(nl.text).toContain("Je scores en opmerkingen tellen niet meer mee.");
    expect(removedMail(translator("en"), { name: "Sanne", contestTitle: base.contestTitle }).subject).toBe(
      "You are no longer on the jury of Vonk Keizerslanden 2027",
    );
  });
});
