import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "~/lib/parse-form";
import type { ActionFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { getEnv, publicOrigin } from "~/lib/env.server";
import { readForm } from "~/routes-support/http.server";
import { getLocale, getTranslator } from "~/routes-support/locale.server";
import { useT } from "~/lib/i18n/react";
import { requestPasswordReset } from "~/modules/auth/accounts.server";
import { forgotPasswordSchema } from "~/modules/auth/schemas";
import { FormErrors, TextField, validateOnSubmit } from "~/ui/form";
import { PageTitle } from "~/ui/page-title";

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await readForm(request), { schema: forgotPasswordSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), sent: false }, { status: 400 });
  const requested = await requestPasswordReset({
    email: submission.value.email,
    origin: publicOrigin(request, getEnv().appUrl),
    locale: await getLocale(request),
    ip: context.clientIp,
  });
  if (!requested.ok) {
    const t = await getTranslator(request);
    return data(
      { result: submission.reply({ formErrors: [t("auth.mailThrottled", { minutes: requested.retryAfterMinutes })] }), sent: false },
      { status: 429 },
    );
  }
  return { result: submission.reply({ resetForm: true }), sent: true };
}

export default function ForgotPasswordPage() {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: forgotPasswordSchema }),
    ...validateOnSubmit,
  });
  return (
    <section className="page narrow">
      <PageTitle title={t("auth.forgotTitle")} />
      <h1>{t("auth.forgotTitle")}</h1>
      {actionData?.sent ? (
        <p className="notice" role="status">
          {t("auth.forgotSent")}
        </p>
      ) : (
        <p className="lead">{t("auth.forgotLead")}</p>
      )}
      <Form method="post" {...getFormProps(form)} className="stack card">
        <FormErrors errors={form.errors} id={form.errorId} />
        <TextField field={fields.email} label={t("auth.email")} type="email" autoComplete="email" inputMode="email" />
        <button type="submit" className="button primary">
          {t("auth.forgotButton")}
        </button>
      </Form>
    </section>
  );
}
