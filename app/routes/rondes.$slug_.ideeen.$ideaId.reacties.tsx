import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { parseWithZod } from "~/lib/parse-form";
import type { MessageKey } from "~/lib/i18n";
import { hideReaction, postReaction, reportReaction, restoreReaction } from "~/modules/draagvlak/reactions.server";
import { reactionFormSchema } from "~/modules/draagvlak/schemas";
import { ideaPath } from "~/modules/ideas/paths";
import { reactionsAreOpen, reactorRole } from "~/routes-support/draagvlak-access.server";
import { requireUser } from "~/routes-support/guards.server";
import { POST_LIMITS, readForm, redirectWith } from "~/routes-support/http.server";
import { loadIdeaContext } from "~/routes-support/idea-access.server";
import { getEnv, publicOrigin } from "~/lib/env.server";
import { mailMakersAboutReaction } from "~/workflows/reaction-mail.server";

// Reactions on an idea (issue 21.2): the forms on the idea page post here and the page comes back
// with a message, so all of it works without JavaScript. Organisers hide and restore here too.

export async function loader({ params }: LoaderFunctionArgs) {
  throw redirect(`/rondes/${params.slug}/ideeen/${params.ideaId}#reacties`);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const auth = await requireUser(request);
  const ctx = await loadIdeaContext(request, params);
  const back = `${ideaPath(ctx.details.contest.slug, ctx.idea.id)}#reacties`;
  const say = (key: MessageKey) => redirectWith(back, { flash: { key } });
  const submission = parseWithZod(await readForm(request, POST_LIMITS.text), { schema: reactionFormSchema });
  if (submission.status !== "success") return say("draagvlak.invalid");
  const value = submission.value;
  const role = reactorRole(ctx);
  const forbidden = () => {
    throw new Response("Forbidden", { status: 403 });
  };

  if (value.intent === "hide" || value.intent === "restore") {
    if (role !== "organiser") forbidden();
    const input = { contestId: ctx.details.contest.id, ideaId: ctx.idea.id, reactionId: value.reactionId, actorUserId: auth.user.id, now: ctx.at };
    const done = value.intent === "hide" ? await hideReaction({ ...input, reason: value.reason }) : await restoreReaction(input);
    if (!done) return say("draagvlak.notAllowed");
    return say(value.intent === "hide" ? "draagvlak.flashHidden" : "draagvlak.flashRestored");
  }
  if (!(await reactionsAreOpen(ctx))) return say("draagvlak.reactionsClosedNotice");
  if (value.intent === "report") {
    const done = await reportReaction({ ideaId: ctx.idea.id, reactionId: value.reactionId, reason: value.reason, reporterUserId: auth.user.id, now: ctx.at });
    return say(done ? "draagvlak.flashReported" : "draagvlak.notAllowed");
  }
  if (!auth.user.emailConfirmed) return say("draagvlak.confirmToReact");
  const posted =
    value.intent === "answer"
      ? await postReaction({ idea: ctx.idea, userId: auth.user.id, role, kind: "question", parentId: value.parentId, body: value.body, now: ctx.at })
      : await postReaction({ idea: ctx.idea, userId: auth.user.id, role, kind: value.kind, body: value.body, now: ctx.at });
  if (!posted.ok) return say(posted.reason === "throttled" ? "draagvlak.throttled" : "draagvlak.notAllowed");
  // The makers hear of a new reaction or answer by someone else (they can switch this mail off).
  await mailMakersAboutReaction({
    idea: ctx.idea,
    contestSlug: ctx.details.contest.slug,
    author: { userId: auth.user.id, name: auth.user.name },
    body: value.body,
    origin: publicOrigin(request, getEnv().appUrl),
    now: ctx.at,
  });
  return say(value.intent === "answer" ? "draagvlak.flashAnswered" : "draagvlak.flashPosted");
}
