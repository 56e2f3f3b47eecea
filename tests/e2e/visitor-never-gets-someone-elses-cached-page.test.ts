import type { APIRequestContext, Browser } from "@playwright/test";
import { expect, expectAccessible, logOut, test } from "./fixtures";
import { newResident } from "./account-helpers";
import { ideas, placeStickers, votePage, votingSlug } from "./voting-helpers";

// Issue 19: public pages for visitors who are not logged in come from a cache of a few seconds
// (docs/decisions/023-page-cache.md). Whoever looks at a cached page must see the page of nobody in
// particular: not the name, vote or messages of someone who was logged in in another browser or in
// the same one a moment ago, and in their own language.

const contestPage = `/rondes/${votingSlug}`;

async function browserWith(browser: Browser, baseURL: string, language?: "nl" | "en") {
  const context = await browser.newContext({ baseURL, locale: "nl-NL", timezoneId: "Europe/Amsterdam" });
  if (language) await context.addCookies([{ name: "wv_lang", value: language, url: baseURL }]);
  return context;
}

/** The page as the cache answers it: asked again until it comes from the cache (a post in another test empties it). */
async function cachedPage(request: APIRequestContext, path: string): Promise<string> {
  let body = "";
  await expect
    .poll(
      async () => {
        const response = await request.get(path, { headers: { Accept: "text/html" } });
        body = await response.text();
        return response.headers()["x-page-cache"];
      },
      { timeout: 15_000, intervals: [50, 100, 200, 400] },
    )
    .toBe("hit");
  return body;
}

test("log in, vote, log out: the cached page is the anonymous one, never the resident's, in the reader's language", async ({ page, browser, baseURL }) => {
  const stranger = await browserWith(browser, baseURL!);
  const english = await browserWith(browser, baseURL!, "en");
  try {
    // Before anyone logs in, the stranger's contest page comes from the cache.
    expect(await cachedPage(stranger.request, contestPage)).toContain(">Inloggen<");

    const name = `Cachetest ${Date.now().toString(36)}`;
    await newResident(page, name);

    // Logged in: never from the cache, however often asked, and never put in it.
    for (let i = 0; i < 3; i++) {
      const response = await page.request.get(contestPage, { headers: { Accept: "text/html" } });
      expect(response.headers()["x-page-cache"]).toBeUndefined();
      expect(await response.text()).toContain(">Uitloggen<");
    }
    await page.goto(votePage);
    await placeStickers(page, [ideas.bloemen, ideas.regen, ideas.speelplek]);
    await expect(page.getByRole("status").filter({ hasText: "Je stem is opgeslagen." })).toBeVisible();
    await page.goto(contestPage);
    await expect(page.getByRole("button", { name: "Uitloggen" })).toBeVisible();

    // Meanwhile the stranger gets the page of nobody: no name, no logout, no vote, no receipt.
    for (const body of [await cachedPage(stranger.request, contestPage), await cachedPage(stranger.request, "/")]) {
      expect(body).toContain(">Inloggen<");
      for (const personal of [name, ">Uitloggen<", "Je hebt gestemd", "Je stem is opgeslagen", "Jouw bon"]) expect(body).not.toContain(personal);
    }

    // Logging out leaves a message for this browser only; it is not shown from, or put in, the cache.
    await logOut(page);
    expect(await cachedPage(stranger.request, "/")).not.toContain("Je bent uitgelogd.");

    // The same browser, now logged out, gets the anonymous contest page (from the cache once it is there).
    const own = await cachedPage(page.request, contestPage);
    expect(own).toContain(">Inloggen<");
    for (const personal of [name, ">Uitloggen<", "Je hebt gestemd", "Je bent uitgelogd."]) expect(own).not.toContain(personal);
    await page.goto(contestPage);
    await expect(page.getByRole("link", { name: "Inloggen" }).first()).toBeVisible();
    await expect(page.getByText(name)).toHaveCount(0);
    await expectAccessible(page);

    // Dutch and English readers each get their own language from the cache, never the other's.
    const inEnglish = await cachedPage(english.request, contestPage);
    const inDutch = await cachedPage(stranger.request, contestPage);
    expect(inEnglish).toContain('<html lang="en"');
    expect(inEnglish).toContain(">Log in<");
    expect(inEnglish).not.toContain(">Inloggen<");
    expect(inDutch).toContain('<html lang="nl"');
    expect(inDutch).not.toContain(">Log in<");
  } finally {
    await stranger.close();
    await english.close();
  }
});

test("the scripts of a cached page run: each answer carries its own nonce, the one its CSP allows", async ({ page }) => {
  const seen = new Set<string>();
  for (let i = 0; i < 3; i++) {
    const response = await page.goto(contestPage);
    const csp = response!.headers()["content-security-policy"] ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    const html = await response!.text();
    expect(html).toContain(`nonce="${nonce}"`);
    expect(html).toContain(`<meta name="request-id" content="${response!.headers()["x-request-id"]}"/>`);
    seen.add(nonce!);
  }
  expect(seen.size).toBe(3);
  // The page comes to life (its scripts ran under the CSP): the router is there.
  await page.waitForFunction(() => "__remixRouter" in window);
});

test("the idea list from the cache keeps each visitor's own order, and gives a newcomer one of several", async ({ browser, baseURL }) => {
  const orders = new Set<string>();
  const listPath = `/rondes/${votingSlug}/ideeen`;
  /** The titles on the list in their order, as this visitor's browser gets them (it keeps its cookies). */
  const titlesFor = async (request: APIRequestContext) => {
    const html = await (await request.get(listPath, { headers: { Accept: "text/html" } })).text();
    return [...html.matchAll(/class="idea-card-title"><a [^>]*>([^<]+)</g)].map((m) => m[1]).join(" | ");
  };
  for (let visitor = 0; visitor < 12; visitor++) {
    const context = await browserWith(browser, baseURL!);
    try {
      const titles = await titlesFor(context.request);
      expect(titles).toContain(ideas.bloemen);
      orders.add(titles);
      // The same visitor, again and again (from the cache by then): the same order.
      for (let i = 0; i < 2; i++) expect(await titlesFor(context.request)).toBe(titles);
    } finally {
      await context.close();
    }
  }
  // Sixteen shuffles; twelve newcomers all landing on one would be a broken draw (odds about 1 in 10^14).
  expect(orders.size).toBeGreaterThan(1);
});
