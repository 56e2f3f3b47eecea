import { many } from "~db/query.server";
import { createServer, type AddressInfo, type Server } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { devMailbox } from "~db/schema";
import { resetEnvForTests } from "~/lib/env.server";
import { sendMail } from "~/lib/mail.server";
import { useTestDatabase } from "../support/test-db";

const { db } = useTestDatabase();

// The smallest SMTP server that lets nodemailer deliver one message: enough to see what goes over the wire.
function startSmtpServer(received: string[]): Promise<Server> {
  return new Promise((resolve) => {
    const server = createServer((socket) => {
      let inData = false;
      let buffer = "";
      let message = "";
      socket.write("220 test ESMTP\r\n");
      socket.on("data", (chunk) => {
        buffer += chunk.toString("utf8");
        let newline: number;
        while ((newline = buffer.indexOf("\r\n")) >= 0) {
          const line = buffer.slice(0, newline);
          buffer = buffer.slice(newline + 2);
          if (inData) {
            if (line === ".") {
              inData = false;
              received.push(message);
              socket.write("250 OK queued\r\n");
            } else message += `${line}\n`;
            continue;
          }
          const verb = line.slice(0, 4).toUpperCase();
          if (verb === "EHLO" || verb === "HELO") socket.write("250 test\r\n");
          else if (verb === "DATA") {
            inData = true;
            message = "";
            socket.write("354 go ahead\r\n");
          } else if (verb === "QUIT") socket.end("221 bye\r\n");
          else socket.write("250 OK\r\n");
        }
      });
    });
    server.listen(0, "127.0.0.1", () => resolve(server));
  });
}

describe("sendMail", () => {
  const received: string[] = [];
  let server: Server;
  beforeAll(async () => {
    server = await startSmtpServer(received);
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
