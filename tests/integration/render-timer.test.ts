import { afterEach, describe, expect, it, vi } from "vitest";
import * as privacyRoute from "~/routes/privacy";
import { testRequestHandler } from "../support/test-build";
import { useTestDatabase } from "../support/test-db";

// Issue 19: the render's abort timer kept every finished page alive for six seconds (RSS 115 → 322 MB
// after 4,000 pages). A page that has been rendered leaves no timer behind.

useTestDatabase();

afterEach(() => vi.restoreAllMocks());

describe("rendering a page", () => {
  it("clears the render's abort timer once the page is rendered", async () => {
    const setSpy = vi.spyOn(globalThis, "setTimeout");
    const clearSpy = vi.spyOn(globalThis, "clearTimeout");
    const handler = testRequestHandler([{ id: "routes/privacy", path: "privacy", module: privacyRoute }]);
    const response = await handler(new Request("http://localhost/privacy"), { requestId: "timer-test", cspNonce: "n" } as never);
    expect(response.status).toBe(200);
    await response.text();
    const abortTimers = setSpy.mock.calls.flatMap((call, i) => (call[1] === 6_000 ? [setSpy.mock.results[i]!.value] : []));
    expect(abortTimers).toHaveLength(1);
    expect(clearSpy.mock.calls.map((call) => call[0])).toContain(abortTimers[0]);
  });
});
