import { readFile } from "node:fs/promises";
import { demo, expect, logIn, test } from "./fixtures";
import { newResident } from "./account-helpers";
import { ideas, votingSlug } from "./voting-helpers";

// Issue 8: four residents form a taakgroep; when one withdraws it looks for people again; the organiser's
// export keeps both the sign-up and the withdrawal (withdrawal is a row, not a deletion); a sign-up from
// the keuzebijeenkomst, typed in by the organiser, completes the group again.

const idea = ideas.speelplek; // no other journey signs up for this one

test("one of four withdraws, the group looks again, and the record keeps both rows", async ({ page }) => {
  test.setTimeout(120_000);
  const taakgroep = () => page.getByRole("region", { name: "Taakgroep" });
  const names = ["Noor", "Bram", "Yusuf", "Ilse"];
  const emails: string[] = [];
  for (const name of names) {
    await page.context().clearCookies();
    emails.push(await newResident(page, name));
    await page.goto(`/rondes/${votingSlug}/ideeen`);
    await page.getByRole("link", { name: idea }).first().click();
    await taakgroep().getByRole("link", { name: "Ik doe mee" }).click();
    await page.getByRole("checkbox", { name: /mogen mijn naam en contact zien/ }).check();
    await page.getByRole("button", { name: "Ik doe mee" }).click();
    await expect(taakgroep()).toContainText("Je doet mee met deze taakgroep.");
  }
  await expect(taakgroep()).toContainText("Gevormd");

  // Ilse (still logged in) withdraws: the group looks for one person again.
  await taakgroep().getByRole("button", { name: "Ik doe toch niet mee" }).click();
  await expect(page.getByRole("status")).toHaveText("Je doet niet meer mee.");
  await expect(taakgroep()).toContainText("Zoekt nog 1 persoon");
  await expect(taakgroep().getByRole("link", { name: "Ik doe mee" })).toBeVisible();

  // The organiser sees it and exports this idea's record: four sign-ups and one withdrawal.
  await page.context().clearCookies();
  await logIn(page, demo.organisator);
  await page.goto(`/organiseren/${votingSlug}/taakgroepen`);
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: idea }) });
  await expect(row).toContainText("Zoekt nog 1 persoon");
  await expect(row).not.toContainText(emails[3]!);
  const downloadPromise = page.waitForEvent("download");
  await row.getByRole("link", { name: `Download de aanmeldingen voor ${idea} (CSV)` }).click();
  const csv = await readFile((await (await downloadPromise).path())!, "utf8");
  const ilse = csv.split("\r\n").filter((line) => line.includes(emails[3]!));
  expect(ilse.map((line) => line.split(",")[2])).toEqual(["aanmelding", "afmelding"]);
  for (const email of emails.slice(0, 3)) expect(csv).toContain(email);

  // At the keuzebijeenkomst someone without an account said they would help: the organiser types it in.
  const paper = page.getByRole("region", { name: "Aanmelding op papier invoeren" });
  await paper.getByLabel("Idee").selectOption({ label: idea });
  await paper.getByLabel("Naam", { exact: true }).fill("Truus van de markt");
  await paper.getByLabel("E-mailadres of telefoonnummer").fill("06 1234 5678");
  await paper.getByRole("button", { name: "Aanmelding opslaan" }).click();
  await expect(paper.getByText("Zonder toestemming van de bewoner kun je de aanmelding niet opslaan.")).toBeVisible();
  await paper.getByRole("checkbox", { name: /De bewoner vindt het goed/ }).check();
  await paper.getByRole("button", { name: "Aanmelding opslaan" }).click();
  // The group was formed before, so its "formed" mail does not go again (once per group).
  await expect(page.getByRole("status")).toHaveText(`Truus van de markt doet mee met ‘${idea}’.`);
  await expect(row).toContainText("Gevormd");
  await expect(row).toContainText("Truus van de markt · 06 1234 5678");
});
