import { PassThrough } from "node:stream";
import type { ActionFunctionArgs, AppLoadContext, EntryContext, LoaderFunctionArgs } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { catalogues, locales, registerCatalogue } from "~/lib/i18n";
import { log } from "~/lib/log.server";
import { NonceContext } from "~/ui/nonce";
import { RequestIdContext } from "~/ui/request-id";

export { startup } from "~/startup.server";
export { runWithRequestClock } from "~/lib/clock.server";
export { runInRequestScope } from "~/lib/request-scope.server";
export { giveUpJobLeases, runScheduledJobs } from "~/jobs.server";
export { checkHealth } from "~/lib/health.server";
export { log } from "~/lib/log.server";
export { closeDb } from "~db/client.server";
export { backgroundMailSent } from "~/lib/mail.server";
export { pageCache } from "~/routes-support/page-cache.server";
export { rememberingMatchRoutes } from "~/lib/route-matching.server";
export { createRenderGate } from "~/lib/render-gate.server";
export { mapImageOrigin } from "~/routes-support/map-settings.server";

const renderTimeoutMs = 5_000;

// The server renders in every language.
for (const locale of locales) registerCatalogue(locale, catalogues[locale]);

// Pages are rendered whole before they are sent: residents on slow phones or without JavaScript
// get a complete page, and nothing on this site streams deferred data.
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  return new Promise<Response>((resolve, reject) => {
    let failed = false;
    // The render is cut off if it hangs; once it is done the timer goes, or it would keep every
    // finished render (its tree and its data) alive for seconds: 115 → 322 MB after 4,000 pages (issue 19).
    let timer: ReturnType<typeof setTimeout> | undefined;
    let done = false;
    const finish = () => {
      done = true;
      clearTimeout(timer);
    };
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={loadContext.cspNonce}>
        <RequestIdContext.Provider value={loadContext.requestId}>
          <RemixServer context={remixContext} url={request.url} abortDelay={renderTimeoutMs} nonce={loadContext.cspNonce} />
        </RequestIdContext.Provider>
      </NonceContext.Provider>,
      {
        nonce: loadContext.cspNonce,
        onAllReady() {
          finish();
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: failed ? 500 : responseStatusCode }));
          pipe(body);
        },
        onShellError(error) {
          finish();
          reject(error);
        },
        onError(error) {
          failed = true;
          log.error({ reqId: loadContext.requestId, err: error }, "render error");
        },
      },
    );
    if (!done) timer = setTimeout(abort, renderTimeoutMs + 1000);
  });
}

export function handleError(error: unknown, { request, context }: LoaderFunctionArgs | ActionFunctionArgs) {
  // An aborted request (the visitor left) is not an error worth logging.
  if (request.signal.aborted) return;
  log.error({ reqId: context.requestId, method: request.method, path: new URL(request.url).pathname, err: error }, "request failed");
}
