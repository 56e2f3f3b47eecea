import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "~/lib/parse-form";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { now } from "~/lib/clock.server";
import { notFound, POST_LIMITS, readForm, redirectWith } from "~/routes-support/http.server";
import { useT } from "~/lib/i18n/react";
import { supportersPath } from "~/modules/aftercare/paths";
import { supporterKinds, type SupporterKind } from "~/modules/aftercare/referrals";
import { supporterEditSchema, supporterSchema } from "~/modules/aftercare/schemas";
import { addSupporter, listSupporters, updateSupporter } from "~/modules/aftercare/supporters.server";
import { requirePermission } from "~/routes-support/guards.server";
import { manageableMunicipalities } from "~/modules/contests/areas.server";
import { CheckboxField, FormErrors, SelectField, TextField, useFormIdThatResetsAfterPost, validateOnSubmit } from "~/ui/form";
import { PageTitle } from "~/ui/page-title";
import consoleStyles from "~/ui/console.css?url";
import type { I18nHandle } from "~/lib/i18n/sections";

export const handle = { i18n: ["taakgroepen", "aftercare", "initiative"] } satisfies I18nHandle;

export const links = () => [{ rel: "stylesheet", href: consoleStyles }];

// The directory of supporters per municipality (issue 8, nazorg): organisers of any organisation in a
// municipality keep one shared list, as they do its areas.

const municipalityField = z.object({ municipalityId: z.coerce.number().int().positive() });
const newSchema = supporterSchema.extend(municipalityField.shape);
const editSchema = supporterEditSchema.extend(municipalityField.shape);
/** In the browser one schema checks both forms; the server picks the exact one. */
const browserSchema = newSchema.extend({ supporterId: z.string().optional(), active: z.string().optional() });

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requirePermission(request, "organise:open");
  const municipalities = await manageableMunicipalities(actor!);
  const supporters = await listSupporters(municipalities.map((m) => m.id));
  return {
    municipalities: municipalities.map((m) => ({
      id: m.id,
      name: m.name,
      supporters: supporters
        .filter((s) => s.municipalityId === m.id)
        .map((s) => ({ id: s.id, name: s.name, kind: s.kind, topics: s.topics, contact: s.contact, website: s.website, active: s.active })),
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requirePermission(request, "organise:open");
  const form = await readForm(request, POST_LIMITS.text);
  const formKey = String(form.get("formKey") ?? "");
  const mayManage = async (municipalityId: number) => {
    if (!(await manageableMunicipalities(actor!)).some((m) => m.id === municipalityId)) throw new Response("Forbidden", { status: 403 });
  };
  const at = now();
  if (form.has("supporterId")) {
    const submission = parseWithZod(form, { schema: editSchema });
    if (submission.status !== "success") return data({ formKey, result: submission.reply() }, { status: 400 });
    const { municipalityId, supporterId, active, ...values } = submission.value;
    await mayManage(municipalityId);
    if (!(await updateSupporter({ municipalityId, supporterId, values, active, actor: actor!, now: at }))) notFound();
    return redirectWith(supportersPath, { flash: { key: "aftercare.supporters.saved" } });
  }
  const submission = parseWithZod(form, { schema: newSchema });
  if (submission.status !== "success") return data({ formKey, result: submission.reply() }, { status: 400 });
  const { municipalityId, ...values } = submission.value;
  await mayManage(municipalityId);
  await addSupporter({ municipalityId, values, actor: actor!, now: at });
  return redirectWith(supportersPath, { flash: { key: "aftercare.supporters.added" } });
}

type SupporterRow = { id: number; name: string; kind: SupporterKind; topics: string; contact: string; website: string | null; active: boolean };

function SupporterForm(props: { formKey: string; municipalityId: number; supporter?: SupporterRow; lastResult: SubmissionResult<string[]> | undefined }) {
  const t = useT();
  const s = props.supporter;
  const [form, fields] = useForm({
    id: useFormIdThatResetsAfterPost(props.formKey, { formKey: props.formKey }),
    lastResult: props.lastResult,
    defaultValue: s
      ? { name: s.name, kind: s.kind, topics: s.topics, contact: s.contact, website: s.website ?? "", active: s.active ? "on" : undefined }
      : { kind: "buurtnetwerk" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: browserSchema }),
    ...validateOnSubmit,
  });
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <FormErrors errors={form.errors} id={form.errorId} />
      <input type="hidden" name="formKey" value={props.formKey} />
      <input type="hidden" name="municipalityId" value={props.municipalityId} />
      {s ? <input type="hidden" name="supporterId" value={s.id} /> : null}
      <TextField field={fields.name} label={t("aftercare.supporters.name")} />
      <SelectField
        field={fields.kind}
        label={t("aftercare.supporters.kind")}
        options={supporterKinds.map((k) => ({ value: k, label: t(`aftercare.kinds.${k}`) }))}
      />
      <TextField field={fields.topics} label={t("aftercare.supporters.topics")} hint={t("aftercare.supporters.topicsHint")} />
      <TextField field={fields.contact} label={t("aftercare.supporters.contact")} hint={t("aftercare.supporters.contactHint")} />
      <TextField field={fields.website} label={t("aftercare.supporters.website")} />
      {s ? <CheckboxField field={fields.active} label={t("aftercare.supporters.active")} /> : null}
      <div>
        <button type="submit" className="button primary">
          {s ? t("aftercare.supporters.save") : t("aftercare.supporters.add")}
        </button>
      </div>
    </Form>
  );
}

export default function SupportersPage() {
  const t = useT();
  const { municipalities } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const resultFor = (key: string) => (actionData?.formKey === key ? actionData.result : undefined);
  return (
    <section className="page">
      <PageTitle title={t("aftercare.supporters.title")} />
      <h1>{t("aftercare.supporters.title")}</h1>
      <p className="lead">{t("aftercare.supporters.lead")}</p>
      {municipalities.length === 0 ? <p>{t("aftercare.supporters.noMunicipality")}</p> : null}
      {municipalities.map((m) => (
        <section key={m.id} aria-labelledby={`ondersteuners-${m.id}`}>
          <h2 id={`ondersteuners-${m.id}`}>{t("aftercare.supporters.inMunicipality", { name: m.name })}</h2>
          {m.supporters.length === 0 ? <p className="muted">{t("aftercare.supporters.none")}</p> : null}
          <div className="card-grid">
            {m.supporters.map((s) => (
              <details key={s.id} className="card">
                <summary>
                  <strong>{s.name}</strong> <span className="muted">({t(`aftercare.kinds.${s.kind}`)})</span>
                  {!s.active ? <span className="badge badge-muted">{t("aftercare.supporters.inactive")}</span> : null}
                  <br />
                  <span className="small">{s.topics}</span>
                  <br />
                  <span className="muted small">{s.contact}</span>
                </summary>
                <h3 className="visually-hidden">{t("aftercare.supporters.edit", { name: s.name })}</h3>
                <SupporterForm formKey={`supporter-${s.id}`} municipalityId={m.id} supporter={s} lastResult={resultFor(`supporter-${s.id}`)} />
              </details>
            ))}
            <div className="card">
              <h3>{t("aftercare.supporters.addIn", { name: m.name })}</h3>
              <SupporterForm formKey={`new-${m.id}`} municipalityId={m.id} lastResult={resultFor(`new-${m.id}`)} />
            </div>
          </div>
        </section>
      ))}
    </section>
  );
}
