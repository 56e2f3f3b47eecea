import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "~/lib/parse-form";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { now } from "~/lib/clock.server";
import { getEnv, publicOrigin } from "~/lib/env.server";
import { keepingReturnPath } from "~/lib/safe-redirect";
import { readForm } from "~/routes-support/http.server";
import { getLocale, getTranslator } from "~/routes-support/locale.server";
import { useT } from "~/lib/i18n/react";
import { registerAccount } from "~/modules/auth/accounts.server";
import { registerSchema } from "~/modules/auth/schemas";
import { getAuth } from "~/modules/auth/session.server";
import { FormErrors, TextField, validateOnSubmit } from "~/ui/form";
import { PageTitle } from "~/ui/page-title";

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await getAuth(request);
  if (user) throw redirect("/");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await readForm(request), { schema: registerSchema });
  if (submission.status !== "success") {
    return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  const { redirectTo, ...account } = submission.value;
  const result = await registerAccount({
    ...account,
    locale: await getLocale(request),
    ip: context.clientIp,
    origin: publicOrigin(request, getEnv().appUrl),
    redirectTo,
    now: now(),
  });
  if (!result.ok) {
    const t = await getTranslator(request);
    return data(submission.reply({ formErrors: [t("auth.mailThrottled", { minutes: result.retryAfterMinutes })], hideFields: ["password"] }), { status: 429 });
  }
  // The same answer for a new address and one that has an account (issue 15): the mail tells which.
  // The return path stays on, for the "log in" link of the page that says to check the mail.
  const sent = new URLSearchParams({ [SENT_PARAM]: "1" });
  if (redirectTo !== "/") sent.set("redirectTo", redirectTo);
  return redirect(`${REGISTER_PATH}?${sent}`);
}

const REGISTER_PATH = "/registreren";
const SENT_PARAM = "verstuurd";

export default function RegisterPage() {
  const t = useT();
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: registerSchema }),
    ...validateOnSubmit,
  });
  if (searchParams.get(SENT_PARAM)) return <CheckYourMail />;
  return (
    <section className="page narrow">
      <PageTitle title={t("auth.registerTitle")} />
      <h1>{t("auth.registerTitle")}</h1>
      <p className="lead">{t("auth.registerLead")}</p>
      <Form method="post" {...getFormProps(form)} className="stack card">
        <FormErrors errors={form.errors} id={form.errorId} />
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? "/"} />
        <TextField field={fields.name} label={t("auth.name")} hint={t("auth.nameHint")} autoComplete="given-name" />
        <TextField field={fields.email} label={t("auth.email")} type="email" autoComplete="email" inputMode="email" />
        <TextField field={fields.password} label={t("auth.password")} hint={t("auth.passwordHint")} type="password" autoComplete="new-password" />
        <TextField field={fields.postcode} label={t("auth.postcode")} hint={t("auth.postcodeHint")} autoComplete="postal-code" />
        <button type="submit" className="button primary" disabled={navigation.state === "submitting"}>
          {t("auth.registerButton")}
        </button>
      </Form>
      <p className="below-card">
        {t("auth.haveAccount")} <Link to={keepingReturnPath("/inloggen", searchParams.get("redirectTo"))}>{t("auth.loginTitle")}</Link>
      </p>
    </section>
  );
}

function CheckYourMail() {
  const t = useT();
  const [searchParams] = useSearchParams();
  return (
    <section className="page narrow">
      <PageTitle title={t("auth.checkMailTitle")} />
      <h1>{t("auth.checkMailTitle")}</h1>
      <div className="card stack" role="status">
        <p>{t("auth.checkMailLead")}</p>
        <p>{t("auth.checkMailSpam")}</p>
      </div>
      <p className="below-card">
        {t("auth.haveAccount")} <Link to={keepingReturnPath("/inloggen", searchParams.get("redirectTo"))}>{t("auth.loginTitle")}</Link>
      </p>
    </section>
  );
}
