import { createRequire } from "node:module";
import { afterEach, describe, expect, it, vi } from "vitest";
import { rememberingMatchRoutes, type MatchRoutes } from "~/lib/route-matching.server";
import * as privacyRoute from "~/routes/privacy";
import { testRequestHandler } from "../support/test-build";
import { useTestDatabase } from "../support/test-db";

// Issue 19: route matching is done once per path, not about six times per page. server.mjs puts
// rememberingMatchRoutes in place of @remix-run/router's matchRoutes; Remix's request handler and
// React Router's render call it through that module, so a second page for the same path matches nothing anew.

useTestDatabase();

const router = createRequire(import.meta.url)("@remix-run/router") as { matchRoutes: MatchRoutes };
const original = router.matchRoutes;
afterEach(() => {
  router.matchRoutes = original;
});

describe("route matching in Remix's request handler", () => {
  it("goes through the router module's matchRoutes, and with the wrapper in place a second page of the same path matches nothing anew", async () => {
    const counted = vi.fn(original);
    router.matchRoutes = rememberingMatchRoutes(counted as unknown as MatchRoutes);
    const handler = testRequestHandler([{ id: "routes/privacy", path: "privacy", module: privacyRoute }]);
    const page = async () => {
      const response = await handler(new Request("http://localhost/privacy"), { requestId: "match-test", cspNonce: "n0nce" } as never);
      expect(response.status).toBe(200);
      return response.text();
    };
    const first = await page();
    const matched = counted.mock.calls.length;
    expect(matched).toBeGreaterThanOrEqual(2);
    expect(await page()).toBe(first);
    expect(counted.mock.calls.length).toBe(matched);
  });
});
