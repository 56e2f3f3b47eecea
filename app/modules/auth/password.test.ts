import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password.server";

describe("verifyPassword", () => {
  it("matches the right password only", async () => {
    const stored = await hashPassword("fietsen langs de ijssel");
    expect(await verifyPassword(stored, "fietsen langs de ijssel")).toBe(true);
    expect(await verifyPassword(stored, "fietsen langs de rijn")).toBe(false);
  });

  it("lets a deleted account's '!' match nothing", async () => {
    expect(await verifyPassword("!", "!")).toBe(false);
  });

  it("does not pass a broken stored hash off as a wrong password (issue 17.5)", async () => {
    await expect(verifyPassword("$argon2id$v=19$m=19456,t=2,p=1$kapot$kapot", "x")).rejects.toThrow();
  });
});
