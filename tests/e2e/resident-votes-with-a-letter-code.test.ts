import { expect, expectAccessible, test } from "./fixtures";
import { ideas, makeLetterCodes, readReceipt, sticker, votePage, waitForEnhancedBallot } from "./voting-helpers";

test("a resident without an account votes with the code from a letter; the code works once", async ({ page, browser }) => {
  const codes = await makeLetterCodes(page, `Brieven ${Date.now()}`, 2);

  const resident = await browser.newPage();
  await resident.goto(votePage);
  await resident.getByRole("link", { name: "Stemmen met een code" }).click();
  // Typed as people do: lower case, a space instead of the dash.
  await resident.getByLabel("Je stemcode").fill(codes[0]!.toLowerCase().replace("-", " "));
  await resident.getByRole("button", { name: "Verder" }).click();
  await expect(resident.getByText("Je code klopt. Plak nu je stickers.")).toBeVisible();
  await waitForEnhancedBallot(resident);
  await sticker(resident, ideas.bomen).check();
  await sticker(resident, ideas.schuur).check();
  await expect(resident.getByText("Nog 1 sticker", { exact: true })).toBeVisible();
  await resident.getByRole("button", { name: "Stickers bevestigen" }).click();
  await expect(resident.getByRole("heading", { level: 1, name: "Je hebt gestemd" })).toBeVisible();
  await readReceipt(resident);
  const voted = resident.getByRole("region", { name: "Jouw bon" }).getByRole("listitem");
  await expect(voted).toHaveText([ideas.bomen, ideas.schuur]);

  // The same code again: refused, and nothing changes.
  await resident.goto(`${votePage}/code`);
  await resident.getByLabel("Je stemcode").fill(codes[0]!);
  await resident.getByRole("button", { name: "Verder" }).click();
  await expect(resident.getByRole("alert")).toHaveText("Met deze code is al gestemd. Een code geeft één stem.");
  // A code that does not exist.
  await resident.getByLabel("Je stemcode").fill("K7QM-3XPA");
  await resident.getByRole("button", { name: "Verder" }).click();
  await expect(resident.getByRole("alert")).toHaveText("Deze code kennen we niet. Kijk of je de code goed hebt overgetypt.");
  await resident.close();

  // The second letter's QR code opens the short address with the code: it lands on the round's code
  // page with the code filled in (issue 18.12).
  const scannedContext = await browser.newContext();
  const scanned = await scannedContext.newPage();
  await scanned.goto(`/stem?code=${codes[1]}`);
  await expect(scanned).toHaveURL(new RegExp(`/rondes/[^/]+/stemmen/code\\?code=${codes[1]}$`));
  await expect(scanned.getByLabel("Je stemcode")).toHaveValue(codes[1]!);
  await scanned.getByRole("button", { name: "Verder" }).click();
  await expect(scanned.getByText("Je code klopt. Plak nu je stickers.")).toBeVisible();
  // Typed at the short address without the QR code, a wrong code is said so on that page.
  await scanned.goto("/stem");
  await scanned.getByLabel("Je stemcode").fill("K7QM-3XPA");
  await scanned.getByRole("button", { name: "Verder" }).click();
  await expect(scanned.getByRole("alert")).toHaveText("Deze code kennen we niet. Kijk of je de code goed hebt overgetypt.");
  await expectAccessible(scanned);
  await scannedContext.close();

  // The organiser sees the turnout by code go up, and one code of the batch used.
  await page.reload();
  await expect(page.getByText(/1 van 2 gebruikt/)).toBeVisible();
});
