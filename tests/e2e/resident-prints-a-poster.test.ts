import jsQR from "jsqr";
import sharp from "sharp";
import { expect, expectAccessible, test } from "./fixtures";
import { vonk } from "./ideas-helpers";

test("a resident prints an idea's poster on A4 and A3, and its QR code opens the idea", async ({ page }) => {
  const title = "Speeltuin voor de kleintjes";
  await page.goto(`/rondes/${vonk}/ideeen`);
  await page.getByRole("listitem").getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const ideaUrl = page.url();
  await page.getByRole("link", { name: "Poster maken" }).click();
  await expect(page.getByRole("button", { name: "Afdrukken" })).toBeVisible();
  // The round's organisation on the poster: its logo, with its name as the text (ADR 025).
  await expect(page.getByRole("article").getByRole("img", { name: "Wijkteam Keizerslanden" })).toBeVisible();
  await expectAccessible(page);

  // The QR code is an image whose name says where it leads; a phone camera reads the same address.
  const qr = page.getByRole("img", { name: /QR-code naar de pagina van dit idee/ });
  await expect(qr).toHaveAccessibleName(`QR-code naar de pagina van dit idee: ${ideaUrl}`);
  const { data, info } = await sharp(await qr.screenshot())
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const decoded = jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength), info.width, info.height);
  expect(decoded?.data).toBe(ideaUrl);

  // Printed, the poster is one page of the chosen size, without the site's header and footer.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("banner")).toBeHidden();
  await page.emulateMedia({ media: null });
  for (const [format, size] of [
    ["A4", "595.92 842.88"],
    ["A3", "841.92 1191.12"],
  ] as const) {
    await page.getByRole("link", { name: format, exact: true }).click();
    await expect(page.getByRole("link", { name: format, exact: true })).toHaveAttribute("aria-current", "true");
    const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString("latin1");
    expect(pdf.match(/\/Type\s*\/Page\b/g)?.length, `${format} pages`).toBe(1);
    const box = pdf.match(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/);
    const [w, h] = size.split(" ").map(Number);
    expect(Math.abs(Number(box?.[1]) - w!), `${format} width`).toBeLessThan(2);
    expect(Math.abs(Number(box?.[2]) - h!), `${format} height`).toBeLessThan(2);
  }

  await page.goto(decoded!.data);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
});
