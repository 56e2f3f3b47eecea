import { expect, expectAccessible, stubMapTiles, test, TILE_HOST } from "./fixtures";
import { vonk } from "./ideas-helpers";

// Issue 18, item 2: where is the idea? Residents look up an address or point at a map; a round's ideas
// are on a map beside the list. Tiles are answered by the test (fixtures.ts, and a count here), the
// address look-up by tests/support/locatieserver-stub.mjs: PDOK itself is never asked.

const shots = process.env.E2E_SCREENSHOTS_DIR;

test("the round's ideas are on a map beside the list, as links the keyboard reaches", async ({ page }) => {
  const tiles: string[] = [];
  await stubMapTiles(page.context(), (url) => tiles.push(url));
  const response = await page.goto(`/rondes/${vonk}/ideeen`);
  // The one tile host may serve images, and nothing else from outside.
  expect(response!.headers()["content-security-policy"]).toContain(`img-src 'self' data: blob: ${TILE_HOST};`);
  expect(response!.headers()["content-security-policy"]).toContain("connect-src 'self';");

  const map = page.getByRole("complementary", { name: "Op de kaart" });
  await expect(map).toBeVisible();
  await expect(map.getByText("Kaartgegevens © Kadaster")).toBeVisible();
  // Five demo ideas have a point; tests running beside this one may hide or withdraw one of them.
  const counted = (await map.getByText(/van de \d+ ideeën hebben een punt op de kaart/).textContent())!;
  const onMap = Number(counted.match(/^(\d+) van de/)![1]);
  expect(onMap).toBeGreaterThanOrEqual(3);
  const pins = map.getByRole("link");
  await expect(pins).toHaveCount(onMap);
  await expect(map.getByRole("link", { name: "Speeltuin voor de kleintjes" })).toHaveAttribute("href", /\/ideeen\/\d+$/);
  expect(tiles.length).toBeGreaterThan(0);
  expect(tiles.every((url) => /\/brt\/achtergrondkaart\/wmts\/v2_0\/standaard\/EPSG:3857\/\d+\/\d+\/\d+\.png$/.test(url))).toBe(true);
  await expectAccessible(page);
  if (shots) {
    await page.screenshot({ path: `${shots}/ideas-map-1280.png`, fullPage: true });
    await page.setViewportSize({ width: 375, height: 800 });
    await page.screenshot({ path: `${shots}/ideas-map-375.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });
  }

  // The map moves with the keyboard; its pins come next in the tab order and open their idea.
  const view = map.getByRole("group", { name: "Kaart met de ideeën" }).locator(".map-view");
  await view.focus();
  const before = await pins.first().evaluate((el) => (el as HTMLElement).style.left);
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => pins.first().evaluate((el) => (el as HTMLElement).style.left)).not.toBe(before);
  await page.getByRole("button", { name: "Inzoomen" }).click();
  await page.getByRole("button", { name: "Uitzoomen" }).click();
  await view.focus();
  await page.keyboard.press("Tab");
  const focused = page.locator(":focus");
  await expect(focused).toHaveClass(/map-marker/);
  const title = (await focused.textContent())!;
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  // The idea's own page shows its place on a map too.
  const place = page.getByRole("group", { name: "Kaart met de plek van het idee" });
  await expect(place).toBeVisible();
  await expect(place.getByText(title)).toBeAttached();
  await expect(page.getByText("Kaartgegevens © Kadaster")).toBeVisible();
  await expectAccessible(page);
});

test("a resident looks up an address or clicks on the map, and the point goes with the idea", async ({ page }) => {
  await page.goto(`/rondes/${vonk}/ideeen/nieuw`);
  await page.getByLabel("Titel").fill("Bankje bij de bushalte");
  const point = page.getByLabel("Punt op de kaart (niet verplicht)");
  const address = page.getByLabel("Adres of plek (niet verplicht)");

  // The map is drawn once the page has come to life: a click before that posts the form the no-JavaScript
  // way, which offers no other matches (seen on a busy CI machine).
  await expect(page.getByRole("group", { name: "Kaart om het punt te kiezen" })).toBeVisible();
  await address.fill("Zwolseweg 12");
  await page.getByRole("button", { name: "Zoek dit adres op" }).click();
  await expect(page.getByText("Gevonden: Zwolseweg 12, 7416AB Deventer. Het punt staat nu op de kaart.")).toBeVisible();
  await expect(point).toHaveValue("52.25873, 6.18412");
  // The other match is offered too.
  await page.getByRole("button", { name: "Zwolseweg 12A, 7416AB Deventer" }).click();
  await expect(point).toHaveValue("52.2588, 6.1842");
  await expect(page.getByRole("group", { name: "Kaart om het punt te kiezen" }).getByText("Jouw punt")).toBeAttached();
  await expect(page.getByText("Kaartgegevens © Kadaster")).toBeVisible();
  await expectAccessible(page);

  // An address outside the round's area is allowed, with a warning.
  await address.fill("Brink 1, Deventer");
  await page.getByRole("button", { name: "Zoek dit adres op" }).click();
  await expect(page.getByText(/Let op: dit adres ligt buiten het gebied van deze ronde/)).toBeVisible();
  await expect(point).toHaveValue("52.25213, 6.16055");

  // Not found, and the service down: said in plain words; nothing typed is lost.
  await address.fill("Nergensstraat 99");
  await page.getByRole("button", { name: "Zoek dit adres op" }).click();
  await expect(page.getByText(/We vinden dit adres niet/)).toBeVisible();
  await address.fill("storing 1");
  await page.getByRole("button", { name: "Zoek dit adres op" }).click();
  await expect(page.getByText(/Adressen zoeken lukt nu niet/)).toBeVisible();
  await expect(page.getByLabel("Titel")).toHaveValue("Bankje bij de bushalte");
  await expect(point).toHaveValue("52.25213, 6.16055");

  // A click on the map sets the point there; so does the keyboard, with the map's middle.
  const view = page.getByRole("group", { name: "Kaart om het punt te kiezen" }).locator(".map-view");
  await view.scrollIntoViewIfNeeded();
  const box = (await view.boundingBox())!;
  await view.click({ position: { x: box.width / 2 + 40, y: box.height / 2 } });
  await expect(point).not.toHaveValue("52.25213, 6.16055");
  const clicked = (await point.inputValue()).split(", ").map(Number);
  expect(clicked[0]).toBeCloseTo(52.25213, 3);
  expect(clicked[1]!).toBeGreaterThan(6.16055);
  await view.focus();
  await page.keyboard.press("ArrowUp");
  await page.getByRole("button", { name: "Zet het punt in het midden" }).click();
  const centred = (await point.inputValue()).split(", ").map(Number);
  expect(centred[0]!).toBeGreaterThan(52.25213);
  if (shots) {
    await page.getByText("Punt op de kaart (niet verplicht)").scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${shots}/idea-form-map-1280.png` });
    await page.setViewportSize({ width: 375, height: 800 });
    await page.getByText("Punt op de kaart (niet verplicht)").scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${shots}/idea-form-map-375.png` });
    await page.setViewportSize({ width: 1280, height: 800 });
  }

  await page.getByRole("button", { name: "Opslaan als concept" }).click();
  await expect(page.getByRole("status")).toContainText("Je concept is opgeslagen");
  await expect(point).toHaveValue(centred.join(", "));
  await expectAccessible(page);
});

// axe needs JavaScript: these pages are checked with it above, so each test here ends on a blank page.
test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test.afterEach(async ({ page }) => {
    await page.goto("about:blank");
  });

  test("the address field works alone: the server looks it up and the form comes back with the point", async ({ page }) => {
    await page.goto(`/rondes/${vonk}/ideeen/nieuw`);
    await page.getByLabel("Titel").fill("Picknicktafel in het park");
    await page.getByLabel("Beschrijving").fill("Een tafel om samen te eten.");
    const address = page.getByLabel("Adres of plek (niet verplicht)");
    const point = page.getByLabel("Punt op de kaart (niet verplicht)");

    await address.fill("storing 1");
    await page.getByRole("button", { name: "Zoek dit adres op" }).click();
    await expect(page.getByText(/Adressen zoeken lukt nu niet/)).toBeVisible();
    await expect(page.getByLabel("Titel")).toHaveValue("Picknicktafel in het park");
    await expect(page.getByLabel("Beschrijving")).toHaveValue("Een tafel om samen te eten.");
    await expect(address).toHaveValue("storing 1");

    await address.fill("Zwolseweg 12");
    await page.getByRole("button", { name: "Zoek dit adres op" }).click();
    await expect(page.getByText("Gevonden: Zwolseweg 12, 7416AB Deventer. Het punt staat nu op de kaart.")).toBeVisible();
    await expect(point).toHaveValue("52.25873, 6.18412");
    await expect(page.getByLabel("Titel")).toHaveValue("Picknicktafel in het park");
    // The map is drawn by the server: the point is on it, with its credit line.
    await expect(page.getByText("Kaartgegevens © Kadaster")).toBeVisible();

    await page.getByRole("button", { name: "Opslaan als concept" }).click();
    await expect(page.getByRole("status")).toContainText("Je concept is opgeslagen");
    await expect(point).toHaveValue("52.25873, 6.18412");
    await expect(address).toHaveValue("Zwolseweg 12");
  });

  test("the ideas' map is there without JavaScript, its pins plain links", async ({ page }) => {
    await page.goto(`/rondes/${vonk}/ideeen`);
    const map = page.getByRole("complementary", { name: "Op de kaart" });
    await expect(map.getByRole("link", { name: "Speeltuin voor de kleintjes" })).toBeVisible();
    await expect(map.getByRole("button")).toHaveCount(0);
  });
});
