import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "~/lib/parse-form";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { now } from "~/lib/clock.server";
import { formatDate } from "~/lib/format";
import { useLocale, useT } from "~/lib/i18n/react";
import { PHASES } from "~/modules/contests/contest-constants";
import { phaseName } from "~/ui/phase-words";
import { answerOverview, type ClockRow } from "~/modules/draagvlak/answers";
import { backingProgress } from "~/modules/draagvlak/backing";
import { addPaperBacking, backingCounts, firstAnswers, getDraagvlakSettings, saveDraagvlakSettings } from "~/modules/draagvlak/draagvlak.server";
import { consoleFormSchema, paperFormSchema, settingsFormSchema } from "~/modules/draagvlak/schemas";
import { listForModeration } from "~/modules/ideas/moderation.server";
import { ideaPath } from "~/modules/ideas/paths";
import { requireContestManager } from "~/routes-support/contest-access.server";
import { POST_LIMITS, readForm, redirectWith } from "~/routes-support/http.server";
import { CheckboxField, CheckboxGroup, FormErrors, SelectField, TextAreaField, TextField, validateOnSubmit } from "~/ui/form";
import { PageTitle } from "~/ui/page-title";
import draagvlakStyles from "~/ui/draagvlak.css?url";
import type { I18nHandle } from "~/lib/i18n/sections";

export const handle = { i18n: ["draagvlak"] } satisfies I18nHandle;

export const links = () => [{ rel: "stylesheet", href: draagvlakStyles }];

// Draagvlak in the console (issue 21): the round's minimum of backers, the answer promise and
// closing reactions; the ideas waiting for an answer and overdue; paper signature lists.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { details } = await requireContestManager(request, params.slug);
  const contestId = details.contest.id;
  const settings = await getDraagvlakSettings(contestId);
  const ideas = (await listForModeration(contestId)).rows.filter((r) => r.status !== "withdrawn");
  const ids = ideas.map((i) => i.id);
  const counts = await backingCounts(ids);
  const answers = await firstAnswers(ids);
  const overview = answerOverview({
    ideas: ideas.map((i) => ({ id: i.id, title: i.title, submittedAt: i.submittedAt, withdrawn: false })),
    workingDays: settings.answerWorkingDays,
    answeredAt: new Map([...answers].map(([id, a]) => [id, a.at])),
    now: now(),
  });
  const clockOf = new Map(overview.rows.map((r) => [r.id, r.clock]));
  return {
    slug: details.contest.slug,
    title: details.contest.title,
    settings,
    waiting: overview.waiting,
    overdue: overview.overdue,
    ideas: ideas.map((i) => ({
      id: i.id,
      title: i.title,
      backing: backingProgress({ ...(counts.get(i.id) ?? { online: 0, paper: 0 }), minimum: settings.minBackers }),
      clock: clockOf.get(i.id) ?? null,
    })),
  };
}

type ActionData = { intent: "settings" | "paper"; result: SubmissionResult<string[]> };

export async function action({ request, params }: ActionFunctionArgs) {
  const { details, actor } = await requireContestManager(request, params.slug);
  const contestId = details.contest.id;
  const form = await readForm(request, POST_LIMITS.text);
  const intent = form.get("intent") === "paper" ? "paper" : "settings";
  const submission = parseWithZod(form, { schema: consoleFormSchema });
  if (submission.status !== "success") return data<ActionData>({ intent, result: submission.reply() }, { status: 400 });
  const value = submission.value;
  const at = now();
  const back = `/organiseren/${details.contest.slug}/draagvlak`;
  if (value.intent === "settings") {
    await saveDraagvlakSettings({
      contestId,
      settings: {
        minBackers: value.minBackers,
        answerWorkingDays: value.answerWorkingDays ?? null,
        reactionsClosed: value.reactionsClosed,
        reactionsClosedPhases: value.reactionsClosedPhases,
      },
      actorUserId: actor.userId,
      now: at,
    });
    return redirectWith(back, { flash: { key: "draagvlak.saved" } });
  }
  const idea = (await listForModeration(contestId)).rows.find((r) => r.id === value.ideaId && r.status !== "withdrawn");
  if (!idea) return data<ActionData>({ intent, result: submission.reply({ fieldErrors: { ideaId: ["validation.required"] } }) }, { status: 400 });
  await addPaperBacking({ contestId, ideaId: idea.id, ideaTitle: idea.title, count: value.count, note: value.note, actorUserId: actor.userId, now: at });
  return redirectWith(back, { flash: { key: "draagvlak.paperAdded" } });
}

function ClockText({ clock }: { clock: ClockRow["clock"] | null }) {
  const t = useT();
  const locale = useLocale();
  if (!clock || clock.state === "no-promise") return <span className="muted">—</span>;
  // The due moment is midnight after the last working day: show that last day.
  const date = (ms: number) => formatDate(ms - 1, locale, { weekday: true });
  switch (clock.state) {
    case "waiting":
      return <span>{t("draagvlak.stateWaiting", { date: date(clock.dueAt) })}</span>;
    case "overdue":
      return <strong className="overdue">{t("draagvlak.stateOverdue", { date: date(clock.dueAt) })}</strong>;
    case "answered":
      return (
        <span>
          {clock.inTime
            ? t("draagvlak.stateAnsweredInTime", { date: formatDate(clock.answeredAt, locale) })
            : t("draagvlak.stateAnsweredLate", { date: formatDate(clock.answeredAt, locale) })}
        </span>
      );
  }
}

