import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "~/lib/parse-form";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { now } from "~/lib/clock.server";
import { formatDateTime } from "~/lib/format";
import { readForm, redirectWith } from "~/routes-support/http.server";
import { useLocale, useT } from "~/lib/i18n/react";
import type { MessageKey } from "~/lib/i18n";
import { requireContestManager } from "~/routes-support/contest-access.server";
import { addPhaseOverride, saveSchedule, type PlanningProblem } from "~/modules/contests/console.server";
import type { Locale, Translate } from "~/lib/i18n";
import { getLocale, getTranslator } from "~/routes-support/locale.server";
import { effectiveSchedule, isPhase, PHASES, phaseAt, type Phase, type ScheduleErrors, type ScheduleField } from "~/modules/contests/phases";
import { overrideSchema, parseScheduleForm, scheduleFieldName, scheduleFormValues } from "~/modules/contests/schedule-form";
import { FormErrors, SelectField, TextAreaField, TextField, validateOnSubmit } from "~/ui/form";
import { PageTitle } from "~/ui/page-title";
import { phaseName, scheduleProblemText } from "~/ui/phase-words";
import type { I18nHandle } from "~/lib/i18n/sections";

export const handle = { i18n: ["console"] } satisfies I18nHandle;

const overrideLabels: Record<string, MessageKey> = {
  "close-early": "console.overrideCloseEarly",
  extend: "console.overrideExtend",
  reopen: "console.overrideReopen",
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { details } = await requireContestManager(request, params.slug);
  const at = now();
  const info = phaseAt(details.clock, at);
  const effective = details.schedule ? effectiveSchedule(details.schedule, details.overrides) : null;
  return {
    title: details.contest.title,
    published: details.contest.status === "gepubliceerd",
    values: scheduleFormValues(details.schedule),
    effective,
    currentPhase: isPhase(info.phase) ? info.phase : "aankondiging",
    overrides: details.overrides.map((o) => ({ id: o.id, kind: o.kind, phase: o.phase, at: o.at, newEnd: o.newEnd ?? null, reason: o.reason })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { details, actor } = await requireContestManager(request, params.slug);
  const form = await readForm(request);
  const at = now();
  if (form.get("intent") === "override") {
    const submission = parseWithZod(form, { schema: overrideSchema });
    if (submission.status !== "success") return data({ intent: "override" as const, result: submission.reply(), scheduleErrors: null }, { status: 400 });
    const result = await addPhaseOverride({ actor, details, override: { ...submission.value, newEnd: submission.value.newEnd }, now: at });
    if (!result.ok) {
      const refusal = planningProblemText(await getTranslator(request), await getLocale(request), result.problem);
      return data({ intent: "override" as const, result: submission.reply({ formErrors: [refusal] }), scheduleErrors: null }, { status: 409 });
    }
    return redirectWith(`/organiseren/${details.contest.slug}/planning`, { flash: { key: "console.overrideSaved" } });
  }
  const parsed = parseScheduleForm(form);
  if (!parsed.ok) return data({ intent: "schedule" as const, result: null, scheduleErrors: parsed.errors, values: Object.fromEntries(form) }, { status: 400 });
  const saved = await saveSchedule({ actor, details, schedule: parsed.schedule, now: at });
  if (!saved.ok)
    return data(
      { intent: "schedule" as const, result: null, scheduleErrors: { "aankondiging.start": { code: "notEditable" } } satisfies ScheduleErrors },
      { status: 409 },
    );
  return redirectWith(`/organiseren/${details.contest.slug}/planning`, { flash: { key: "console.scheduleSaved" } });
}

function ScheduleHead() {
  const t = useT();
  return (
    <thead>
      <tr>
        <th scope="col">{t("console.tabSchedule")}</th>
        <th scope="col">{t("console.scheduleStart")}</th>
        <th scope="col">{t("console.scheduleEnd")}</th>
      </tr>
    </thead>
  );
}

function ScheduleForm({ values, errors }: { values: Record<string, string>; errors: ScheduleErrors | null }) {
  const t = useT();
  const locale = useLocale();
  return (
    <Form method="post" className="card">
      <input type="hidden" name="intent" value="schedule" />
      <p>{t("console.scheduleLead")}</p>
      <table className="schedule-table">
        <ScheduleHead />
        <tbody>
          {PHASES.map((phase) => (
            <tr key={phase}>
              <th scope="row">{phaseName(t, phase)}</th>
              {(["start", "end"] as const).map((edge) => {
                const name = scheduleFieldName(phase, edge);
                const error = errors?.[name as ScheduleField];
                const id = `schedule-${phase}-${edge}`;
                return (
                  <td key={edge}>
                    {/* On a phone the column headers are gone, so the label shows its last word. */}
                    <label className="cell-label" htmlFor={id}>
                      <span className="visually-hidden">{`${phaseName(t, phase)}: `}</span>
                      {edge === "start" ? t("console.scheduleStart") : t("console.scheduleEnd")}
                    </label>
                    <input
                      id={id}
                      type="datetime-local"
                      name={name}
                      defaultValue={values[name] ?? ""}
                      aria-invalid={error ? true : undefined}
                      aria-describedby={error ? `${id}-error` : undefined}
                    />
                    {error ? (
                      <p className="field-error" id={`${id}-error`}>
                        {scheduleProblemText(t, locale, error)}
                      </p>
                    ) : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <button type="submit" className="button primary">
          {t("console.save")}
        </button>
      </p>
    </Form>
  );
}

function OverrideForm({ currentPhase, lastResult }: { currentPhase: Phase; lastResult: SubmissionResult<string[]> | null | undefined }) {
  const t = useT();
  const [form, fields] = useForm({
    lastResult,
    defaultValue: { kind: "extend", phase: currentPhase, nextPhase: "now" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: overrideSchema }),
    ...validateOnSubmit,
  });
  return (
    <Form method="post" {...getFormProps(form)} className="card stack">
      <h2>{t("console.overrideTitle")}</h2>
      <p className="muted small">{t("console.overrideFinalNote")}</p>
      <FormErrors errors={form.errors} id={form.errorId} />
      <input type="hidden" name="intent" value="override" />
      <SelectField
        field={fields.kind}
        label={t("console.overrideKind")}
        options={Object.entries(overrideLabels).map(([value, key]) => ({ value, label: t(key) }))}
      />
      <SelectField field={fields.phase} label={t("console.overridePhase")} options={PHASES.map((p) => ({ value: p, label: phaseName(t, p) }))} />
      <TextField field={fields.newEnd} type="datetime-local" label={t("console.overrideNewEnd")} />
      <SelectField
        field={fields.nextPhase}
        label={t("console.overrideNextPhase")}
        options={[
          { value: "now", label: t("console.overrideNextNow") },
          { value: "as-planned", label: t("console.overrideNextPlanned") },
        ]}
      />
      <TextAreaField field={fields.reason} label={t("console.overrideReason")} hint={t("console.overrideReasonHint")} rows={3} />
      <div>
        <button type="submit" className="button primary">
          {t("console.overrideButton")}
        </button>
      </div>
    </Form>
  );
}

export default function SchedulePage() {
  const t = useT();
  const locale = useLocale();
  const { title, published, values, effective, currentPhase, overrides } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const scheduleErrors = actionData?.intent === "schedule" ? actionData.scheduleErrors : null;
  const postedValues = actionData && "values" in actionData ? (actionData.values as Record<string, string>) : null;
  return (
    <>
      <PageTitle title={`${title} · ${t("console.scheduleTitle")}`} />
      <h2 className="visually-hidden">{t("console.scheduleTitle")}</h2>
      {published && effective ? (
        <>
          <p className="notice">{t("console.scheduleLockedNotice")}</p>
          <div className="card">
            <table className="schedule-table">
              <ScheduleHead />
              <tbody>
                {PHASES.map((phase) => (
                  <tr key={phase} aria-current={phase === currentPhase ? "step" : undefined}>
                    <th scope="row">{phaseName(t, phase)}</th>
                    <td>{formatDateTime(effective[phase].start, locale)}</td>
                    <td>{formatDateTime(effective[phase].end, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <OverrideForm currentPhase={currentPhase} lastResult={actionData?.intent === "override" ? actionData.result : undefined} />
          {overrides.length > 0 ? (
            <section className="card">
              <h2>{t("console.overridesSoFar")}</h2>
              <ul className="plain-list">
                {overrides.map((o) => (
                  <li key={o.id}>
                    <strong>{t(overrideLabels[o.kind]!)}</strong>: {phaseName(t, o.phase)}, {formatDateTime(o.at, locale)}
                    {o.newEnd ? ` → ${formatDateTime(o.newEnd, locale)}` : ""}. {t("console.logReason")}: {o.reason}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </>
      ) : (
        <ScheduleForm values={postedValues ?? values} errors={scheduleErrors} />
      )}
    </>
  );
}

/** A refused change of the planning in the reader's language, with the phase and date in it. */
function planningProblemText(t: Translate, locale: Locale, problem: PlanningProblem): string {
  const phase = "phase" in problem ? phaseName(t, problem.phase) : "lastEnded" in problem ? phaseName(t, problem.lastEnded) : "";
  const date = "currentEnd" in problem ? formatDateTime(problem.currentEnd, locale) : "";
  return t(`console.planningProblem.${problem.code}`, { phase, date });
}
