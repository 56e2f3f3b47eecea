import type { ActionFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { addressLettersCsv } from "~/modules/voting/address-list.server";
import { saveAddressListFromRequest } from "~/routes-support/address-list-request.server";
import { getEnv, publicOrigin } from "~/lib/env.server";
import { letterCodeUrl, shortVotePath } from "~/modules/voting/paths";

// A resource route (no page): saves the address list and hands back, this once, a CSV for a mail
// merge with a voting code per eligible resident of each address (issue 15). Only keyed hashes of
// the addresses and codes stay behind; nothing here can show the codes again.
export async function action({ request, params }: ActionFunctionArgs) {
  const result = await saveAddressListFromRequest(request, params.slug, true);
  if (!result.ok) throw data(result.refusal, { status: result.refusal.status });
  // The same short address and QR target as the printed letters (Stemmen › Codes), for the mail merge.
  const origin = publicOrigin(request, getEnv().appUrl);
  const site = { shortAddress: `${origin.replace(/^https?:\/\//, "")}${shortVotePath}`, codePage: (code: string) => letterCodeUrl(origin, code) };
  return new Response(addressLettersCsv(result.saved.letters, site), {
    headers: {
      "Cache-Control": "no-store",
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="brieven-adressenlijst-${result.details.contest.slug}.csv"`,
    },
  });
}
