import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../../tests/support/test-db";
import { POST_LIMITS, readForm } from "./http.server";

// Issue 16: a form post is read within its form's limit, refused with 413 as soon as it passes it.

// The refusal is worded in the reader's language, which may be their account's.
useTestDatabase();

const MB = 1024 * 1024;

/** A form body of about `bytes` bytes, made as it is read. */
function streamedBody(bytes: number): ReadableStream<Uint8Array> {
  const chunk = new TextEncoder().encode("x".repeat(64 * 1024));
  let made = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (made >= bytes) return controller.close();
      controller.enqueue(made === 0 ? new TextEncoder().encode("email=") : chunk);
      made += made === 0 ? 6 : chunk.byteLength;
    },
  });
}

function post(body: BodyInit, headers: Record<string, string> = {}): Request {
  return new Request("http://localhost/inloggen", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
    body,
    duplex: "half",
  } as RequestInit);
}

async function statusOf(promise: Promise<unknown>): Promise<number> {
  const outcome = await promise.then(
    () => 200,
    (thrown: unknown) => (thrown instanceof Response ? thrown.status : -1),
  );
  return outcome;
}

describe("readForm", () => {
  it("reads a form within its limit", async () => {
    const form = await readForm(post("email=anna%40voorbeeld.nl&password=geheim"));
    expect(Object.fromEntries(form)).toEqual({ email: "anna@voorbeeld.nl", password: "geheim" });
  });

  it("refuses a post that announces more than the limit with 413, saying so in the reader's language", async () => {
    const refusal = await readForm(post(streamedBody(20 * MB), { "Content-Length": String(20 * MB), Cookie: "wv_lang=en" })).catch((thrown: unknown) => thrown);
    expect(refusal).toBeInstanceOf(Response);
    expect((refusal as Response).status).toBe(413);
    expect(await (refusal as Response).json()).toEqual({ title: "This form is too large", message: expect.stringContaining("more than this form can hold") });
  });

  it("refuses a chunked post (no length announced) once it passes the limit", async () => {
    expect(await statusOf(readForm(post(streamedBody(20 * MB))))).toBe(413);
  });

  it("takes each form's own limit: a long idea text fits the text limit, not the short one", async () => {
    const idea = `description=${"a".repeat(20_000)}`;
    expect(await statusOf(readForm(post(idea)))).toBe(413);
    expect((await readForm(post(idea), POST_LIMITS.text)).get("description")).toHaveLength(20_000);
  });

  it("still answers a body that is no form with 400", async () => {
    expect(await statusOf(readForm(post("{}", { "Content-Type": "application/json" })))).toBe(400);
  });
});
