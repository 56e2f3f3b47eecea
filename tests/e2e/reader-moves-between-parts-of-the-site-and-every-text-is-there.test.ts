import type { Page } from "@playwright/test";
import { sections } from "../../app/lib/i18n/sections";
import { demo, expect, logIn, test, untilLive } from "./fixtures";

// ADR 030: a page loads the base texts and the sections of the catalogue its routes ask for. Moving
// to another part of the site in the browser (no new page load) must bring that part's sections
// before the new page shows: not one text may show as its key, not even for a moment.

const slug = "groen-keizerslanden-2026";
const keyLike = `\\b(?:${sections.join("|")})\\.[a-z][A-Za-z0-9]*`;

/** Records, from the start of every document, any text that looks like a message key, however briefly shown. */
async function watchForKeys(page: Page) {
  await page.addInitScript((pattern: string) => {
    const seen: string[] = [];
    (window as unknown as { keysSeen: string[] }).keysSeen = seen;
    const key = new RegExp(pattern);
    const look = (node: Node) => {
      const parent = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element);
      if (parent?.closest("script, style, template")) return;
      if (node.nodeType === Node.TEXT_NODE) {
        const found = key.exec((node as Text).data);
        if (found) seen.push(found[0]);
      } else if (node.nodeType === Node.ELEMENT_NODE) {
        for (const child of node.childNodes) look(child);
        const label = (node as Element).getAttribute("aria-label");
        const found = label ? key.exec(label) : null;
        if (found) seen.push(found[0]);
      }
    };
    new MutationObserver((records) => {
      for (const record of records) {
        if (record.type === "characterData") look(record.target);
        for (const added of record.addedNodes) look(added);
      }
    }).observe(document, { subtree: true, childList: true, characterData: true });
  }, keyLike);
}

const keysSeen = (page: Page) => page.evaluate(() => (window as unknown as { keysSeen: string[] }).keysSeen);

/** Follows a link in the browser and checks it stayed the same document, with every text in place. */
async function follow(page: Page, href: string, heading: RegExp | string) {
  await page.locator(`a[href="${href}"]`).first().click();
  await expect(page).toHaveURL(new RegExp(`${href.replace(/[$.]/g, "\\$&")}$`));
  await expect(page.getByRole("heading", { name: heading }).first()).toBeVisible();
  expect(await page.evaluate(() => "sameDocument" in window), `${href} was reached without a new page load`).toBe(true);
  expect(await keysSeen(page), `no text shown as its key on the way to ${href}`).toEqual([]);
}

test("an organiser goes from the public pages to the console and the account, in Dutch and in English, and never sees a key", async ({ page }) => {
  test.setTimeout(90_000);
  const lateSections: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && message.text().includes("was shown before the section")) lateSections.push(message.text());
  });
  const textChunks: string[] = [];
  page.on("response", (response) => {
    const file = /\/assets\/([a-z-]+\.(?:nl|en))-[\w-]+\.js$/.exec(response.url())?.[1];
    if (file) textChunks.push(file);
  });
  await watchForKeys(page);
  await logIn(page, demo.organisator);

  await page.goto("/");
  await untilLive(page);
  // The watch can fail: a key put on the page is seen.
  await page.evaluate(() => document.querySelector("main")!.append(document.createTextNode("voting.empty")));
  await expect.poll(() => keysSeen(page)).toEqual(["voting.empty"]);
  await page.goto("/");
  await untilLive(page);
  expect(await keysSeen(page)).toEqual([]);
  // The home page brought the base texts and the root's sections, not those of the vote or the console.
  expect(textChunks).toContain("base.nl");
  expect(textChunks).not.toContain("voting.nl");
  expect(textChunks).not.toContain("console.nl");
  await page.evaluate(() => Object.assign(window, { sameDocument: true }));

  await follow(page, "/rondes", "Ideeënrondes");
  await follow(page, `/rondes/${slug}`, "Groen Keizerslanden 2026");
  await follow(page, `/rondes/${slug}/ideeen`, /Ideeën/);
  await follow(page, "/organiseren", "Organiseren");
  await follow(page, `/organiseren/${slug}`, /Groen Keizerslanden 2026/);
  await follow(page, `/organiseren/${slug}/logboek`, "Logboek");
  await follow(page, "/account", "Mijn account");
  // Each part's sections came when it was first needed, in Dutch only.
  expect(textChunks).toEqual(expect.arrayContaining(["rounds.nl", "ideas.nl", "console.nl", "audit-log.nl", "account-details.nl"]));
  expect(textChunks.filter((f) => f.endsWith(".en"))).toEqual([]);

  // The language switch loads the page anew; in English the same holds.
  textChunks.length = 0;
  await page.getByRole("button", { name: "Switch to English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await untilLive(page);
  await page.evaluate(() => Object.assign(window, { sameDocument: true }));
  await follow(page, "/rondes", "Idea rounds");
  await follow(page, `/rondes/${slug}`, "Groen Keizerslanden 2026");
  await follow(page, `/rondes/${slug}/ideeen`, /Ideas/);
  await follow(page, "/organiseren", "Organise");
  await follow(page, `/organiseren/${slug}`, /Groen Keizerslanden 2026/);
  expect(textChunks).toEqual(expect.arrayContaining(["base.en", "rounds.en", "ideas.en", "console.en"]));
  expect(textChunks.filter((f) => f.endsWith(".nl"))).toEqual([]);

  // No route used a section it did not ask for (the browser reports that, client.ts).
  expect(lateSections).toEqual([]);
});
