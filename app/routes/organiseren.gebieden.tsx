import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "~/lib/parse-form";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { now } from "~/lib/clock.server";
import { POST_LIMITS, readForm, redirectWith } from "~/routes-support/http.server";
import { useT } from "~/lib/i18n/react";
import { requirePermission } from "~/routes-support/guards.server";
import { areaFormSchema } from "~/modules/contests/area-form";
import { listAreas, manageableMunicipalities, saveArea } from "~/modules/contests/areas.server";
import { FormErrors, SelectField, TextAreaField, TextField, useFormIdThatResetsAfterPost, validateOnSubmit } from "~/ui/form";
import { PageTitle } from "~/ui/page-title";
import consoleStyles from "~/ui/console.css?url";
import type { I18nHandle } from "~/lib/i18n/sections";

export const handle = { i18n: ["console"] } satisfies I18nHandle;

export const links = () => [{ rel: "stylesheet", href: consoleStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requirePermission(request, "organise:open");
  const municipalities = await manageableMunicipalities(actor!);
  const areas = await listAreas(municipalities.map((m) => m.id));
  return { municipalities: municipalities.map((m) => ({ ...m, areas: areas.filter((a) => a.municipalityId === m.id) })) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requirePermission(request, "organise:open");
  const form = await readForm(request, POST_LIMITS.text);
  const formKey = String(form.get("formKey") ?? "");
  const submission = parseWithZod(form, { schema: areaFormSchema });
  if (submission.status !== "success") return data({ formKey, result: submission.reply() }, { status: 400 });
  const { municipalityId, areaId, name, kind, postcodes } = submission.value;
  if (!(await manageableMunicipalities(actor!)).some((m) => m.id === municipalityId)) throw new Response("Forbidden", { status: 403 });
  const saved = await saveArea({ actor: actor!, municipalityId, areaId, name, kind, area: postcodes, now: now() });
  if (!saved.ok) {
    if (saved.reason === "not-found") throw new Response("Not Found", { status: 404 });
    return data({ formKey, result: submission.reply({ fieldErrors: { name: ["console.areaNameTaken"] } }) }, { status: 409 });
  }
  return redirectWith("/organiseren/gebieden", { flash: { key: "console.areaSaved" } });
}

function AreaForm(props: {
  formKey: string;
  municipalityId: number;
  area?: { id: number; name: string; kind: "wijk" | "buurt"; postcodes: string };
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const t = useT();
  const [form, fields] = useForm({
    id: useFormIdThatResetsAfterPost(props.formKey, { formKey: props.formKey }),
    lastResult: props.lastResult,
    defaultValue: props.area ? { name: props.area.name, kind: props.area.kind, postcodes: props.area.postcodes } : { kind: "wijk" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: areaFormSchema }),
    ...validateOnSubmit,
  });
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <FormErrors errors={form.errors} id={form.errorId} />
      <input type="hidden" name="formKey" value={props.formKey} />
      <input type="hidden" name="municipalityId" value={props.municipalityId} />
      {props.area ? <input type="hidden" name="areaId" value={props.area.id} /> : null}
      <TextField field={fields.name} label={t("console.areaName")} />
      <SelectField
        field={fields.kind}
        label={t("console.areaKind")}
        options={[
          { value: "wijk", label: t("console.kindWijk") },
          { value: "buurt", label: t("console.kindBuurt") },
        ]}
      />
      <TextAreaField field={fields.postcodes} label={t("console.areaPostcodes")} rows={4} />
      <div>
        <button type="submit" className="button primary">
          {props.area ? t("console.areaSave") : t("console.areaAdd")}
        </button>
      </div>
    </Form>
  );
}

export default function AreasPage() {
  const t = useT();
  const { municipalities } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const resultFor = (key: string) => (actionData?.formKey === key ? actionData.result : undefined);
  return (
    <section className="page">
      <PageTitle title={t("console.areasTitle")} />
      <h1>{t("console.areasTitle")}</h1>
      <p className="lead">{t("console.areasLead")}</p>
      {municipalities.map((m) => (
        <section key={m.id} aria-labelledby={`gemeente-${m.id}`}>
          <h2 id={`gemeente-${m.id}`}>
            {t("console.municipality")} {m.name}
          </h2>
          <div className="card-grid">
            {m.areas.map((a) => (
              <details key={a.id} className="card">
                <summary>
                  <strong>{a.name}</strong> <span className="muted">({a.kind === "wijk" ? t("console.kindWijk") : t("console.kindBuurt")})</span>
                  <br />
                  <span className="muted small">{a.postcodes.split("\n").join(", ")}</span>
                </summary>
                <h3 className="visually-hidden">{t("console.areaEdit", { name: a.name })}</h3>
                <AreaForm formKey={`area-${a.id}`} municipalityId={m.id} area={a} lastResult={resultFor(`area-${a.id}`)} />
              </details>
            ))}
            <div className="card">
              <h3>{t("console.areaAdd")}</h3>
              <AreaForm formKey={`new-${m.id}`} municipalityId={m.id} lastResult={resultFor(`new-${m.id}`)} />
            </div>
          </div>
        </section>
      ))}
    </section>
  );
}
