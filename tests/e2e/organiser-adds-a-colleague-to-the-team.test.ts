import { newResident } from "./account-helpers";
import { demo, expect, logIn, test, uniqueEmail } from "./fixtures";

// An organisation's organisers add a colleague who has an account, and take them off again: the
// colleague sees the rounds at once, and no longer once taken off.

test("an organiser adds a colleague to the wijkteam, who then organises its rounds, and takes them off again", async ({ page, browser, baseURL }) => {
  const colleague = await browser.newContext({ baseURL });
  const other = await colleague.newPage();
  const email = await newResident(other, "Cor Collega");
  expect((await other.goto("/organiseren"))?.status()).toBe(403);

  await logIn(page, demo.organisator);
  await page.goto("/organiseren");
  await page.getByRole("link", { name: "Team", exact: true }).click();
  const wijkteam = page.getByRole("region", { name: "Wijkteam Keizerslanden" });
  await wijkteam.getByLabel("E-mailadres van hun account").fill(uniqueEmail("zonder-account"));
  await wijkteam.getByRole("button", { name: "Toevoegen" }).click();
  await expect(wijkteam.getByText("Er is geen account met dit e-mailadres.")).toBeVisible();
  await wijkteam.getByLabel("E-mailadres van hun account").fill(email);
  await wijkteam.getByRole("button", { name: "Toevoegen" }).click();
  await expect(page.getByRole("status")).toHaveText("Cor Collega organiseert nu mee.");
  await expect(wijkteam.getByRole("listitem").filter({ hasText: "Cor Collega" })).toBeVisible();
  await expect(wijkteam.getByLabel("E-mailadres van hun account")).toHaveValue("");

  await other.goto("/organiseren");
  await expect(other.getByRole("link", { name: "Vonk Keizerslanden 2027" })).toBeVisible();

  await wijkteam
    .getByRole("button", {
      name: "Cor Collega uit het team van Wijkteam Keizerslanden halen",
    })
    .click();
  await expect(page.getByRole("status")).toHaveText("Cor Collega zit niet meer in het team.");
  expect((await other.goto("/organiseren"))?.status()).toBe(403);
  await colleague.close();
});
