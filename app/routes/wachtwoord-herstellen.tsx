import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "~/lib/parse-form";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { readForm, redirectWith } from "~/routes-support/http.server";
import { useT } from "~/lib/i18n/react";
import { isResetTokenUsable, resetPassword } from "~/modules/auth/accounts.server";
import { resetPasswordSchema } from "~/modules/auth/schemas";
import { createSessionCookie } from "~/modules/auth/session.server";
import { FormErrors, TextField, validateOnSubmit } from "~/ui/form";
import { PageTitle } from "~/ui/page-title";

export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  return { token, usable: token.length > 0 && token.length <= 200 && (await isResetTokenUsable(token)) };
}

export async function action({ request }: ActionFunctionArgs) {
  const submission = parseWithZod(await readForm(request), { schema: resetPasswordSchema });
  if (submission.status !== "success") return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  const result = await resetPassword(submission.value);
  if (!result.ok) return data(submission.reply({ formErrors: ["auth.resetInvalid"], hideFields: ["password"] }), { status: 400 });
  return redirectWith("/", { cookies: [await createSessionCookie(result.userId)], flash: { key: "auth.resetDone" } });
}

export default function ResetPasswordPage() {
  const t = useT();
  const { token, usable } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: resetPasswordSchema }),
    ...validateOnSubmit,
  });
  return (
    <section className="page narrow">
      <PageTitle title={t("auth.resetTitle")} />
      <h1>{t("auth.resetTitle")}</h1>
      {usable ? (
        <Form method="post" {...getFormProps(form)} className="stack card">
          <FormErrors errors={form.errors} id={form.errorId} />
          <input type="hidden" name="token" value={token} />
          <TextField field={fields.password} label={t("auth.newPassword")} hint={t("auth.passwordHint")} type="password" autoComplete="new-password" />
          <button type="submit" className="button primary">
            {t("auth.resetButton")}
          </button>
        </Form>
      ) : (
        <div className="stack">
          <p className="notice warning">{t("auth.resetInvalid")}</p>
          <p>
            <Link className="button" to="/wachtwoord-vergeten">
              {t("auth.forgotButton")}
            </Link>
          </p>
        </div>
      )}
    </section>
  );
}
