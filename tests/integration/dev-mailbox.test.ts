import { describe, expect, it } from "vitest";
import { sendMail } from "~/lib/mail.server";
import * as devMailRoute from "~/routes/dev.mail";
import { testRequestHandler } from "../support/test-build";
import { useTestDatabase } from "../support/test-db";

// Issue 16: the demo's /dev/mail showed every reset link and vote receipt to anyone who could reach
// the server. It answers the machine itself only: by the connection's address, not by a header.

useTestDatabase();
const handler = testRequestHandler([{ id: "routes/dev.mail", path: "dev/mail", module: devMailRoute }]);

async function openMailbox(peerAddress: string | undefined, headers: Record<string, string> = {}) {
  const response = await handler(new Request("http://localhost/dev/mail", { headers }), { requestId: "test", peerAddress });
  return { status: response.status, text: await response.text() };
}

describe("the development mailbox", () => {
  it("shows the mails to a request from this machine", async () => {
    await sendMail({ to: "beheer@wijkvonk.nl", subject: "Nieuw wachtwoord", text: "https://localhost/wachtwoord-herstellen?token=geheim" });
    for (const address of ["127.0.0.1", "::1", "::ffff:127.0.0.1"]) {
      const page = await openMailbox(address);
      expect(page.status).toBe(200);
      expect(page.text).toContain("token=geheim");
    }
  });

  it("does not exist for a request from another machine", async () => {
    for (const address of ["192.0.2.7", "10.0.0.1", "::ffff:192.0.2.7", "2001:db8::1"]) {
      const page = await openMailbox(address);
      expect(page.status).toBe(404);
      expect(page.text).not.toContain("token=geheim");
    }
  });

  it("does not exist for a request a proxy on this machine passed on, whatever address its header names", async () => {
    expect((await openMailbox("127.0.0.1", { "X-Forwarded-For": "127.0.0.1" })).status).toBe(404);
    expect((await openMailbox("127.0.0.1", { Forwarded: "for=127.0.0.1" })).status).toBe(404);
  });

  it("does not exist when the server does not say where the request came from (outside development)", async () => {
    expect((await openMailbox(undefined)).status).toBe(404);
  });
});
