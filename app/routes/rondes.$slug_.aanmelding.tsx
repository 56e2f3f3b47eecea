import { parseWithZod } from "~/lib/parse-form";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { now } from "~/lib/clock.server";
import { notFound, readForm, redirectWith } from "~/routes-support/http.server";
import { useT } from "~/lib/i18n/react";
import { contestForLink } from "~/routes-support/contest-access.server";
import { subscriptionTokenSchema, tokenFromUrl } from "~/modules/contests/subscription-schemas";
import { confirmSubscription, subscriptionLinkState } from "~/modules/contests/subscriptions.server";
import { PageTitle } from "~/ui/page-title";
import roundsStyles from "~/ui/rounds.css?url";
import { SubscriptionLinkPage } from "~/ui/subscription-link-page";
import type { I18nHandle } from "~/lib/i18n/sections";

export const handle = { i18n: ["rounds"] } satisfies I18nHandle;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: roundsStyles }];

// The link in the confirmation mail opens this page; only its button confirms. Mail scanners open
// links, and an opened link must never sign anyone up.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const heading = await contestForLink(params.slug, now());
  const token = tokenFromUrl(request.url);
  const state = token ? await subscriptionLinkState({ slug: heading.slug, token, now: now() }) : "invalid";
  // A contest that is not public yet is named only to someone holding a real link.
  if (state === "invalid" && !heading.isPublic) notFound();
  return { ...heading, token: state === "pending" ? token : null, state };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const heading = await contestForLink(params.slug, now());
  const submission = parseWithZod(await readForm(request), { schema: subscriptionTokenSchema });
  const result =
    submission.status === "success" ? await confirmSubscription({ slug: heading.slug, token: submission.value.token, now: now() }) : { ok: false as const };
  if (!result.ok) {
    if (!heading.isPublic) notFound();
    return data({ failed: true }, { status: 400 });
  }
  return redirectWith(heading.isPublic ? `/rondes/${heading.slug}` : "/", { flash: { key: "rounds.confirmedFlash" } });
}

export default function ConfirmSubscriptionPage() {
  const t = useT();
  const { title, slug, isPublic, token, state } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>()?.failed === true;
  return (
    <SubscriptionLinkPage title={t("rounds.confirmTitle")} contestTitle={title} slug={slug} isPublic={isPublic}>
      <PageTitle title={t("rounds.confirmTitle")} />
      {state === "pending" && token && !failed ? (
        <Form method="post" className="stack card">
          <p>{t("rounds.confirmLead", { contest: title })}</p>
          <input type="hidden" name="token" value={token} />
          <button type="submit" className="button primary">
            {t("rounds.confirmButton")}
          </button>
        </Form>
      ) : state === "confirmed" ? (
        <p className="notice">{t("rounds.confirmAlready")}</p>
      ) : (
        <p className="notice warning">{t("rounds.confirmInvalid")}</p>
      )}
    </SubscriptionLinkPage>
  );
}
