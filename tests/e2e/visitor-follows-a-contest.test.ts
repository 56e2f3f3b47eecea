import { expect, expectAccessible, test, uniqueEmail } from "./fixtures";

const DAY = 24 * 60 * 60 * 1000;
const contestPath = "/rondes/assen-top-idee-2027";

async function linksInMailTo(page: import("@playwright/test").Page, email: string) {
  await page.goto("/dev/mail");
  const mail = page.getByRole("listitem").filter({ hasText: email }).first();
  await expect(mail.getByRole("heading")).toHaveText("Bevestig je aanmelding voor Assen Top Idee 2027");
  const body = await mail.locator("pre").innerText();
  const confirm = body.match(/https?:\/\/\S+\/rondes\/assen-top-idee-2027\/aanmelding\?token=\S+/)?.[0];
  const unsubscribe = body.match(/https?:\/\/\S+\/rondes\/assen-top-idee-2027\/afmelden\?token=\S+/)?.[0];
  expect(confirm, "confirm link in the mail").toBeTruthy();
  expect(unsubscribe, "unsubscribe link in the mail").toBeTruthy();
  return { confirm: confirm!, unsubscribe: unsubscribe! };
}

test("a visitor asks to hear when submitting opens, confirms through the mail, and unsubscribes", async ({ page }) => {
  const email = uniqueEmail("volger");
  await page.goto(contestPath);
  const form = page.getByRole("group", { name: "Laat me weten wanneer ik mee kan doen" });
  await form.getByLabel("E-mailadres").fill(email);
  await form.getByRole("button", { name: "Houd me op de hoogte" }).click();
  await expect(page.getByRole("status")).toContainText(`We hebben een e-mail gestuurd naar ${email}.`);
  await expectAccessible(page);

  const links = await linksInMailTo(page, email);

  // Opening the link only shows a button (mail scanners open links too); the button confirms.
  await page.goto(links.confirm);
  await expect(page.getByRole("heading", { level: 1, name: "Aanmelding bevestigen" })).toBeVisible();
  await page.goto(links.confirm);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Ja, houd me op de hoogte" }).click();
  await expect(page).toHaveURL(new RegExp(`${contestPath}$`));
  await expect(page.getByRole("status")).toHaveText(
    "Je aanmelding is bevestigd. Je krijgt een e-mail als er iets te doen is, zoals indienen of stemmen, en als de uitslag bekend is.",
  );
  await page.goto(links.confirm);
  await expect(page.getByText("Je aanmelding is al bevestigd.")).toBeVisible();

  // Signing up again gives the same answer: the page never tells who is on the list.
  await page.goto(contestPath);
  await form.getByLabel("E-mailadres").fill(email.toUpperCase());
  await form.getByRole("button", { name: "Houd me op de hoogte" }).click();
  await expect(page.getByRole("status")).toContainText(`We hebben een e-mail gestuurd naar ${email}.`);

  await page.goto(links.unsubscribe);
  await expect(page.getByRole("heading", { level: 1, name: "Afmelden" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Ja, meld me af" }).click();
  await expect(page.getByRole("status")).toHaveText("Je bent afgemeld. Je krijgt geen e-mails meer over Assen Top Idee 2027.");
  await page.goto(links.unsubscribe);
  await expect(page.getByText("Je bent al afgemeld.")).toBeVisible();
});

test("the form says what is wrong with an email address", async ({ page }) => {
  await page.goto(contestPath);
  const form = page.getByRole("group", { name: "Laat me weten wanneer ik mee kan doen" });
  await form.getByLabel("E-mailadres").fill("geen-adres");
  await form.getByRole("button", { name: "Houd me op de hoogte" }).click();
  await expect(form.getByText("Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.")).toBeVisible();
  // The field says it is wrong, points at the message, keeps what was typed and has the cursor back.
  const field = form.getByLabel("E-mailadres");
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(field).toHaveAccessibleDescription("Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.");
  await expect(field).toHaveValue("geen-adres");
  await expect(field).toBeFocused();

  // The server checks the address (no zod in the browser for this page): typing posts nothing, one click sends.
  const posts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST") posts.push(request.url());
  });
  const email = uniqueEmail("verbeterd");
  await form.getByLabel("E-mailadres").fill(email);
  await form.getByLabel("E-mailadres").press("End");
  expect(posts).toEqual([]);
  await form.getByRole("button", { name: "Houd me op de hoogte" }).click();
  await expect(page.getByRole("status")).toContainText(`We hebben een e-mail gestuurd naar ${email}.`);
  expect(posts).toHaveLength(1);
  // Sent: the field is empty again, as after the page without JavaScript.
  await expect(field).toHaveValue("");
  await expect(field).not.toHaveAttribute("aria-invalid", "true");
});

test("a link with a wrong token does nothing", async ({ page }) => {
  await page.goto(`${contestPath}/aanmelding?token=${"x".repeat(43)}`);
  await expect(page.getByText("Deze link werkt niet meer.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Ja, houd me op de hoogte" })).toHaveCount(0);
});

