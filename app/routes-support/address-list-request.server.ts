import { now } from "~/lib/clock.server";
import { POST_LIMITS, readForm } from "./http.server";
import { votingPepper } from "~/lib/secrets.server";
import { requireContestManager } from "./contest-access.server";
import { phaseAt } from "~/modules/contests/phases";
import { rulesLocked } from "~/modules/contests/settings";
import { saveAddressList } from "~/modules/voting/address-list.server";
import { parseAddressList, type AddressListProblem } from "~/modules/voting/voter-identity";

export type AddressListRefusal = { status: number; problems: { line: number; problem: AddressListProblem | "locked" | "no-file" | "no-codes" }[] };

/**
 * The shared start of both ways to save the municipality's list (the page, and the download of letters
 * for it): who asks, whether the list may still change (not once voting has started, like the other
 * rules), the file, every line right, then the keyed addresses stored and the file forgotten.
 */
export async function saveAddressListFromRequest(request: Request, slug: string | undefined, withLetters: boolean) {
  const { details, actor } = await requireContestManager(request, slug);
  const at = now();
  const refuse = (status: number, problems: AddressListRefusal["problems"]) => ({ ok: false as const, refusal: { status, problems } });
  if (rulesLocked(phaseAt(details.clock, at))) return refuse(409, [{ line: 0, problem: "locked" }]);
  if (withLetters && !details.contest.eligibleByCode) return refuse(409, [{ line: 0, problem: "no-codes" }]);
  const file = (await readForm(request, POST_LIMITS.rows)).get("list");
  if (!(file instanceof File) || file.size === 0) return refuse(400, [{ line: 0, problem: "no-file" }]);
  const parsed = parseAddressList(await file.text());
  if (!parsed.ok) return refuse(400, parsed.problems);
  const saved = await saveAddressList({
    actorUserId: actor.userId,
    contestId: details.contest.id,
    addresses: parsed.addresses,
    letters: withLetters ? { label: `Brieven adressenlijst ${new Date(at).toISOString().slice(0, 10)}` } : null,
    pepper: votingPepper(),
    now: at,
  });
  return { ok: true as const, details, saved };
}
