import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { now } from "~/lib/clock.server";
import { readForm, redirectWith } from "~/routes-support/http.server";
import { useT } from "~/lib/i18n/react";
import { parseWithZod } from "~/lib/parse-form";
import { requireUser } from "~/routes-support/guards.server";
import { PREFERENCES_PATH } from "~/modules/notifications/paths";
import { preferencesOf, savePreferences } from "~/modules/notifications/preferences.server";
import { preferencesSchema } from "~/modules/notifications/schemas";
import { PageTitle } from "~/ui/page-title";
import type { I18nHandle } from "~/lib/i18n/sections";

export const handle = { i18n: ["notifications"] } satisfies I18nHandle;

// Which emails a resident gets (issue 9): one switch per kind, and the mails that always come.

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireUser(request);
  return { preferences: await preferencesOf(user.email) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireUser(request);
  const submission = parseWithZod(await readForm(request), { schema: preferencesSchema });
  if (submission.status !== "success") return data({ failed: true }, { status: 400 });
  await savePreferences(user.email, submission.value.on, now());
  return redirectWith(PREFERENCES_PATH, { flash: { key: "notifications.preferencesSaved" } });
}

const ALWAYS = ["confirm", "password", "invitation", "receipt", "hidden"] as const;

export default function PreferencesPage() {
  const t = useT();
  const { preferences } = useLoaderData<typeof loader>();
  return (
    <section className="page narrow">
      <PageTitle title={t("notifications.preferencesTitle")} />
      <h1>{t("notifications.preferencesTitle")}</h1>
      <p className="lead">{t("notifications.preferencesLead")}</p>
      <Form method="post" className="stack card">
        <fieldset className="choice-group field">
          <legend>{t("notifications.preferencesLegend")}</legend>
          {preferences.map(({ kind, on }) => (
            <div className="choice" key={kind}>
              <input type="checkbox" id={`on-${kind}`} name="on" value={kind} defaultChecked={on} aria-describedby={`on-${kind}-hint`} />
              <div>
                <label htmlFor={`on-${kind}`}>{t(`notifications.kinds.${kind}.label`)}</label>
                <p className="field-hint" id={`on-${kind}-hint`}>
                  {t(`notifications.kinds.${kind}.hint`)}
                </p>
              </div>
            </div>
          ))}
        </fieldset>
        <p>
          <button type="submit" className="button primary">
            {t("notifications.preferencesSave")}
          </button>
        </p>
      </Form>
      <div className="card">
        <h2>{t("notifications.alwaysTitle")}</h2>
        <p>{t("notifications.alwaysLead")}</p>
        <ul>
          {ALWAYS.map((item) => (
            <li key={item}>{t(`notifications.always.${item}`)}</li>
          ))}
        </ul>
      </div>
      <p>
        <Link to="/account">{t("account.title")}</Link>
      </p>
    </section>
  );
}
