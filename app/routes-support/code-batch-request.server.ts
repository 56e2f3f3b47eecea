import { parseWithZod } from "~/lib/parse-form";
import { now } from "~/lib/clock.server";
import { votingPepper } from "~/lib/secrets.server";
import { requireContestManager } from "./contest-access.server";
import { requirePhase } from "./refusals.server";
import { generateCodeBatch } from "~/modules/voting/codes.server";
import { codeBatchSchema } from "~/modules/voting/console-forms";
import { CODE_PHASES } from "~/modules/voting/console-phases";
import { readForm } from "./http.server";

/**
 * The shared start of both ways to hand out a batch (printable letters, CSV file): who asks, the phase,
 * the form, then the codes, made once. Returns the form's errors instead when it does not check out.
 */
export async function makeCodeBatchFromRequest(request: Request, slug: string | undefined) {
  const { details, actor } = await requireContestManager(request, slug);
  const at = now();
  requirePhase(details, CODE_PHASES, at);
  const submission = parseWithZod(await readForm(request), { schema: codeBatchSchema });
  if (submission.status !== "success") {
    const errors = Object.values(submission.error ?? {})
      .flat()
      .filter((e): e is string => typeof e === "string");
    return { ok: false as const, status: 400, errors };
  }
  if (!details.contest.eligibleByCode) return { ok: false as const, status: 409, errors: ["voting.codesDisabled"] };
  const { label, size } = submission.value;
  const { batchId, codes } = await generateCodeBatch({
    actorUserId: actor.userId,
    contestId: details.contest.id,
    label,
    size,
    pepper: votingPepper(),
    now: at,
  });
  return { ok: true as const, details, at, label, batchId, codes };
}
