import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "~/lib/parse-form";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { z } from "zod";
import { now } from "~/lib/clock.server";
import { readForm, redirectWith } from "~/routes-support/http.server";
import { useT } from "~/lib/i18n/react";
import { deleteAccount } from "~/workflows/personal-data.server";
import { requireUser } from "~/routes-support/guards.server";
import { getLucia } from "~/modules/auth/lucia.server";
import { CheckboxField, FormErrors, validateOnSubmit } from "~/ui/form";
import { translateMessage } from "~/lib/i18n/core";
import { PageTitle } from "~/ui/page-title";

// Deleting your own account (AVG): what happens is said first, then the password and a tick confirm it.

const deleteSchema = z.object({
  password: z.string({ error: "account.deleteWrongPassword" }).min(1, "account.deleteWrongPassword").max(200),
  confirm: z.literal("on", { error: "account.deleteConfirmRequired" }),
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireUser(request);
  const submission = parseWithZod(await readForm(request), { schema: deleteSchema });
  if (submission.status !== "success") return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  const result = await deleteAccount({ userId: user.id, password: submission.value.password, now: now() });
  if (!result.ok) return data(submission.reply({ hideFields: ["password"], fieldErrors: { password: ["account.deleteWrongPassword"] } }), { status: 400 });
  return redirectWith("/", { cookies: [getLucia().createBlankSessionCookie().serialize()], flash: { key: "account.deleted" } });
}

export default function DeleteAccountPage() {
  const t = useT();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: deleteSchema }),
    ...validateOnSubmit,
  });
  const password = getInputProps(fields.password, { type: "password" });
  const passwordErrors = fields.password.errors ?? [];
  return (
    <section className="page narrow">
      <PageTitle title={t("account.deleteTitle")} />
      <h1>{t("account.deleteTitle")}</h1>
      <p className="lead">{t("account.deleteLead")}</p>
      <ul>
        <li>{t("account.deleteIdeas")}</li>
        <li>{t("account.deleteVotes")}</li>
        <li>{t("account.deleteTaakgroepen")}</li>
        <li>{t("account.deleteDrafts")}</li>
        <li>{t("account.deleteAccount")}</li>
      </ul>
      <Form method="post" {...getFormProps(form)} className="stack card">
        <FormErrors errors={form.errors} id={form.errorId} />
        <div className="field" data-invalid={passwordErrors.length > 0 || undefined}>
          <label htmlFor={fields.password.id}>{t("account.deletePassword")}</label>
          <input {...password} key={password.key} autoComplete="current-password" />
          {passwordErrors.length > 0 ? (
            <p className="field-error" id={fields.password.errorId}>
              {passwordErrors.map((e) => translateMessage(t, e)).join(" ")}
            </p>
          ) : null}
        </div>
        <CheckboxField field={fields.confirm} label={t("account.deleteConfirm")} />
        <p className="hero-actions">
          <button type="submit" className="button danger">
            {t("account.deleteButton")}
          </button>
          <Link to="/account">{t("account.cancel")}</Link>
        </p>
      </Form>
    </section>
  );
}
