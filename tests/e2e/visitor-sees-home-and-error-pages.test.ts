import { expect, expectAccessible, test } from "./fixtures";

test("the home page shows the running contests from the demo data", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Jouw idee voor de wijk" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Vonk Keizerslanden 2027" })).toBeVisible();
  await expect(page.getByText("Buurtbudget Binnenstad 2028")).toHaveCount(0);
});

test("an unknown address shows a friendly Dutch 404 page", async ({ page }) => {
  const response = await page.goto("/dit-bestaat-niet");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Deze pagina bestaat niet" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Terug naar de startpagina" })).toBeVisible();
});

test("the language switch keeps the page and switches to English", async ({ page }) => {
  await page.goto("/inloggen");
  await page.getByRole("button", { name: "Switch to English" }).click();
  await expect(page).toHaveURL(/\/inloggen$/);
  await expect(page.getByRole("heading", { level: 1, name: "Log in" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});

test("a form posted from another site is refused", async ({ request, baseURL }) => {
  const response = await request.post(`${baseURL}/registreren`, {
    headers: { Origin: "https://kwaadwillig.example" },
    form: { name: "X", email: "x@voorbeeld.nl", password: "een lang wachtwoord", postcode: "7416 BK" },
  });
  expect(response.status()).toBe(403);
});

test("pages are served with a strict Content-Security-Policy that the app itself never breaks", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/content security policy/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto("/");
  const headers = response!.headers();
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}'/);
  expect(headers["content-security-policy"]).not.toMatch(/script-src[^;]*unsafe-inline/);
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  // Client-side navigation and a form post both need the scripts that the policy allows.
  await page.getByRole("link", { name: "Inloggen" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Inloggen" })).toBeVisible();
  await page.getByLabel("E-mailadres").fill("niemand@voorbeeld.nl");
  await page.getByLabel("Wachtwoord").fill("fout wachtwoord");
  await page.getByRole("button", { name: "Inloggen" }).click();
  await expect(page.getByRole("alert")).toBeVisible();
  expect(violations).toEqual([]);
});

test("the footer leads to the accessibility statement and the privacy page", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("contentinfo").getByRole("link", { name: "Toegankelijkheid" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Toegankelijkheid" })).toBeVisible();
  await expect(page.getByText("WCAG 2.1, niveau AA")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("contentinfo").getByRole("link", { name: "Privacy" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Privacy" })).toBeVisible();
});
