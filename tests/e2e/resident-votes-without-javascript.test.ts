import { demo, expect, logIn, test } from "./fixtures";
import { registerResident } from "./account-helpers";
import { ideas, ikDoeMee, readReceipt, sticker, votePage, votingSlug } from "./voting-helpers";

// The whole vote with plain HTML forms: tick boxes, a submit button and server answers. The same
// pages pass the axe check with JavaScript in the other voting tests; axe itself needs JavaScript,
// so each test here ends on a blank page, which the fixture's check skips.
test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test.afterEach(async ({ page }) => {
    await page.goto("about:blank");
  });

  test("a resident votes, is refused a fourth sticker by the server, and moves a sticker", async ({ page }) => {
    await registerResident(page, "Noor");
    await page.goto(votePage);
    await expect(page.getByText("Nog 3 stickers", { exact: true })).toBeVisible();
    for (const title of [ideas.bloemen, ideas.bomen, ideas.regen, ideas.schuur]) await sticker(page, title).check();
    await ikDoeMee(page, ideas.bomen).check();
    await page.getByRole("button", { name: "Stickers bevestigen" }).click();
    const refusal = page.getByRole("alert");
    await expect(refusal).toContainText("Je stem is nog niet opgeslagen");
    await expect(refusal).toContainText("Je hebt 4 stickers geplakt, maar je hebt er 3. Haal er een weg.");
    // The form comes back as the resident left it.
    await expect(sticker(page, ideas.schuur)).toBeChecked();
    await expect(ikDoeMee(page, ideas.bomen)).toBeChecked();

    await sticker(page, ideas.schuur).uncheck();
    await page.getByRole("button", { name: "Stickers bevestigen" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Je stem is opgeslagen." })).toBeVisible();
    await readReceipt(page);
    await expect(ikDoeMee(page, ideas.bomen)).toBeChecked();

    // Moving without JavaScript: take one box off, tick another, confirm.
    await sticker(page, ideas.bloemen).uncheck();
    await sticker(page, ideas.speelplek).check();
    await page.getByRole("button", { name: "Verplaatsing bevestigen" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Je stickers zijn verplaatst." })).toBeVisible();
    for (const title of [ideas.bomen, ideas.regen, ideas.speelplek]) await expect(sticker(page, title)).toBeChecked();
    await expect(sticker(page, ideas.bloemen)).not.toBeChecked();

    // A fourth sticker after voting: the change is refused, and the page does not also say "je hebt gestemd" (issue 18).
    await sticker(page, ideas.bloemen).check();
    await page.getByRole("button", { name: "Verplaatsing bevestigen" }).click();
    await expect(page.getByRole("alert")).toContainText("Je verandering is niet opgeslagen. Je eerdere stem telt nog.");
    await expect(page.getByText("Je hebt gestemd", { exact: true })).toHaveCount(0);
  });

  test("a code voter votes and the check-in desk then says the code has voted", async ({ page, browser }) => {
    await logIn(page, demo.organisator);
    await page.goto(`/organiseren/${votingSlug}/stemmen`);
    const label = `Balie ${Date.now()}`;
    await page.getByLabel("Naam van de reeks").fill(label);
    await page.getByLabel("Aantal codes").fill("1");
    await page.getByRole("button", { name: "Maak brieven om te printen" }).click();
    const code = (await page.locator(".letter-code").allInnerTexts())[0]!;

    const resident = await browser.newPage({ javaScriptEnabled: false });
    await resident.goto(`${votePage}/code`);
    await resident.getByLabel("Je stemcode").fill(code);
    await resident.getByRole("button", { name: "Verder" }).click();
    await sticker(resident, ideas.regen).check();
    await resident.getByRole("button", { name: "Stickers bevestigen" }).click();
    await expect(resident.getByRole("heading", { level: 1, name: "Je hebt gestemd" })).toBeVisible();
    await readReceipt(resident);
    await resident.close();

    await page.goto(`/organiseren/${votingSlug}/stemmen/balie`);
    await page.getByRole("form", { name: "Met een stemcode" }).getByLabel("Je stemcode").fill(code);
    await page.getByRole("form", { name: "Met een stemcode" }).getByRole("button", { name: "Opzoeken" }).click();
    await expect(page.getByText("Heeft al gestemd")).toBeVisible();
    await expect(page.getByText("(met een code)")).toBeVisible();
  });
});
