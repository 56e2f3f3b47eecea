import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Browser, type BrowserContext, type Page, type Response } from "@playwright/test";

export const demoPassword = "wijkvonk-demo";
export const demo = {
  beheerder: "beheer@wijkvonk.nl",
  organisator: "organisator@keizerslanden.nl",
  jurylid: "jury@keizerslanden.nl",
  bewoner: "bewoner@keizerslanden.nl",
};

/** Fails the test on any WCAG 2.1 A/AA violation on the page as it is now. */
export async function expectAccessible(page: Page, what = "axe violations") {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary, what).toEqual([]);
}

// Issue 9: axe in both languages on every page the suite visits. Each test notes the pages it opened
// (successful HTML answers to a GET navigation); afterwards the pages nobody has checked in English
// yet in this run are opened again in English, as the same person, and checked. "The same page" is
// the route (slugs, numbers and tokens as placeholders), claimed with a file in the run's data folder,
// so two workers never check one route twice.
const englishClaims = path.join(process.env.E2E_DATA_DIR ?? "./data/e2e", "axe-in-english");

const fixedAfterSection = new Set(["nieuw", "importeren", "gebieden", "ondersteuners", "uitnodiging"]);

/** The route a URL belongs to: contest slugs, numbers and tokens become placeholders. */
function pageKind(url: URL): string {
  return url.pathname
    .replace(/^\/(rondes|organiseren|jury)\/([^/]+)/, (whole, section: string, slug: string) => (fixedAfterSection.has(slug) ? whole : `/${section}/:slug`))
    .replace(/\/\d+(?=\/|$)/g, "/:n")
    .replace(/\/[A-Za-z0-9_-]{24,}(?=\/|$)/g, "/:token");
}

function claimForEnglish(kind: string): boolean {
  mkdirSync(englishClaims, { recursive: true });
  try {
    writeFileSync(path.join(englishClaims, createHash("sha1").update(kind).digest("hex")), kind, { flag: "wx" });
    return true;
  } catch {
    return false;
  }
}

/** For a test that is on a page in English already: axe it here, unless another test checked its route in English. */
export async function expectAccessibleInEnglishOnce(page: Page) {
  const kind = pageKind(new URL(page.url()));
  if (claimForEnglish(kind)) await expectAccessible(page, `axe violations on ${kind} in English`);
}

function isHtmlPage(response: Response, page: Page): boolean {
  const request = response.request();
  return (
    request.isNavigationRequest() &&
    response.frame() === page.mainFrame() &&
    request.method() === "GET" &&
    response.status() === 200 &&
    (response.headers()["content-type"] ?? "").includes("text/html")
  );
}

/** Waits until the page has come to life (root.tsx marks it): from then on forms are checked in the browser. */
export async function untilLive(page: Page) {
  await expect(page.locator("html[data-live]")).toBeAttached();
}

/** Logs out and waits for the answer: a page.goto straight after the click could cancel the logout. */
export async function logOut(page: Page) {
  await page.getByRole("button", { name: "Uitloggen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Je bent uitgelogd." })).toBeVisible();
}

export async function logIn(page: Page, email: string, password = demoPassword) {
  await page.goto("/inloggen");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Welkom" })).toBeVisible();
}

// Issue 18: the maps load tiles from PDOK by default. No test may depend on that service (or wait for
// it): every browser context of the suite answers tile requests itself with one small grey tile, and
// a test that wants to see them counts them with its own route.
export const TILE_HOST = "https://service.pdok.nl";
const greyTile = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGO4/+wlAAVWAq/sAY+rAAAAAElFTkSuQmCC", "base64");
export async function stubMapTiles(context: BrowserContext, onTile?: (url: string) => void) {
  await context.route(`${TILE_HOST}/**`, (route) => {
    onTile?.(route.request().url());
    return route.fulfill({ status: 200, contentType: "image/png", body: greyTile });
  });
}

/** Someone else in a browser of their own, logged in, whose clock (the e2e server runs with TEST_CLOCK=1) stands at `at`. */
export async function personAt(browser: Browser, baseURL: string, email: string, at: number): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, locale: "nl-NL", timezoneId: "Europe/Amsterdam" });
  await context.addCookies([{ name: "wv_test_now", value: String(at), url: baseURL }]);
  await stubMapTiles(context);
  const page = await context.newPage();
  await logIn(page, email);
  return { context, page };
}

/** A unique email per test run, so tests never collide on the shared database. */
export function uniqueEmail(prefix: string) {
  return `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@voorbeeld.nl`;
}

// Every page a test visits is checked by axe before the test ends.
export const test = base.extend<{ axeOnEveryPage: void }>({
  context: async ({ context }, use) => {
    await stubMapTiles(context);
    await use(context);
  },
  axeOnEveryPage: [
    async ({ page, baseURL, javaScriptEnabled }, use, testInfo) => {
      const visited = new Map<string, string>();
      page.on("response", (response) => {
        if (!isHtmlPage(response, page)) return;
        const url = new URL(response.url());
        if (!visited.has(pageKind(url))) visited.set(pageKind(url), url.href);
      });
      await use();
      if (page.url().startsWith("http")) await expectAccessible(page);
      // Pages seen without JavaScript are left to the tests that run with it: axe itself is a script.
      if (!javaScriptEnabled) return;
      const unchecked = [...visited].filter(([kind]) => claimForEnglish(kind));
      if (unchecked.length === 0) return;
      testInfo.setTimeout(testInfo.timeout + unchecked.length * 5_000);
      await page.context().addCookies([{ name: "wv_lang", value: "en", url: baseURL! }]);
      const english = await page.context().newPage();
      for (const [kind, url] of unchecked) {
        await english.goto(url);
        await expect(english.locator("html"), `${kind} in English`).toHaveAttribute("lang", "en");
        await expectAccessible(english, `axe violations on ${kind} in English`);
      }
      await english.close();
    },
    { auto: true },
  ],
});
export { expect };
