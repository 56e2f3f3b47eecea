import sharp from "sharp";
import { expect, type Page } from "@playwright/test";

export const vonk = "vonk-keizerslanden-2027";
const day = 24 * 60 * 60 * 1000;

/** A real JPEG (a coloured block with a little EXIF), as a phone would send it. */
export async function photoFile(name = "grasveld.jpg") {
  const buffer = await sharp({ create: { width: 1200, height: 800, channels: 3, background: "#2b7a3d" } })
    .jpeg()
    .withExif({ IFD0: { Artist: "Telefoon van een bewoner" } })
    .toBuffer();
  return { name, mimeType: "image/jpeg", buffer };
}

/** The newest mail to this address in the development mailbox, as text. Mails go out after the answer: the page is read again until it is there. */
export async function latestMailTo(page: Page, email: string, subject: RegExp): Promise<string> {
  const mail = page
    .getByRole("listitem")
    .filter({ hasText: email })
    .filter({ has: page.getByRole("heading", { name: subject }) })
    .first();
  await expect(async () => {
    await page.goto("/dev/mail");
    await expect(mail).toBeVisible({ timeout: 500 });
  }).toPass();
  return mail.locator("pre").innerText();
}

/** Moves this browser's clock (the e2e server runs with TEST_CLOCK=1) to `days` after now. */
export async function moveClock(page: Page, days: number) {
  const url = new URL(page.url().startsWith("http") ? page.url() : "http://localhost/");
  await page.context().addCookies([{ name: "wv_test_now", value: String(Date.now() + days * day), domain: url.hostname, path: "/" }]);
}
