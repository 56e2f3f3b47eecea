import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "~/lib/parse-form";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { readForm, redirectWith } from "~/routes-support/http.server";
import { getTranslator } from "~/routes-support/locale.server";
import { useT } from "~/lib/i18n/react";
import { localeCookie } from "~/lib/i18n/core";
import { verifyLogin } from "~/modules/auth/accounts.server";
import { loginSchema } from "~/modules/auth/schemas";
import { createSessionCookie, getAuth } from "~/modules/auth/session.server";
import { FormErrors, TextField, validateOnSubmit } from "~/ui/form";
import { keepingReturnPath } from "~/lib/safe-redirect";
import { PageTitle } from "~/ui/page-title";

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await getAuth(request);
  if (user) throw redirect("/");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await readForm(request), { schema: loginSchema });
  if (submission.status !== "success") {
    return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  const { email, password, redirectTo } = submission.value;
  const result = await verifyLogin({ email, password, ip: context.clientIp });
  if (!result.ok) {
    // One message for a wrong email and a wrong password: the form never tells whether an account exists.
    const t = await getTranslator(request);
    const message = result.reason === "throttled" ? t("auth.throttled", { minutes: result.retryAfterMinutes }) : t("auth.loginFailed");
    return data(submission.reply({ formErrors: [message], hideFields: ["password"] }), { status: result.reason === "throttled" ? 429 : 400 });
  }
  return redirectWith(redirectTo, {
    // The account's language follows it to this device (issue 18): a shared computer left in the
    // previous person's language switches on login.
    cookies: [await createSessionCookie(result.userId), localeCookie(result.locale)],
    flash: { key: "auth.welcome", params: { name: result.name } },
  });
}

export default function LoginPage() {
  const t = useT();
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: loginSchema }),
    ...validateOnSubmit,
  });
  return (
    <section className="page narrow">
      <PageTitle title={t("auth.loginTitle")} />
      <h1>{t("auth.loginTitle")}</h1>
      <p className="lead">{t("auth.loginLead")}</p>
      <Form method="post" {...getFormProps(form)} className="stack card">
        <FormErrors errors={form.errors} id={form.errorId} />
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? "/"} />
        <TextField field={fields.email} label={t("auth.email")} type="email" autoComplete="email" inputMode="email" />
        <TextField field={fields.password} label={t("auth.password")} type="password" autoComplete="current-password" />
        <button type="submit" className="button primary" disabled={navigation.state === "submitting"}>
          {t("auth.loginButton")}
        </button>
        <p className="form-links">
          <Link to="/wachtwoord-vergeten">{t("auth.forgot")}</Link>
        </p>
      </Form>
      <p className="below-card">
        {t("auth.noAccount")} <Link to={keepingReturnPath("/registreren", searchParams.get("redirectTo"))}>{t("auth.registerTitle")}</Link>
      </p>
    </section>
  );
}
