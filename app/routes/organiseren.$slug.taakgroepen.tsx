import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "~/lib/parse-form";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { now } from "~/lib/clock.server";
import { getEnv, publicOrigin } from "~/lib/env.server";
import { notFound, POST_LIMITS, readForm, redirectWith } from "~/routes-support/http.server";
import { useT } from "~/lib/i18n/react";
import { BEFORE_ARCHIVE, checkPhase, phaseAt } from "~/modules/contests/phases";
import { requirePhase } from "~/routes-support/refusals.server";
import { ideaPath } from "~/modules/ideas/paths";
import { requireTaakgroepManager } from "~/routes-support/taakgroep-console.server";
import { organiserStates, TAAKGROEP_PHASES } from "~/modules/taakgroepen/record";
import { markSchema, paperSignupSchema } from "~/modules/taakgroepen/schemas";
import { contestTaakgroepen, joinTaakgroep, markTaakgroep } from "~/modules/taakgroepen/taakgroepen.server";
import { CheckboxField, FormErrors, SelectField, TextAreaField, TextField, useFormIdThatResetsAfterPost, validateOnSubmit } from "~/ui/form";
import { PageTitle } from "~/ui/page-title";
import { TaakgroepBadge, useStatusLabel } from "~/ui/taakgroepen";
import taakgroepenStyles from "~/ui/taakgroepen.css?url";
import type { I18nHandle } from "~/lib/i18n/sections";

export const handle = { i18n: ["taakgroepen"] } satisfies I18nHandle;

export const links = () => [{ rel: "stylesheet", href: taakgroepenStyles }];