test("a resident who finds the round during voting can still follow it, below the button to vote", async ({ page, context, baseURL }) => {
  // Assen is in its announcement; voting runs from day 74 to day 88 of the demo.
  await context.addCookies([{ name: "wv_test_now", value: String(Date.now() + 80 * DAY), url: baseURL! }]);
  await page.goto(contestPath);
  const form = page.getByRole("group", { name: "Blijf op de hoogte van deze ronde" });
  await expect(form).toContainText("Je krijgt een e-mail met een link om te stemmen en als de uitslag bekend is.");
  const now = page.getByRole("region", { name: "Wat kun je nu doen?" });
  // The vote comes first; following is the quieter second choice.
  await expect(now.locator(".button").first()).toHaveText("Stem nu");
  await form.getByLabel("E-mailadres").fill(uniqueEmail("laat"));
  await form.getByRole("button", { name: "Houd me op de hoogte" }).click();
  await expect(page.getByRole("status")).toContainText("We hebben een e-mail gestuurd naar");
});

test("once voting has ended, signing up is refused with 409 and a Dutch message", async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: "wv_test_now", value: String(Date.now() + 80 * DAY), url: baseURL! }]);
  await page.goto(contestPath);
  const form = page.getByRole("group", { name: "Blijf op de hoogte van deze ronde" });
  await form.getByLabel("E-mailadres").fill(uniqueEmail("te-laat"));
  // The page was opened during voting; by the time the button is pressed, voting has closed.
  await context.addCookies([{ name: "wv_test_now", value: String(Date.now() + 91 * DAY), url: baseURL! }]);
  await form.getByRole("button", { name: "Houd me op de hoogte" }).click();
  await expect(page.getByRole("heading", { name: "Dit kan nu niet" })).toBeVisible();
  await expect(page.getByText("Dit kan nu niet. Het is nu de fase ‘Prijsuitreiking’.")).toBeVisible();

  // The same for a plain form post, as a browser without JavaScript sends it.
  const response = await page.request.post(contestPath, { form: { email: uniqueEmail("te-laat") } });
  expect(response.status()).toBe(409);
  expect(await response.text()).toContain("Dit kan nu niet. Het is nu de fase ‘Prijsuitreiking’.");

  await page.goto(contestPath);
  await expect(page.getByRole("button", { name: "Houd me op de hoogte" })).toHaveCount(0);
});

test("an English reader gets the same refusal in English", async ({ page, context, baseURL }) => {
  await context.addCookies([
    { name: "wv_lang", value: "en", url: baseURL! },
    { name: "wv_test_now", value: String(Date.now() + 91 * DAY), url: baseURL! },
  ]);
  const response = await page.request.post(contestPath, { form: { email: uniqueEmail("too-late") } });
  expect(response.status()).toBe(409);
  const html = await response.text();
  expect(html).toContain("This is not possible now. It is now the phase ‘Prize-giving’.");
  expect(html).toContain('lang="en"');
});
