import { describe, expect, it } from "vitest";
import { wayBackFrom } from "./error-page";

describe("the way back from an error page", () => {
  it("leads from a console page to the round's console, and from a round's page to the round", () => {
    expect(wayBackFrom("/organiseren/vonk-2027/ideeen/papier")).toEqual({ to: "/organiseren/vonk-2027", label: "errors.backToConsole" });
    expect(wayBackFrom("/rondes/vonk-2027/stemmen")).toEqual({ to: "/rondes/vonk-2027", label: "errors.backToRound" });
    expect(wayBackFrom("/rondes/vonk-2027/stemmen/code")).toEqual({ to: "/rondes/vonk-2027", label: "errors.backToRound" });
  });

  it("offers only the home page where there is nothing nearer", () => {
    expect(wayBackFrom("/bestaat-niet")).toBeNull();
    expect(wayBackFrom("/rondes/vonk-2027")).toBeNull();
    expect(wayBackFrom("/organiseren/team")).toBeNull();
  });
});
