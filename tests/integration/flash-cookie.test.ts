import { createCookie } from "@remix-run/node";
import { afterEach, describe, expect, it } from "vitest";
import { resetEnvForTests } from "~/lib/env.server";
import { readFlash, setFlash, type Flash } from "~/lib/flash.server";
import { useTestDatabase } from "../support/test-db";

// Issue 16.7: the message for the next page, which carries a vote's receipt, travelled in an unsigned
// cookie without Secure: anyone could hand a browser a receipt of their choosing, and it went over http.

useTestDatabase();
const receipt: Flash = { key: "voting.votedFlash", params: { receipt: "K7QMA-3XPAD" } };
const requestWith = (setCookie: string) => new Request("http://localhost/", { headers: { Cookie: setCookie.split(";")[0]! } });

afterEach(() => {
  delete process.env.COOKIE_SECURE;
  resetEnvForTests();
});

describe("the flash cookie", () => {
  it("has the session cookie's flags: HttpOnly, SameSite=Lax, Path=/, and Secure where the session cookie is", async () => {
    process.env.COOKIE_SECURE = "1";
    resetEnvForTests();
    const flags = (await setFlash(receipt)).split(";").map((part) => part.trim());
    expect(flags).toEqual(expect.arrayContaining(["HttpOnly", "SameSite=Lax", "Path=/", "Secure"]));
  });

  it("reads back what the server wrote", async () => {
    expect((await readFlash(requestWith(await setFlash(receipt)))).flash).toEqual(receipt);
  });

  it("ignores a cookie the server did not sign: a made-up receipt, or a real one changed", async () => {
    const unsigned = await createCookie("wv_flash").serialize(receipt);
    expect((await readFlash(requestWith(unsigned))).flash).toBeNull();

    const [value, signature] = (await setFlash(receipt)).split(";")[0]!.split("=")[1]!.split(".");
    const other = (await createCookie("wv_flash").serialize({ ...receipt, params: { receipt: "AAAAA-BBBBB" } })).split(";")[0]!.split("=")[1]!;
    expect(other).not.toBe(value);
    expect((await readFlash(requestWith(`wv_flash=${other}.${signature}`))).flash).toBeNull();
  });
});
