import { runWithRequestClock } from "~/lib/clock.server";

// Integration tests call a route's loader or action as Remix would, without a server: one way to do it.

export type RouteFn = (args: { request: Request; params: Record<string, string>; context: never }) => Promise<unknown>;

export interface RouteCall {
  path: string;
  params?: Record<string, string>;
  /** GET, or POST when there is a body. */
  method?: string;
  cookie?: string;
  /** The clock the request runs at (the test clock's cookie); the real clock when left out. */
  at?: number;
  body?: FormData | URLSearchParams;
}

/** What the route returned, or what it threw (a redirect, a 404, a refusal): tests look at both alike. */
export async function callRoute(fn: RouteFn, options: RouteCall): Promise<unknown> {
  const cookie = [options.cookie, options.at === undefined ? undefined : `wv_test_now=${options.at}`].filter(Boolean).join("; ");
  const request = new Request(`http://localhost${options.path}`, {
    method: options.method ?? (options.body ? "POST" : "GET"),
    headers: cookie ? { Cookie: cookie } : {},
    body: options.body,
  });
  return runWithRequestClock(cookie || undefined, () => fn({ request, params: options.params ?? {}, context: {} as never })).catch((error: unknown) => error);
}

/** The data of a `data(…)` answer, or the plain object a loader returned. */
export function dataOf<T>(result: unknown): T {
  return (result && typeof result === "object" && "data" in result ? (result as { data: unknown }).data : result) as T;
}

/** A posted form; a list posts the same name more than once. */
export function formOf(values: Record<string, string | readonly string[] | Blob>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(values))
    for (const item of typeof value === "string" || value instanceof Blob ? [value] : value) form.append(name, item);
  return form;
}
