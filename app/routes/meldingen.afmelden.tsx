import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { now } from "~/lib/clock.server";
import { readForm } from "~/routes-support/http.server";
import { useT } from "~/lib/i18n/react";
import { parseWithZod } from "~/lib/parse-form";
import type { NotificationKind } from "~/modules/notifications/kinds";
import { linkState, setMutedByToken } from "~/modules/notifications/preferences.server";
import { unsubscribeSchema } from "~/modules/notifications/schemas";
import { PageTitle } from "~/ui/page-title";
import type { I18nHandle } from "~/lib/i18n/sections";

export const handle = { i18n: ["notifications"] } satisfies I18nHandle;

// The link at the foot of every mail that can be switched off. Opening it changes nothing (mail
// scanners open links); its button does. A mail program's own "unsubscribe" button posts
// "List-Unsubscribe=One-Click" straight to the link (RFC 8058), without a cookie: the signed token is
// the permission, so this action needs no log-in and no page before it.

function tokenOfUrl(url: string): string {
  return new URL(url).searchParams.get("token")?.slice(0, 200) ?? "";
}

export async function loader({ request }: LoaderFunctionArgs) {
  const token = tokenOfUrl(request.url);
  const state = await linkState(token);
  return { token: state ? token : null, kind: state?.kind ?? null, muted: state?.muted ?? false };
}

type Outcome = { done: "mute" | "unmute"; kind: NotificationKind; token: string } | { done: null };

export async function action({ request }: ActionFunctionArgs) {
  const submission = parseWithZod(await readForm(request), { schema: unsubscribeSchema });
  if (submission.status !== "success") return data<Outcome>({ done: null }, { status: 400 });
  const token = submission.value.token || tokenOfUrl(request.url);
  const kind = await setMutedByToken(token, submission.value.intent === "mute", now());
  if (!kind) return data<Outcome>({ done: null }, { status: 400 });
  return data<Outcome>({ done: submission.value.intent, kind, token });
}

export default function UnsubscribePage() {
  const t = useT();
  const loaded = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  const token = outcome?.done ? outcome.token : loaded.token;
  const kind = outcome?.done ? outcome.kind : loaded.kind;
  const muted = outcome?.done ? outcome.done === "mute" : loaded.muted;
  const label = kind ? t(`notifications.kinds.${kind}.label`) : "";
  return (
    <section className="page narrow">
      <PageTitle title={t("notifications.unsubscribeTitle")} />
      <h1>{t("notifications.unsubscribeTitle")}</h1>
      {!token || !kind || outcome?.done === null ? (
        <p className="notice warning">{t("notifications.invalid")}</p>
      ) : (
        <Form method="post" className="stack card">
          <input type="hidden" name="token" value={token} />
          {muted ? (
            <>
              <p role="status">{t("notifications.unsubscribed", { kind: label })}</p>
              <p>
                <button type="submit" name="intent" value="unmute" className="button">
                  {t("notifications.undoButton")}
                </button>
              </p>
            </>
          ) : (
            <>
              {outcome?.done === "unmute" ? (
                <p role="status">{t("notifications.resubscribed", { kind: label })}</p>
              ) : (
                <p>{t("notifications.unsubscribeLead", { kind: label })}</p>
              )}
              <p>
                <button type="submit" name="intent" value="mute" className="button primary">
                  {t("notifications.unsubscribeButton")}
                </button>
              </p>
            </>
          )}
        </Form>
      )}
      <p className="field-hint">{t("notifications.preferencesHint")}</p>
    </section>
  );
}
