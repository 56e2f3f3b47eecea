import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { routeDeclaration, routeFiles, rootFile, sectionsUsedBy } from "../../../tests/support/i18n-section-scan";
import { en } from "./en";
import { nl } from "./nl";
import { loadTexts, loadPageTexts } from "./client";
import { loadedCatalogue, reportMissingText, textsToWaitFor, textsVersion } from "./core";
import { sectionOfKey, sections, sectionsOfMatches, type Section } from "./sections";

// ADR 030: a page loads the base texts and the sections its routes ask for in their handle.

describe("which sections a page gets", () => {
  it("joins the sections the matched routes ask for, each once, whatever a handle holds besides", () => {
    const matches = [{ handle: { i18n: ["look", "phases"] } }, { handle: undefined }, { handle: { i18n: ["voting", "phases"], other: 1 } }, { handle: "x" }];
    expect(sectionsOfMatches(matches)).toEqual(["phases", "voting", "look"]);
    expect(sectionsOfMatches([{ handle: { i18n: "voting" } }, {}])).toEqual([]);
  });

  it("knows the section of a key, and that base texts have none", () => {
    expect(sectionOfKey("voting.empty")).toBe("voting");
    expect(sectionOfKey("budgetParts.title")).toBe("budgetParts");
    expect(sectionOfKey("nav.home")).toBeNull();
    expect(sectionOfKey("Invalid input")).toBeNull();
  });
});

describe("every route asks for the sections its code uses", () => {
  const root = routeDeclaration(rootFile).handle ?? [];
  const name = (file: string) => path.relative(path.dirname(rootFile), file);

  it("the scanner finds keys through the components a route imports, and in its loader and action", () => {
    // The ballot's texts come from ui/sticker-ballot.tsx, not from the route file itself.
    expect(sectionsUsedBy(path.join(path.dirname(rootFile), "routes", "rondes.$slug_.stemmen.tsx"))).toContain("voting");
    // `phases.names.${phase}` in ui/phase-words.ts, used by the root's error page.
    expect(sectionsUsedBy(rootFile)).toEqual(new Set(["look", "phases"]));
    // Form errors of an action: "jury.decisionIsClosed".
    expect(sectionsUsedBy(path.join(path.dirname(rootFile), "routes", "jury.$slug.besluit.tsx"))).toContain("jury");
  });

  it("the root asks for what the frame of every page uses", () => {
    expect(new Set(root)).toEqual(sectionsUsedBy(rootFile));
  });

  it("a page's route asks for every section it uses that the root does not, and for no other", () => {
    const wrong: string[] = [];
    for (const file of routeFiles()) {
      const { handle, hasComponent } = routeDeclaration(file);
      const used = [...sectionsUsedBy(file)].filter((s) => !root.includes(s));
      // A route without a page (a file, a redirect, a fetcher's action) renders no texts in the browser.
      if (!hasComponent && handle === null) continue;
      const declared = handle ?? [];
      const missing = used.filter((s) => !declared.includes(s));
      const unused = declared.filter((s) => !used.includes(s) && !root.includes(s));
      if (missing.length) wrong.push(`${name(file)} uses but does not ask for: ${missing.join(", ")}`);
      if (unused.length) wrong.push(`${name(file)} asks for but does not use: ${unused.join(", ")}`);
      if (declared.some((s) => root.includes(s))) wrong.push(`${name(file)} asks for what the root already has`);
    }
    expect(wrong).toEqual([]);
  });
});

describe("waiting for texts", () => {
  afterEach(() => vi.restoreAllMocks());

  it("loads the base texts and the sections the server rendered the page with before it comes to life", async () => {
    await loadPageTexts("en", "look voting");
    expect(textsToWaitFor("en", ["base", "look", "voting"])).toBeNull();
    expect(loadedCatalogue("en").voting.empty).toBe(en.voting.empty);
    expect(loadedCatalogue("en").nav.home).toBe(en.nav.home);
  });

  it("a section not here yet is waited for once, in the reader's language only", async () => {
    const arriving = textsToWaitFor("en", ["base", "jury"]);
    expect(arriving).toBeInstanceOf(Promise);
    await arriving;
    expect(textsToWaitFor("en", ["base", "jury"])).toBeNull();
    expect(loadedCatalogue("en").jury).toEqual(en.jury);
    expect(textsToWaitFor("nl", ["jury" satisfies Section])).toBeInstanceOf(Promise);
  });

  it("a key from a section nobody asked for is reported, and its section comes after all", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const before = textsVersion();
    reportMissingText("en", "geo.lookupBusy");
    expect(error).toHaveBeenCalledWith(expect.stringContaining('"geo"'));
    await vi.waitFor(() => expect(textsVersion()).toBeGreaterThan(before));
    expect(loadedCatalogue("en").geo).toEqual(en.geo);
  });
});

// Last: it loads every section, so nothing is missing after it.
describe("the browser's texts", () => {
  it("add up to the whole catalogue in each language: the base texts and every section", async () => {
    await loadTexts("nl", ["base", ...sections]);
    await loadTexts("en", ["base", ...sections]);
    expect(loadedCatalogue("nl")).toEqual(nl);
    expect(loadedCatalogue("en")).toEqual(en);
  });
});