export default function DraagvlakConsolePage() {
  const t = useT();
  const { slug, title, settings, waiting, overdue, ideas } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [settingsForm, settingsFields] = useForm({
    id: "draagvlak-settings",
    lastResult: actionData?.intent === "settings" ? actionData.result : undefined,
    defaultValue: {
      minBackers: String(settings.minBackers),
      answerWorkingDays: settings.answerWorkingDays === null ? "" : String(settings.answerWorkingDays),
      reactionsClosed: settings.reactionsClosed ? "on" : "",
      reactionsClosedPhases: settings.reactionsClosedPhases,
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: settingsFormSchema }),
    ...validateOnSubmit,
  });
  const [paperForm, paperFields] = useForm({
    id: "draagvlak-paper",
    lastResult: actionData?.intent === "paper" ? actionData.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: paperFormSchema }),
    ...validateOnSubmit,
  });
  return (
    <section className="stack">
      <PageTitle title={`${t("draagvlak.consoleTitle")} · ${title}`} />
      <h2>{t("draagvlak.consoleTitle")}</h2>

      <section className="card stack" aria-labelledby="wachten">
        <h3 id="wachten">
          {t("draagvlak.waitingTitle")} {overdue > 0 ? <span className="badge badge-overdue">{t("draagvlak.overdueCount", { n: overdue })}</span> : null}
        </h3>
        {settings.answerWorkingDays === null ? (
          <p className="muted">{t("draagvlak.noPromise")}</p>
        ) : (
          <>
            <p>{t("draagvlak.waitingLead")}</p>
            {waiting.length === 0 ? (
              <p>{t("draagvlak.noneWaiting")}</p>
            ) : (
              <ul className="plain-list stack-small" aria-labelledby="wachten">
                {waiting.map((row) => (
                  <li key={row.id}>
                    <Link to={ideaPath(slug, row.id)}>{row.title}</Link> · <ClockText clock={row.clock} />
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </section>

      <section className="stack" aria-labelledby="ideeen-steun">
        <h3 id="ideeen-steun">{t("draagvlak.ideasTitle")}</h3>
        {ideas.length === 0 ? (
          <p>{t("draagvlak.noIdeas")}</p>
        ) : (
          <div className="draagvlak-table-wrap">
            <table className="draagvlak-table">
              <thead>
                <tr>
                  <th scope="col">{t("draagvlak.colIdea")}</th>
                  <th scope="col">{t("draagvlak.colBacking")}</th>
                  <th scope="col">{t("draagvlak.colAnswer")}</th>
                </tr>
              </thead>
              <tbody>
                {ideas.map((idea) => (
                  <tr key={idea.id}>
                    <th scope="row">
                      <Link to={ideaPath(slug, idea.id)}>{idea.title}</Link>
                    </th>
                    <td>
                      {idea.backing.minimum > 0
                        ? t("draagvlak.progress", { total: idea.backing.total, minimum: idea.backing.minimum })
                        : String(idea.backing.total)}
                      {idea.backing.paper > 0 ? <span className="muted small"> {t("draagvlak.paperPart", { n: idea.backing.paper })}</span> : null}
                    </td>
                    <td>
                      <ClockText clock={idea.clock} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {ideas.length > 0 ? (
        <Form method="post" {...getFormProps(paperForm)} className="card stack">
          <h3>{t("draagvlak.paperTitle")}</h3>
          <p>{t("draagvlak.paperLead")}</p>
          <FormErrors errors={paperForm.errors} id={paperForm.errorId} />
          <input type="hidden" name="intent" value="paper" />
          <SelectField field={paperFields.ideaId} label={t("draagvlak.paperIdea")} options={ideas.map((i) => ({ value: String(i.id), label: i.title }))} />
          <TextField field={paperFields.count} label={t("draagvlak.paperCount")} inputMode="numeric" />
          <TextAreaField field={paperFields.note} label={t("draagvlak.paperNote")} hint={t("draagvlak.paperNoteHint")} rows={2} />
          <div>
            <button type="submit" className="button primary">
              {t("draagvlak.paperAdd")}
            </button>
          </div>
        </Form>
      ) : null}

      <Form method="post" {...getFormProps(settingsForm)} className="card stack">
        <h3>{t("draagvlak.settingsTitle")}</h3>
        <FormErrors errors={settingsForm.errors} id={settingsForm.errorId} />
        <input type="hidden" name="intent" value="settings" />
        <TextField field={settingsFields.minBackers} label={t("draagvlak.minBackers")} hint={t("draagvlak.minBackersHint")} inputMode="numeric" />
        <TextField field={settingsFields.answerWorkingDays} label={t("draagvlak.answerDays")} hint={t("draagvlak.answerDaysHint")} inputMode="numeric" />
        <CheckboxField field={settingsFields.reactionsClosed} label={t("draagvlak.reactionsClosed")} />
        <CheckboxGroup
          field={settingsFields.reactionsClosedPhases}
          label={t("draagvlak.reactionsClosedPhases")}
          options={PHASES.map((p) => ({ value: p, label: phaseName(t, p) }))}
        />
        <div>
          <button type="submit" className="button primary">
            {t("draagvlak.save")}
          </button>
        </div>
      </Form>
    </section>
  );
}
