import type { ActionFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { makeCodeBatchFromRequest } from "~/routes-support/code-batch-request.server";
import { codesCsv } from "~/modules/voting/codes.server";

// A resource route (no page): the browser saves its answer as a file. A page route cannot hand
// back a download from its action, which is why the CSV has a URL of its own.
export async function action({ request, params }: ActionFunctionArgs) {
  const batch = await makeCodeBatchFromRequest(request, params.slug);
  if (!batch.ok) throw data({ message: batch.errors.join(" ") }, { status: batch.status });
  return new Response(codesCsv(batch.codes), {
    headers: {
      "Cache-Control": "no-store",
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="stemcodes-${batch.details.contest.slug}-${batch.batchId}.csv"`,
    },
  });
}
