/** The HTTP status a route function answered with: a Response, a `data(…, { status })`, or plain data (200). */
export function statusOf(result: unknown): number {
  if (result instanceof Response) return result.status;
  if (result && typeof result === "object" && "type" in result && result.type === "DataWithResponseInit")
    return (result as { init?: { status?: number } }).init?.status ?? 200;
  return 200;
}
