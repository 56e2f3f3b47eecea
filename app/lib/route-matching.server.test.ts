import { createRequire } from "node:module";
import { describe, expect, it, vi } from "vitest";
import { rememberingMatchRoutes, type MatchRoutes, type RouteShape } from "./route-matching.server";

// The router server.mjs puts the wrapper on: the same module Remix and React Router call.
const { matchRoutes } = createRequire(import.meta.url)("@remix-run/router") as { matchRoutes: MatchRoutes };

/** A tree shaped like app/routes: a root layout, index routes, pathless layouts, params, an optional segment and a splat. */
function tree(): RouteShape[] {
  return [
    {
      id: "root",
      path: "",
      children: [
        { id: "routes/_index", index: true },
        { id: "routes/rondes._index", path: "rondes", index: true },
        {
          id: "routes/rondes.$slug",
          path: "rondes/:slug",
          children: [
            { id: "routes/rondes.$slug._index", index: true },
            { id: "routes/rondes.$slug.ideeen", path: "ideeen" },
            { id: "routes/rondes.$slug.ideeen.$id", path: "ideeen/:id" },
          ],
        },
        { id: "routes/rondes.$slug_.stemmen", path: "rondes/:slug/stemmen" },
        { id: "routes/rondes.$slug.uitslag", path: "rondes/:slug/uitslag", caseSensitive: true },
        { id: "routes/organiseren.$slug", path: "organiseren/:slug/:tab?" },
        {
          id: "routes/_account",
          children: [
            { id: "routes/_account.account", path: "account" },
            { id: "routes/_account.inloggen", path: "inloggen" },
          ],
        },
        { id: "routes/$", path: "*" },
      ],
    },
  ];
}

const paths = [
  "/",
  "/rondes",
  "/rondes/",
  "/rondes/groen-2026",
  "/rondes/groen-2026/ideeen",
  "/rondes/groen-2026/ideeen/17",
  "/rondes/groen-2026/stemmen",
  "/rondes/groen-2026/uitslag",
  "/rondes/groen-2026/UITSLAG",
  "/organiseren/groen-2026",
  "/organiseren/groen-2026/jury",
  "/account",
  "/inloggen",
  "/rondes/caf%C3%A9/ideeen",
  "/bestaat/niet/hier",
  "/rondes/groen-2026?x=1#top",
];

describe("route matching remembered by path", () => {
  it("answers as the router does for every kind of route, also when asked again", () => {
    const remembering = rememberingMatchRoutes(matchRoutes);
    for (const round of [1, 2]) {
      for (const path of paths) {
        const routes = tree();
        expect(remembering(routes, path), `${path} (${round})`).toEqual(matchRoutes(routes, path));
        expect(remembering(routes, { pathname: path.split(/[?#]/)[0] }), `${path} as a location`).toEqual(
          matchRoutes(routes, { pathname: path.split(/[?#]/)[0] }),
        );
      }
    }
    const routes = tree();
    expect(remembering(routes, "/app/rondes", "/app")).toEqual(matchRoutes(routes, "/app/rondes", "/app"));
    expect(remembering(routes, "/elders", "/app")).toBeNull();
  });

  it("matches each path once per shape of tree, and answers with the routes of the tree it was asked about", () => {
    const counted = vi.fn(matchRoutes);
    const remembering = rememberingMatchRoutes(counted as unknown as MatchRoutes);
    const first = tree();
    const second = tree();
    const a = remembering(first, "/rondes/groen-2026/ideeen/17")!;
    const b = remembering(second, "/rondes/groen-2026/ideeen/17")!;
    expect(counted).toHaveBeenCalledTimes(1);
    expect(b.map((m) => m.route.id)).toEqual(["root", "routes/rondes.$slug", "routes/rondes.$slug.ideeen.$id"]);
    expect(b[2]!.route).toBe(second[0]!.children![2]!.children![2]);
    expect(a[2]!.route).toBe(first[0]!.children![2]!.children![2]);
    // One params object per answer, shared by its matches as the router shares it, never with an earlier answer.
    expect(b[0]!.params).toEqual({ slug: "groen-2026", id: "17" });
    expect(b[0]!.params).toBe(b[2]!.params);
    expect(b[0]!.params).not.toBe(a[0]!.params);
    b[0]!.params.slug = "changed";
    expect(remembering(first, "/rondes/groen-2026/ideeen/17")![0]!.params.slug).toBe("groen-2026");
  });

  it("tells trees of another shape apart: another path, order or case-sensitivity gives other matches", () => {
    const counted = vi.fn(matchRoutes);
    const remembering = rememberingMatchRoutes(counted as unknown as MatchRoutes);
    const base = tree();
    const moved = tree();
    moved[0]!.children![4]!.path = "rondes/:slug/uitkomst";
    const insensitive = tree();
    insensitive[0]!.children![4]!.caseSensitive = false;
    for (const routes of [base, moved, insensitive]) {
      for (const path of ["/rondes/x/uitslag", "/rondes/x/UITSLAG", "/rondes/x/uitkomst"]) expect(remembering(routes, path)).toEqual(matchRoutes(routes, path));
    }
    expect(counted).toHaveBeenCalledTimes(9);
    expect(remembering.stats().shapes).toBe(3);
  });

  it("leaves a tree whose routes have no ids (or one twice) to the router, every time", () => {
    const counted = vi.fn(matchRoutes);
    const remembering = rememberingMatchRoutes(counted as unknown as MatchRoutes);
    const noIds: RouteShape[] = [{ path: "/", children: [{ path: "a" }] }];
    const twice: RouteShape[] = [
      { id: "x", path: "a" },
      { id: "x", path: "b" },
    ];
    for (let i = 0; i < 2; i++) {
      expect(remembering(noIds, "/a")).toEqual(matchRoutes(noIds, "/a"));
      expect(remembering(twice, "/b")).toEqual(matchRoutes(twice, "/b"));
    }
    expect(counted).toHaveBeenCalledTimes(4);
  });

  it("keeps a bounded number of paths, however many a visitor makes up", () => {
    const remembering = rememberingMatchRoutes(matchRoutes);
    const routes = tree();
    for (let i = 0; i < 5_000; i++) remembering(routes, `/rondes/r${i}/ideeen`);
    expect(remembering.stats().paths).toBeLessThanOrEqual(2_000);
    expect(remembering(routes, "/rondes/r1/ideeen")).toEqual(matchRoutes(routes, "/rondes/r1/ideeen"));
  });
});
