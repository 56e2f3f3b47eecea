import { describe, expect, it, vi } from "vitest";
import { runInRequestScope } from "~/lib/request-scope.server";
import { registerAccount } from "~/modules/auth/accounts.server";
import { getLucia } from "~/modules/auth/lucia.server";
import { createSessionCookie, getAuth } from "~/modules/auth/session.server";
import { useTestDatabase } from "../support/test-db";

// Issue 19: a page's loaders each get a Request of their own from Remix; the session and grants are
// looked up once per page request all the same (server.mjs runs each GET in a request scope).

useTestDatabase();

async function loggedInCookie(email: string): Promise<string> {
  const result = await registerAccount({
    name: "Test",
    email,
    password: "fietsen langs de ijssel",
    postcode: "7416 BK",
    locale: "nl",
    ip: "10.9.9.9",
    origin: "http://localhost",
  });
  if (!result.ok || result.userId === null) throw new Error("registration failed");
  return (await createSessionCookie(result.userId)).split(";")[0]!;
}

const requestWith = (cookie: string) => new Request("http://localhost/rondes", { headers: { Cookie: cookie } });

describe("the session in a page request", () => {
  it("is validated once for all the loaders' Requests of one page request", async () => {
    const cookie = await loggedInCookie("eenmaal@voorbeeld.nl");
    const validate = vi.spyOn(getLucia(), "validateSession");
    const [root, page, nested] = await runInRequestScope(() =>
      Promise.all([getAuth(requestWith(cookie)), getAuth(requestWith(cookie)), getAuth(requestWith(cookie))]),
    );
    expect(validate).toHaveBeenCalledTimes(1);
    expect(root.user?.email).toBe("eenmaal@voorbeeld.nl");
    expect(page).toBe(root);
    expect(nested).toBe(root);
    validate.mockRestore();
  });

  it("is validated again in the next page request, and for another cookie; outside a scope per Request as before", async () => {
    const cookie = await loggedInCookie("opnieuw@voorbeeld.nl");
    const other = await loggedInCookie("iemand-anders@voorbeeld.nl");
    const validate = vi.spyOn(getLucia(), "validateSession");
    await runInRequestScope(() => getAuth(requestWith(cookie)));
    await runInRequestScope(() => getAuth(requestWith(cookie)));
    expect(validate).toHaveBeenCalledTimes(2);
    const [mine, theirs] = await runInRequestScope(() => Promise.all([getAuth(requestWith(cookie)), getAuth(requestWith(other))]));
    expect([mine.user?.email, theirs.user?.email]).toEqual(["opnieuw@voorbeeld.nl", "iemand-anders@voorbeeld.nl"]);
    await Promise.all([getAuth(requestWith(cookie)), getAuth(requestWith(cookie))]);
    expect(validate).toHaveBeenCalledTimes(6);
    validate.mockRestore();
  });
});
