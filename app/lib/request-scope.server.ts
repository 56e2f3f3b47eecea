import { AsyncLocalStorage } from "node:async_hooks";

// What one page request looks up once and every loader of it shares (issue 19). Remix hands each
// loader a Request of its own, so a memo keyed on the Request missed: the session and grants were
// read once per loader. server.mjs runs each GET inside a scope; outside one (a test, `remix vite:dev`,
// a form post) nothing is shared. Only GETs: an action may change what it would otherwise share
// (a login, a new grant) before the loaders run.
const scope = new AsyncLocalStorage<Map<string, unknown>>();

export function runInRequestScope<T>(fn: () => T): T {
  return scope.run(new Map(), fn);
}

/** The value for this key in this request, made by `make` the first time it is asked for. */
export function requestScoped<T>(key: string, make: () => T): T {
  const values = scope.getStore();
  if (!values) return make();
  if (values.has(key)) return values.get(key) as T;
  const value = make();
  values.set(key, value);
  return value;
}
