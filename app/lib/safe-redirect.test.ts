import { describe, expect, it } from "vitest";
import { keepingReturnPath, safeRedirectPath } from "./safe-redirect";

describe("safeRedirectPath", () => {
  it("keeps a path on this site and refuses one that leaves it", () => {
    expect(safeRedirectPath("/rondes/a/stemmen?x=1")).toBe("/rondes/a/stemmen?x=1");
    expect(safeRedirectPath("//evil.example")).toBe("/");
    expect(safeRedirectPath("/\\evil.example")).toBe("/");
    expect(safeRedirectPath("https://evil.example")).toBe("/");
    expect(safeRedirectPath(null, "/account")).toBe("/account");
  });
});

describe("keepingReturnPath", () => {
  it("carries the return path to the other auth page", () => {
    expect(keepingReturnPath("/registreren", "/rondes/a/ideeen/3/meedoen")).toBe("/registreren?redirectTo=%2Frondes%2Fa%2Fideeen%2F3%2Fmeedoen");
  });
  it("adds nothing for the home page or no return path", () => {
    expect(keepingReturnPath("/inloggen", "/")).toBe("/inloggen");
    expect(keepingReturnPath("/inloggen", null)).toBe("/inloggen");
  });
  it("drops a return path that would leave the site", () => {
    expect(keepingReturnPath("/registreren", "//evil.example")).toBe("/registreren");
  });
});
