import { expect, expectAccessible, logIn, test } from "./fixtures";
import { latestMailTo, vonk } from "./ideas-helpers";
import { newResident } from "./account-helpers";

test("a resident stops one kind of email with the link in a mail, and chooses the rest on the preferences page", async ({ page }) => {
  const email = await newResident(page, "Noor");
  const title = `Zitbank bij de bushalte ${Date.now() % 100000}`;

  await page.goto(`/rondes/${vonk}/ideeen`);
  await page.getByRole("link", { name: "Dien je idee in" }).click();
  await page.getByLabel("Titel").fill(title);
  await page.getByLabel("Korte samenvatting").fill("Een bank om op de bus te wachten.");
  await page.getByLabel("Beschrijving").fill("Oudere buren staan nu lang te wachten. Met een bank kunnen ze zitten.");
  await page.getByLabel("Soort idee").selectOption({ label: "Samen en ontmoeten" });
  await page.getByLabel("Buurt", { exact: true }).selectOption({ label: "Keizerslanden-Midden" });
  await page.getByLabel("Wat kost het, in euro's?").fill("900");
  await page.getByRole("button", { name: "Idee indienen" }).click();
  await expect(page.getByRole("status")).toContainText("Je idee is ingediend.");

  // The receipt of the idea says why it came and how to stop it with one click.
  const mail = await latestMailTo(page, email, new RegExp(`Je idee is ingediend: ${title}`));
  expect(mail).toContain("Je krijgt deze e-mail over: Je idee is binnen.");
  const link = mail.match(/https?:\/\/\S+\/meldingen\/afmelden\?token=\S+/)?.[0];
  expect(link, "unsubscribe link in the mail").toBeTruthy();

  // Opening the link changes nothing yet; the button does, without logging in again.
  await page.context().clearCookies();
  await page.goto(link!);
  await expect(page.getByRole("heading", { level: 1, name: "Afmelden voor e-mails" })).toBeVisible();
  await expect(page.getByText("Wil je geen e-mails meer krijgen over: Je idee is binnen?")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Ja, meld me af" }).click();
  await expect(page.getByRole("status")).toHaveText("Je bent afgemeld. Je krijgt geen e-mails meer over: Je idee is binnen.");
  await expectAccessible(page);

  // The preferences page shows it, and changes the rest.
  await logIn(page, email);
  await page.goto("/account");
  await page.getByRole("link", { name: "E-mails die je krijgt" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "E-mails" })).toBeVisible();
  const choices = page.getByRole("group", { name: "Deze e-mails wil ik krijgen" });
  await expect(choices.getByRole("checkbox", { name: "Je idee is binnen" })).not.toBeChecked();
  await expect(choices.getByRole("checkbox", { name: "De uitslag" })).toBeChecked();
  await choices.getByRole("checkbox", { name: "De uitslag" }).uncheck();
  await choices.getByRole("checkbox", { name: "Je idee is binnen" }).check();
  await page.getByRole("button", { name: "Opslaan" }).click();
  await expect(page.getByRole("status")).toHaveText("Je keuze is opgeslagen.");
  await page.reload();
  await expect(choices.getByRole("checkbox", { name: "Je idee is binnen" })).toBeChecked();
  await expect(choices.getByRole("checkbox", { name: "De uitslag" })).not.toBeChecked();
  await expect(choices.getByRole("checkbox", { name: "Stemmen begint en sluit bijna" })).toBeChecked();
});
