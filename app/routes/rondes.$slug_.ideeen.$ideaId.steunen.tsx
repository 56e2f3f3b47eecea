import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { parseWithZod } from "~/lib/parse-form";
import type { MessageKey } from "~/lib/i18n";
import { checkPhase } from "~/modules/contests/phases";
import { BACKING_PHASES, type BackingRefusal } from "~/modules/draagvlak/backing";
import { backIdea, withdrawBacking } from "~/modules/draagvlak/draagvlak.server";
import { backFormSchema } from "~/modules/draagvlak/schemas";
import { ideaPath } from "~/modules/ideas/paths";
import { backingDecision, isPublicIdea } from "~/routes-support/draagvlak-access.server";
import { requireUser } from "~/routes-support/guards.server";
import { POST_LIMITS, readForm, redirectWith } from "~/routes-support/http.server";
import { loadIdeaContext } from "~/routes-support/idea-access.server";

// "Ik steun dit" (issue 21.1): a form on the idea page posts here, and the page comes back with a
// message. Works without JavaScript.

const refusalMessages: Record<BackingRefusal, MessageKey> = {
  "not-logged-in": "draagvlak.loginToBack",
  "email-unconfirmed": "draagvlak.refusedEmail",
  "postcode-outside-area": "draagvlak.refusedArea",
  "own-idea": "draagvlak.refusedOwn",
  "idea-not-open": "draagvlak.refusedClosed",
};

export async function loader({ params }: LoaderFunctionArgs) {
  throw redirect(`/rondes/${params.slug}/ideeen/${params.ideaId}`);
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requireUser(request);
  const ctx = await loadIdeaContext(request, params);
  if (!isPublicIdea(ctx.idea)) throw new Response("Not Found", { status: 404 });
  const back = `${ideaPath(ctx.details.contest.slug, ctx.idea.id)}#steun`;
  const submission = parseWithZod(await readForm(request, POST_LIMITS.short), { schema: backFormSchema });
  if (submission.status !== "success") throw new Response("Bad Request", { status: 400 });
  const userId = ctx.auth.user!.id;
  const decision = backingDecision(ctx);
  if (submission.value.intent === "unback") {
    // Taking it back is possible while ideas can be backed at all, whoever asks.
    if (!checkPhase(ctx.phase, BACKING_PHASES).ok) return redirectWith(back, { flash: { key: "draagvlak.refusedClosed" } });
    await withdrawBacking({ ideaId: ctx.idea.id, userId });
    return redirectWith(back, { flash: { key: "draagvlak.flashUnbacked" } });
  }
  if (!decision.ok) return redirectWith(back, { flash: { key: refusalMessages[decision.reason] } });
  const result = await backIdea({ contestId: ctx.details.contest.id, ideaId: ctx.idea.id, userId, now: ctx.at });
  const key: MessageKey = result === "backed" ? "draagvlak.flashBacked" : result === "already" ? "draagvlak.flashAlready" : "draagvlak.refusedEmail";
  return redirectWith(back, { flash: { key } });
}
