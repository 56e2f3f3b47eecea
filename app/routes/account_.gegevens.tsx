import type { LoaderFunctionArgs } from "@remix-run/node";
import { now } from "~/lib/clock.server";
import { exportPersonalData } from "~/workflows/personal-data.server";
import { requireUser } from "~/routes-support/guards.server";

// "Download al je gegevens" (AVG, right of access): everything stored about the logged-in resident, as JSON.
export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireUser(request);
  const at = now();
  const data = await exportPersonalData(user.id, at);
  if (!data) throw new Response("Not Found", { status: 404 });
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="wijkvonk-gegevens-${new Date(at).toISOString().slice(0, 10)}.json"`,
      "Cache-Control": "private, no-store",
    },
  });
}
