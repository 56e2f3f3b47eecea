// How a use case says no. A feature never answers in HTTP (docs/decisions/020-feature-layers.md): it
// returns a result, or throws a Refusal, and the route turns that into a status
// (asHttp in app/routes-support/refusals.server.ts).

/** What kind of no: the route maps not-found to 404, forbidden to 403, conflict to 409. */
export type RefusalKind = "not-found" | "forbidden" | "conflict";

/** What the error page shows of a refusal: a message (a feature's refusal may carry codes to word instead). */
export type RefusalBody = { message: string; reason?: string };

export class Refusal extends Error {
  constructor(
    readonly kind: RefusalKind,
    readonly body: RefusalBody,
  ) {
    super(body.message);
    this.name = new.target.name;
  }
}
