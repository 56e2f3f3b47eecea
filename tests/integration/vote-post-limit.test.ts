import { describe, expect, it } from "vitest";
import { readBallotForm } from "~/routes-support/ballot-form.server";
import { useTestDatabase } from "../support/test-db";

// Issue 16: every form is read within a limit, the ballot too, although it skips the FormData parser.

useTestDatabase();

function streamedBallot(bytes: number): ReadableStream<Uint8Array> {
  const chunk = new TextEncoder().encode("sticker=1&".repeat(6_000));
  let made = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (made >= bytes) return controller.close();
      controller.enqueue(chunk);
      made += chunk.byteLength;
    },
  });
}

const vote = (body: BodyInit) =>
  new Request("http://localhost/rondes/x/stemmen", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body,
    duplex: "half",
  } as RequestInit);

describe("the ballot's form", () => {
  it("is refused with 413 when a streamed post passes its limit, and read when it fits", async () => {
    const refused = await readBallotForm(vote(streamedBallot(20 * 1024 * 1024))).catch((thrown: unknown) => thrown);
    expect(refused).toBeInstanceOf(Response);
    expect((refused as Response).status).toBe(413);
    expect((await readBallotForm(vote("sticker=3&sticker=5"))).getAll("sticker")).toEqual(["3", "5"]);
  });
});
