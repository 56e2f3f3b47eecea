import { many } from "~db/query.server";
import type { AddressInfo, Server } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { devMailbox } from "~db/schema";
import { resetEnvForTests } from "~/lib/env.server";
import { sendMail } from "~/lib/mail.server";
import { startSmtpServer } from "../support/smtp-server";
import { useTestDatabase } from "../support/test-db";

const { db } = useTestDatabase();

describe("sendMail", () => {
  const received: string[] = [];
  let server: Server;
  beforeAll(async () => {
    server = await startSmtpServer(({ message }) => {
      received.push(message);
      return "250 OK queued";
    });
  });
  afterAll(() => {
    delete process.env.SMTP_URL;
    resetEnvForTests();
    server.close();
  });

  it("puts mail in the development mailbox when there is no SMTP server", async () => {
    await sendMail({ to: "anna@voorbeeld.nl", subject: "Hallo", text: "Tekst" });
    expect(await many(db().select().from(devMailbox))).toMatchObject([{ to: "anna@voorbeeld.nl", subject: "Hallo", text: "Tekst" }]);
  });

  it("sends through SMTP when SMTP_URL is set, and then stores nothing", async () => {
    process.env.SMTP_URL = `smtp://127.0.0.1:${(server.address() as AddressInfo).port}`;
    resetEnvForTests();
    await sendMail({ to: "piet@voorbeeld.nl", subject: "Welkom bij Wijkvonk", text: "Fijn dat je meedoet." });
    expect(received).toHaveLength(1);
    expect(received[0]).toMatch(/^To: piet@voorbeeld.nl$/m);
    expect(received[0]).toMatch(/^Subject: Welkom bij Wijkvonk$/m);
    expect(received[0]).toContain("Fijn dat je meedoet.");
    expect(await many(db().select().from(devMailbox))).toHaveLength(1);
  });
});
