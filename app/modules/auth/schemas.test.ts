import { describe, expect, it } from "vitest";
import { loginSchema, registerSchema } from "./schemas";

function issues(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));
}

describe("registerSchema", () => {
  const valid = { name: " Anna ", email: " Anna@Voorbeeld.NL ", password: "fietsen langs de ijssel", postcode: "7416bk" };

  it("normalises email and postcode and trims the name", () => {
    const r = registerSchema.safeParse(valid);
    expect(r.success && r.data).toMatchObject({ name: "Anna", email: "anna@voorbeeld.nl", postcode: "7416 BK", redirectTo: "/" });
  });

  it("refuses each bad field with its own message key", () => {
    const r = registerSchema.safeParse({ name: "", email: "geen-email", password: "kort", postcode: "74A1" });
    expect(issues(r)).toEqual({
      name: "validation.required",
      email: "validation.emailInvalid",
      password: "validation.passwordTooShort",
      postcode: "validation.postcodeInvalid",
    });
  });

  it("refuses common passwords and passwords that are the email with a little added", () => {
    expect(issues(registerSchema.safeParse({ ...valid, password: "Wachtwoord123" }))).toEqual({ password: "validation.passwordTooCommon" });
    expect(issues(registerSchema.safeParse({ ...valid, email: "fietsenlangs@voorbeeld.nl", password: "fietsenlangs1" }))).toEqual({
      password: "validation.passwordTooCommon",
    });
    expect(issues(registerSchema.safeParse({ ...valid, password: "aaaaaaaaaaaa" }))).toEqual({ password: "validation.passwordTooCommon" });
  });

  it("only redirects to paths on this site", () => {
    for (const redirectTo of ["//evil.example", "https://evil.example", "/\\evil.example"]) {
      const r = registerSchema.safeParse({ ...valid, redirectTo });
      expect(r.success && r.data.redirectTo).toBe("/");
    }
    const ok = registerSchema.safeParse({ ...valid, redirectTo: "/organiseren?x=1" });
    expect(ok.success && ok.data.redirectTo).toBe("/organiseren?x=1");
  });
});

describe("loginSchema", () => {
  it("does not apply password length rules at login", () => {
    expect(loginSchema.safeParse({ email: "a@b.nl", password: "x" }).success).toBe(true);
    expect(issues(loginSchema.safeParse({ email: "a@b.nl" }))).toEqual({ password: "validation.required" });
  });
});
