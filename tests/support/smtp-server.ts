import { createServer, type Server } from "node:net";

/** One message as it went over the wire: the RCPT address and the DATA lines joined with "\n". */
export type SmtpMessage = { to: string; message: string };

/**
 * The smallest SMTP server nodemailer delivers to, on a free loopback port, for tests that see what goes
 * over the wire. `answer` gives the reply to each message's DATA ("250 OK queued" to take it, a 5xx to
 * refuse it), and may hold it back by answering later.
 */
export function startSmtpServer(answer: (mail: SmtpMessage) => string | Promise<string> = () => "250 OK queued"): Promise<Server> {
  return new Promise((resolve) => {
    const server = createServer((socket) => {
      let inData = false;
      let buffer = "";
      let message = "";
      let to = "";
      socket.write("220 test ESMTP\r\n");
      socket.on("error", () => undefined);
      socket.on("data", (chunk) => {
        buffer += chunk.toString("utf8");
        let newline: number;
        while ((newline = buffer.indexOf("\r\n")) >= 0) {
          const line = buffer.slice(0, newline);
          buffer = buffer.slice(newline + 2);
          if (inData) {
            if (line !== ".") message += `${line}\n`;
            else {
              inData = false;
              void Promise.resolve(answer({ to, message })).then((reply) => socket.write(`${reply}\r\n`));
            }
            continue;
          }
          const verb = line.slice(0, 4).toUpperCase();
          if (verb === "EHLO" || verb === "HELO") socket.write("250 test\r\n");
          else if (verb === "RCPT") {
            to = line.match(/<([^>]+)>/)?.[1] ?? "";
            socket.write("250 OK\r\n");
          } else if (verb === "DATA") {
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