// The console's Taakgroepen tab: every idea's group, who is in (with consent), marks and the CSV export.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { details } = await requireTaakgroepManager(request, params.slug);
  const groups = await contestTaakgroepen(details.contest.id, details.contest.minTaakgroepSize);
  const info = phaseAt(details.clock, now());
  return {
    slug: details.contest.slug,
    title: details.contest.title,
    // Sign-ups from paper or the keuzebijeenkomst, typed in by an organiser, in the phases residents sign up themselves.
    takesPaperSignups: checkPhase(info, TAAKGROEP_PHASES).ok,
    // An archived round is read-only: its groups keep the mark they had.
    mayMark: checkPhase(info, BEFORE_ARCHIVE).ok,
    groups: groups.map((g) => ({
      ideaId: g.ideaId,
      title: g.title,
      status: g.status,
      state: g.status.kind === "actief" || g.status.kind === "afgerond" || g.status.kind === "gestopt" ? g.status.kind : "geen",
      members: g.members,
      contacts: g.visible.map((m) => ({ name: m.name, contact: m.contact })),
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { details, actor } = await requireTaakgroepManager(request, params.slug);
  const form = await readForm(request, POST_LIMITS.text);
  const back = `/organiseren/${details.contest.slug}/taakgroepen`;
  const at = now();
  const groupOf = async (ideaId: number) =>
    (await contestTaakgroepen(details.contest.id, details.contest.minTaakgroepSize)).find((g) => g.ideaId === ideaId) ?? notFound();

  if (form.get("intent") === "paper-signup") {
    requirePhase(details, TAAKGROEP_PHASES, at);
    const submission = parseWithZod(form, { schema: paperSignupSchema });
    if (submission.status !== "success") return data({ paper: submission.reply() }, { status: 400 });
    const { ideaId, name, contact, skills, timeAvailable } = submission.value;
    const group = await groupOf(ideaId);
    const { formedNow } = await joinTaakgroep({
      contestId: details.contest.id,
      ideaId,
      userId: null,
      enteredBy: actor.userId,
      name,
      contact,
      skills,
      tags: [],
      timeAvailable,
      sharesContact: true,
      minimum: details.contest.minTaakgroepSize,
      now: at,
      ideaTitle: group.title,
      origin: publicOrigin(request, getEnv().appUrl),
      ideaPath: ideaPath(details.contest.slug, ideaId),
    });
    return redirectWith(back, {
      flash: { key: formedNow ? "taakgroepen.console.paperFormed" : "taakgroepen.console.paperAdded", params: { name, title: group.title } },
    });
  }

  requirePhase(details, BEFORE_ARCHIVE, at);
  const submission = parseWithZod(form, { schema: markSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const { ideaId, state } = submission.value;
  await groupOf(ideaId);
  await markTaakgroep({ contestId: details.contest.id, ideaId, state, userId: actor.userId, now: at });
  return redirectWith(back, { flash: { key: "taakgroepen.console.marked" } });
}

export default function TaakgroepenConsolePage() {
  const t = useT();
  const label = useStatusLabel();
  const { slug, title, groups, takesPaperSignups, mayMark } = useLoaderData<typeof loader>();
  const csv = `/organiseren/${slug}/taakgroepen-csv`;
  return (
    <section aria-labelledby="taakgroepen-title">
      <PageTitle title={`${t("taakgroepen.console.title")}: ${title}`} />
      <h2 id="taakgroepen-title">{t("taakgroepen.console.title")}</h2>
      <p>{t("taakgroepen.console.lead")}</p>
      <p>
        <a href={csv} download>
          {t("taakgroepen.console.exportAll")}
        </a>
      </p>
      {groups.length === 0 ? (
        <p>{t("taakgroepen.console.none")}</p>
      ) : (
        <div>
          <table className="taakgroep-table">
            <thead>
              <tr>
                <th scope="col">{t("taakgroepen.console.idea")}</th>
                <th scope="col">{t("taakgroepen.console.status")}</th>
                <th scope="col">{t("taakgroepen.console.members")}</th>
                <th scope="col">{t("taakgroepen.console.contacts")}</th>
                <th scope="col">{t("taakgroepen.console.mark")}</th>
              </tr>
            </thead>
            <tbody>
              {groups.map((g) => (
                <tr key={g.ideaId}>
                  <th scope="row">
                    <Link to={ideaPath(slug, g.ideaId)}>{g.title}</Link>
                  </th>
                  <td data-label={t("taakgroepen.console.status")}>
                    <TaakgroepBadge status={g.status} />
                  </td>
                  <td data-label={t("taakgroepen.console.members")}>
                    {g.members}{" "}
                    <a href={`${csv}?idee=${g.ideaId}`} download aria-label={t("taakgroepen.console.exportIdeaLabel", { title: g.title })}>
                      {t("taakgroepen.console.exportIdea")}
                    </a>
                  </td>
                  <td data-label={t("taakgroepen.console.contacts")} className={g.contacts.length === 0 ? "is-empty" : undefined}>
                    <ul className="plain-list">
                      {g.contacts.map((c, i) => (
                        <li key={i}>
                          {c.name} · {c.contact}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>
                    {mayMark ? (
                      <Form method="post" className="taakgroep-mark">
                        <input type="hidden" name="ideaId" value={g.ideaId} />
                        <label className="visually-hidden" htmlFor={`mark-${g.ideaId}`}>
                          {t("taakgroepen.console.mark")} ({g.title})
                        </label>
                        <select id={`mark-${g.ideaId}`} name="state" defaultValue={g.state}>
                          <option value="geen">{t("taakgroepen.console.markNone")}</option>
                          {organiserStates.map((s) => (
                            <option key={s} value={s}>
                              {label({ kind: s, members: g.members, minimum: 0 })}
                            </option>
                          ))}
                        </select>
                        <button type="submit" className="button" aria-label={`${t("taakgroepen.console.save")}: ${g.title}`}>
                          {t("taakgroepen.console.save")}
                        </button>
                      </Form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {takesPaperSignups && groups.length > 0 ? <PaperSignupForm ideas={groups.map((g) => ({ id: g.ideaId, title: g.title }))} /> : null}
    </section>
  );
}

/** "Ik doe mee" on paper or at the keuzebijeenkomst, for a resident without an account. */
function PaperSignupForm({ ideas }: { ideas: { id: number; title: string }[] }) {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const lastResult = actionData && "paper" in actionData ? (actionData.paper as SubmissionResult<string[]>) : undefined;
  const [form, fields] = useForm({
    id: useFormIdThatResetsAfterPost("paper-signup", { intent: "paper-signup" }),
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: paperSignupSchema }),
    ...validateOnSubmit,
  });
  return (
    <section className="card taakgroep-paper" aria-labelledby="papier-titel">
      <h3 id="papier-titel">{t("taakgroepen.console.paperTitle")}</h3>
      <p>{t("taakgroepen.console.paperLead")}</p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors errors={form.errors} id={form.errorId} />
        <input type="hidden" name="intent" value="paper-signup" />
        <SelectField
          field={fields.ideaId}
          label={t("taakgroepen.console.paperIdea")}
          options={[{ value: "", label: t("taakgroepen.console.paperChoose") }, ...ideas.map((i) => ({ value: String(i.id), label: i.title }))]}
        />
        <TextField field={fields.name} label={t("taakgroepen.console.paperName")} />
        <TextField field={fields.contact} label={t("taakgroepen.console.paperContact")} />
        <TextAreaField field={fields.skills} label={t("taakgroepen.console.paperSkills")} rows={2} />
        <TextField field={fields.timeAvailable} label={t("taakgroepen.console.paperTime")} />
        <CheckboxField field={fields.consent} label={t("taakgroepen.console.paperConsent")} />
        <div>
          <button type="submit" className="button primary">
            {t("taakgroepen.console.paperButton")}
          </button>
        </div>
      </Form>
    </section>
  );
}
