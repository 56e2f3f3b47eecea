import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { now } from "~/lib/clock.server";
import { getEnv, publicOrigin } from "~/lib/env.server";
import { readForm, redirectWith } from "~/routes-support/http.server";
import { useT } from "~/lib/i18n/react";
import { safeRedirectPath } from "~/lib/safe-redirect";
import { votingPepper } from "~/lib/secrets.server";
import { resendConfirmation } from "~/modules/auth/accounts.server";
import { confirmEmail, isConfirmationUsable } from "~/modules/auth/email-confirmation.server";
import { createSessionCookie } from "~/modules/auth/session.server";
import { requireUser } from "~/routes-support/guards.server";
import { voterById } from "~/modules/auth/users.server";
import { phaseAt } from "~/modules/contests/phases";
import { sendReceiptMailLater } from "~/modules/voting/mails.server";
import { votePath } from "~/modules/voting/paths";
import { contestForVote } from "~/modules/voting/vote-contest.server";
import { castPendingBallots } from "~/modules/voting/votes.server";
import { PageTitle } from "~/ui/page-title";
import type { I18nHandle } from "~/lib/i18n/sections";

export const handle = { i18n: ["voting"] } satisfies I18nHandle;

// The link in the confirmation mail (issue 15). A button, not the link itself, confirms: mail
// scanners open links. Confirming logs the person in and casts the stickers they chose while the
// address was not confirmed yet, so they need not choose again. A logged-in person asks for a new
// link here too.

const TOKEN_MAX = 200;

export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  return { token, usable: token.length > 0 && token.length < TOKEN_MAX && (await isConfirmationUsable(token, now())) };
}

export async function action({ request }: ActionFunctionArgs) {
  const at = now();
  const form = await readForm(request);
  const redirectTo = safeRedirectPath(typeof form.get("redirectTo") === "string" ? String(form.get("redirectTo")) : null);
  if (form.get("intent") === "resend") {
    const { user } = await requireUser(request);
    if (user.emailConfirmed) return redirectWith(redirectTo, { flash: { key: "auth.alreadyConfirmed" } });
    const sent = await resendConfirmation({ user, redirectTo, origin: publicOrigin(request, getEnv().appUrl), now: at });
    return redirectWith(redirectTo, {
      flash: sent.ok ? { key: "auth.confirmLinkSent" } : { key: "auth.mailThrottled", params: { minutes: String(sent.retryAfterMinutes) } },
    });
  }
  const token = String(form.get("token") ?? "");
  const confirmed = token.length > 0 && token.length < TOKEN_MAX ? await confirmEmail({ token, now: at }) : null;
  const voter = confirmed ? await voterById(confirmed.userId) : undefined;
  if (!confirmed || !voter) return { failed: true };
  const session = await createSessionCookie(voter.id);
  const cast = await castPendingBallots({
    voter,
    pepper: votingPepper(),
    now: at,
    contestOpen: async (slug) => {
      const found = await contestForVote(slug);
      return found && phaseAt(found.details.clock, at).phase === "stemmen" ? found.contest : null;
    },
  });
  for (const { contest, result } of cast) {
    if (!result.ok || result.kind !== "first") continue;
    const found = await contestForVote(contest.slug);
    sendReceiptMailLater({
      to: voter,
      contest: { id: contest.id, slug: contest.slug, title: contest.title },
      ballot: result.ballot,
      receipt: result.receipt,
      closesAt: found ? phaseAt(found.details.clock, at).until : null,
      origin: publicOrigin(request, getEnv().appUrl),
    });
    // The receipt reaches the page through the flash cookie, never through the URL (ADR 007).
    return redirectWith(votePath(contest.slug), { cookies: [session], flash: { key: "voting.votedFlash", params: { receipt: result.receipt } } });
  }
  return redirectWith(safeRedirectPath(confirmed.redirectTo), { cookies: [session], flash: { key: "auth.confirmedFlash" } });
}

export default function ConfirmEmailPage() {
  const t = useT();
  const { token, usable } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>()?.failed ?? false;
  return (
    <section className="page narrow">
      <PageTitle title={t("auth.confirmTitle")} />
      <h1>{t("auth.confirmTitle")}</h1>
      {usable && !failed ? (
        <Form method="post" className="stack card">
          <p>{t("auth.confirmLead")}</p>
          <input type="hidden" name="token" value={token} />
          <button type="submit" className="button primary">
            {t("auth.confirmButton")}
          </button>
        </Form>
      ) : (
        <p className="notice warning">
          {t("auth.confirmInvalid")} <Link to="/inloggen">{t("auth.loginTitle")}</Link>
        </p>
      )}
    </section>
  );
}
