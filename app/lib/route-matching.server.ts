// Route matching remembered by path (issue 19). Remix and React Router match a request's path against
// the ~90 routes about six times per page (the server's match, the data router's, the render's, and
// one per parent path for the partial manifest), and each call flattens and ranks every route and
// builds its regular expressions anew: a fifth of a rendered page's CPU. Which routes match a path,
// with which params, depends only on the route tree's shape and the path, so the answer is kept per
// (shape, path) and handed back with the route objects of the tree asked about (React Router makes a
// new tree of the same shape for every render).
//
// server.mjs puts the wrapper in place of @remix-run/router's `matchRoutes`, which Remix's route
// matching, its partial manifest and React Router's render look up on that module when they call it.
// The router's own static handler calls its inner copy: that one match per request stays.

type Params = Record<string, string | undefined>;

/** What matchRoutes reads of a route (and the id, to find the route again in another tree). */
export type RouteShape = { id?: string; path?: string; index?: boolean; caseSensitive?: boolean; children?: RouteShape[] };
type Match<R> = { params: Params; pathname: string; pathnameBase: string; route: R };
export type MatchRoutes = <R extends RouteShape>(routes: R[], location: string | { pathname?: string }, basename?: string) => Match<R>[] | null;

type Tree = { shape: number; byId: Map<string, RouteShape> };
type Remembered = { routeIds: string[]; params: Params; pathnames: [string, string][] } | null;

const MAX_PATHS = 2_000;

/** The shape as text: the same text, the same matches for every path. Null when a route has no id (or one twice). */
function describe(routes: RouteShape[], byId: Map<string, RouteShape>): string | null {
  let text = "";
  for (const route of routes) {
    if (typeof route.id !== "string" || byId.has(route.id)) return null;
    byId.set(route.id, route);
    const children = route.children ? describe(route.children, byId) : "";
    if (children === null) return null;
    // Control characters as separators: no id or path holds them.
    text += `${route.id}\u0000${route.path ?? "\u0001"}\u0000${route.index === true ? 1 : 0}${route.caseSensitive === true ? 1 : 0}\u0002${children}\u0003`;
  }
  return text;
}

export function rememberingMatchRoutes(original: MatchRoutes): MatchRoutes & { stats: () => { paths: number; shapes: number } } {
  const shapes = new Map<string, number>();
  const trees = new WeakMap<object, Tree | null>();
  const remembered = new Map<string, Remembered>();

  function treeOf(routes: RouteShape[]): Tree | null {
    let tree = trees.get(routes);
    if (tree === undefined) {
      const byId = new Map<string, RouteShape>();
      const text = describe(routes, byId);
      if (text === null) tree = null;
      else {
        let shape = shapes.get(text);
        if (shape === undefined) {
          // A new shape only when the routes change (a development server's reload): start afresh.
          if (shapes.size >= 16) {
            shapes.clear();
            remembered.clear();
          }
          shape = shapes.size;
          shapes.set(text, shape);
        }
        tree = { shape, byId };
      }
      trees.set(routes, tree);
    }
    return tree;
  }

  const matchRoutes = (<R extends RouteShape>(routes: R[], location: string | { pathname?: string }, basename = "/"): Match<R>[] | null => {
    const tree = treeOf(routes);
    const path = typeof location === "string" ? location : location.pathname;
    if (!tree || typeof path !== "string") return original(routes, location, basename);
    const key = `${tree.shape} ${basename} ${path}`;
    let found = remembered.get(key);
    if (found === undefined) {
      const matches = original(routes, location, basename);
      found = matches && {
        routeIds: matches.map((m) => m.route.id!),
        params: { ...matches.at(-1)?.params },
        pathnames: matches.map((m): [string, string] => [m.pathname, m.pathnameBase]),
      };
      if (remembered.size >= MAX_PATHS) remembered.delete(remembered.keys().next().value!);
      remembered.set(key, found);
      return matches;
    }
    if (found === null) return null;
    // As the router does: every match of one path shares one params object. A fresh one per call.
    const params = { ...found.params };
    return found.routeIds.map((id, i) => ({ params, pathname: found.pathnames[i]![0], pathnameBase: found.pathnames[i]![1], route: tree.byId.get(id) as R }));
  }) as MatchRoutes;

  return Object.assign(matchRoutes, { stats: () => ({ paths: remembered.size, shapes: shapes.size }) });
}
