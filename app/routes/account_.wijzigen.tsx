import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { now } from "~/lib/clock.server";
import { localeCookie } from "~/lib/i18n/core";
import { useT } from "~/lib/i18n/react";
import { parseWithZod } from "~/lib/parse-form";
import { changePassword, updateProfile } from "~/modules/auth/accounts.server";
import { changePasswordSchema, profileSchema } from "~/modules/auth/schemas";
import { createSessionCookie } from "~/modules/auth/session.server";
import { requireUser } from "~/routes-support/guards.server";
import { readForm, redirectWith } from "~/routes-support/http.server";
import { getTranslator } from "~/routes-support/locale.server";
import { FormErrors, SelectField, TextField, validateOnSubmit } from "~/ui/form";
import { PageTitle } from "~/ui/page-title";
import type { I18nHandle } from "~/lib/i18n/sections";

export const handle = { i18n: ["accountDetails"] } satisfies I18nHandle;

// Mijn account › Gegevens wijzigen (issue 18.5): name, postcode after a move, language, and the
// password with the current one. The rules on a cast ballot are in updateProfile and castBallot.

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireUser(request);
  return { name: user.name, postcode: user.postcode, locale: user.locale, email: user.email };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireUser(request);
  const form = await readForm(request);
  if (form.get("intent") === "password") {
    const submission = parseWithZod(form, { schema: changePasswordSchema });
    if (submission.status !== "success")
      return data({ form: "password" as const, reply: submission.reply({ hideFields: ["currentPassword", "password"] }) }, { status: 400 });
    const result = await changePassword({
      userId: user.id,
      currentPassword: submission.value.currentPassword,
      newPassword: submission.value.password,
      now: now(),
    });
    if (!result.ok) {
      const t = await getTranslator(request);
      const reply =
        result.reason === "throttled"
          ? submission.reply({
              formErrors: [t("accountDetails.throttled", { minutes: result.retryAfterMinutes })],
              hideFields: ["currentPassword", "password"],
            })
          : submission.reply({ fieldErrors: { currentPassword: ["accountDetails.wrongCurrent"] }, hideFields: ["currentPassword", "password"] });
      return data({ form: "password" as const, reply }, { status: result.reason === "throttled" ? 429 : 400 });
    }
    // Every session ended with the change; this device goes on with a new one.
    return redirectWith("/account", { cookies: [await createSessionCookie(user.id)], flash: { key: "accountDetails.passwordSaved" } });
  }
  const submission = parseWithZod(form, { schema: profileSchema });
  if (submission.status !== "success") return data({ form: "details" as const, reply: submission.reply() }, { status: 400 });
  await updateProfile({ userId: user.id, ...submission.value });
  return redirectWith("/account", { cookies: [localeCookie(submission.value.locale)], flash: { key: "accountDetails.detailsSaved" } });
}

export default function ChangeDetailsPage() {
  const t = useT();
  const current = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const [details, detailFields] = useForm({
    id: "details",
    lastResult: answer?.form === "details" ? answer.reply : undefined,
    defaultValue: { name: current.name, postcode: current.postcode, locale: current.locale },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: profileSchema }),
    ...validateOnSubmit,
  });
  const [password, passwordFields] = useForm({
    id: "password",
    lastResult: answer?.form === "password" ? answer.reply : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: changePasswordSchema }),
    ...validateOnSubmit,
  });
  const busy = navigation.state === "submitting";
  return (
    <section className="page narrow">
      <PageTitle title={t("accountDetails.title")} />
      <p className="breadcrumb">
        <Link to="/account">{t("account.title")}</Link>
      </p>
      <h1>{t("accountDetails.title")}</h1>

      <Form method="post" {...getFormProps(details)} className="stack card" aria-labelledby="details-title">
        <h2 id="details-title">{t("accountDetails.detailsTitle")}</h2>
        <FormErrors errors={details.errors} id={details.errorId} />
        <input type="hidden" name="intent" value="details" />
        <TextField field={detailFields.name} label={t("auth.name")} hint={t("auth.nameHint")} autoComplete="given-name" />
        <TextField field={detailFields.postcode} label={t("auth.postcode")} hint={t("accountDetails.postcodeHint")} autoComplete="postal-code" />
        <p className="field-hint">{t("accountDetails.postcodeVoted")}</p>
        <SelectField
          field={detailFields.locale}
          label={t("accountDetails.language")}
          options={[
            { value: "nl", label: "Nederlands" },
            { value: "en", label: "English" },
          ]}
        />
        <p className="muted small">
          {t("auth.email")}: {current.email}. {t("accountDetails.emailNote")}
        </p>
        <p>
          <button type="submit" className="button primary" disabled={busy}>
            {t("accountDetails.saveDetails")}
          </button>
        </p>
      </Form>

      <Form method="post" {...getFormProps(password)} className="stack card" aria-labelledby="password-title">
        <h2 id="password-title">{t("accountDetails.passwordTitle")}</h2>
        <p>{t("accountDetails.passwordLead")}</p>
        <FormErrors errors={password.errors} id={password.errorId} />
        <input type="hidden" name="intent" value="password" />
        {/* The email as a hidden username helps password managers store the new password for the right account. */}
        <input type="hidden" name="username" autoComplete="username" value={current.email} />
        <TextField field={passwordFields.currentPassword} label={t("accountDetails.currentPassword")} type="password" autoComplete="current-password" />
        <TextField
          field={passwordFields.password}
          label={t("accountDetails.newPassword")}
          hint={t("auth.passwordHint")}
          type="password"
          autoComplete="new-password"
        />
        <p>
          <button type="submit" className="button primary" disabled={busy}>
            {t("accountDetails.savePassword")}
          </button>
        </p>
      </Form>
    </section>
  );
}
