import sharp from "sharp";
import { demo, expect, expectAccessible, logIn, test, untilLive } from "./fixtures";
import { votingSlug } from "./voting-helpers";

// Issue 18.13: an organiser gives the wijkteam its logo and colour; the round's page, its flyer and
// the voting letters show them. A colour white text cannot be read on is refused with a darker shade
// to use instead.

const organisation = "Wijkteam Keizerslanden";
const colour = "#7a2e8e";
const rgb = "rgb(122, 46, 142)";

async function logoPng(): Promise<Buffer> {
  // A purple square with a white circle: made here, for this test.
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="240"><rect width="240" height="240" rx="40" fill="${colour}"/><circle cx="120" cy="120" r="60" fill="#fff"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

test("an organiser sets the wijkteam's colour and logo, and the round page, the flyer and a letter show them", async ({ page }) => {
  await logIn(page, demo.organisator);
  await page.goto("/organiseren/team");
  await page.getByRole("link", { name: `Logo en kleur van ${organisation}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Logo en kleur van ${organisation}` })).toBeVisible();
  await untilLive(page);

  // Too light for white text: refused, with a darker shade of the same yellow to use in one click.
  await page.getByLabel("Kleurcode").fill("#ffd43b");
  await page.getByRole("button", { name: "Kleur opslaan" }).click();
  await expect(page.getByText("Deze kleur is te licht: witte tekst is erop slecht te lezen.")).toBeVisible();
  const useDarker = page.getByRole("button", { name: /^Gebruik #[0-9a-f]{6}$/ });
  await expect(useDarker).toBeVisible();
  const darker = (await useDarker.innerText()).replace("Gebruik ", "").trim();
  await useDarker.click();
  await expect(page.getByRole("status")).toHaveText("De kleur is opgeslagen.");
  await expect(page.getByText(`Nu: ${darker}`)).toBeVisible();

  await page.getByLabel("Kleurcode").fill(colour.toUpperCase());
  await page.getByRole("button", { name: "Kleur opslaan" }).click();
  await expect(page.getByRole("status")).toHaveText("De kleur is opgeslagen.");
  await expect(page.getByText(`Nu: ${colour}`)).toBeVisible();

  // An SVG is refused (it can carry a script); a PNG is taken.
  await page
    .getByLabel("Logo (PNG, JPEG of WebP)")
    .setInputFiles({ name: "logo.svg", mimeType: "image/svg+xml", buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>') });
  await page.getByRole("button", { name: "Logo opslaan" }).click();
  await expect(page.getByText("Dit is geen PNG, JPEG of WebP.")).toBeVisible();
  await page.getByLabel("Logo (PNG, JPEG of WebP)").setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: await logoPng() });
  await page.getByRole("button", { name: "Logo opslaan" }).click();
  await expect(page.getByRole("status")).toHaveText("Het logo is opgeslagen.");
  await expect(page.getByRole("img", { name: organisation })).toBeVisible();
  await expectAccessible(page);

  // The round's page: the organisation's band with its logo, and its colour on the primary buttons.
  await page.goto(`/rondes/${votingSlug}`);
  await expect(page.getByText("Een ronde van")).toBeVisible();
  const logo = page.getByRole("main").getByRole("img", { name: organisation });
  await expect(logo).toBeVisible();
  expect(await logo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await expect(page.locator(".button.primary").first()).toHaveCSS("background-color", rgb);
  await expectAccessible(page);
  // The site header keeps the Wijkvonk colour.
  await expect(page.locator(".site-header .logo-mark circle")).toHaveCSS("fill", "rgb(194, 65, 12)");

  // The flyer carries the logo and the colour.
  await page.goto(`/rondes/${votingSlug}/flyer`);
  const flyer = page.getByRole("article");
  await expect(flyer.getByRole("img", { name: organisation })).toBeVisible();
  await expect(flyer.locator(".poster-brand")).toHaveCSS("border-bottom-color", rgb);

  // A letter: the sender's logo over a rule in its colour.
  await page.goto(`/organiseren/${votingSlug}/stemmen`);
  await page.getByLabel("Naam van de reeks").fill(`Look ${Date.now()}`);
  await page.getByLabel("Aantal codes").fill("1");
  await page.getByRole("button", { name: "Maak brieven om te printen" }).click();
  const letter = page.locator("section.letter");
  await expect(letter.getByRole("img", { name: organisation })).toBeVisible();
  await expect(letter).toContainText(`Van: ${organisation}`);
  await expect(letter.locator(".letter-head")).toHaveCSS("border-bottom-color", rgb);
  await expectAccessible(page);
});

test("another organisation's organiser cannot open the wijkteam's look; in English the page speaks English", async ({ page, context, baseURL }) => {
  await logIn(page, "organisator@assen.nl");
  expect((await page.goto("/organiseren/uiterlijk/wijkteam-keizerslanden"))?.status()).toBe(403);

  await context.addCookies([{ name: "wv_lang", value: "en", url: baseURL! }]);
  await page.goto("/organiseren/uiterlijk/gemeente-assen");
  await expect(page.getByRole("heading", { level: 1, name: "Logo and colour of Gemeente Assen" })).toBeVisible();
  await untilLive(page);
  await page.getByLabel("Colour code").fill("#eeeeee");
  await page.getByRole("button", { name: "Save colour" }).click();
  await expect(page.getByText("This colour is too light: white text on it is hard to read.")).toBeVisible();
  await expectAccessible(page);
});
