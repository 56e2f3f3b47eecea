// A Remix server build made of a few of the app's own route modules, for page-level tests in Vitest,
// which runs before `npm run build` (scripts/test.mjs): the real entry.server (handleError, the
// request id on the page), the real root (layout, ErrorBoundary) and the real route, through Remix's
// own request handler. Only the browser assets are fake: no test here loads them.
import { createRequestHandler, type AppLoadContext, type ServerBuild } from "@remix-run/server-runtime";
import * as entry from "~/entry.server";
import * as root from "~/root";

type RouteModule = { action?: unknown; loader?: unknown; ErrorBoundary?: unknown; default?: unknown };

/** A request handler for root plus the given routes, each as in app/routes: id "routes/<file name>" and its URL path. */
export function testRequestHandler(
  routes: { id: string; path: string; module: RouteModule }[],
): (request: Request, context: AppLoadContext) => Promise<Response> {
  const flags = (module: RouteModule) => ({
    hasAction: typeof module.action === "function",
    hasLoader: typeof module.loader === "function",
    hasClientAction: false,
    hasClientLoader: false,
    hasErrorBoundary: typeof module.ErrorBoundary === "function",
  });
  const build = {
    mode: "production",
    entry: { module: entry },
    routes: {
      root: { id: "root", path: "", module: root },
      ...Object.fromEntries(routes.map((r) => [r.id, { id: r.id, parentId: "root", path: r.path, module: r.module }])),
    },
    assets: {
      version: "test",
      url: "/assets/manifest-test.js",
      entry: { module: "/assets/entry.client-test.js", imports: [] },
      routes: {
        root: { id: "root", path: "", module: "/assets/root-test.js", ...flags(root) },
        ...Object.fromEntries(routes.map((r) => [r.id, { id: r.id, parentId: "root", path: r.path, module: `/assets/${r.id}-test.js`, ...flags(r.module) }])),
      },
    },
    publicPath: "/",
    assetsBuildDirectory: "build/client",
    future: { v3_singleFetch: true, v3_lazyRouteDiscovery: true },
    isSpaMode: false,
  } as unknown as ServerBuild;
  return createRequestHandler(build, "production");
}
