import { getFormProps, useForm, type FieldMetadata } from "@conform-to/react";
import { parseWithZod } from "~/lib/parse-form";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { now } from "~/lib/clock.server";
import { POST_LIMITS, readForm, redirectWith } from "~/routes-support/http.server";
import type { Locale, MessageKey } from "~/lib/i18n/core";
import { useLocale, useT } from "~/lib/i18n/react";
import { requireContestManager } from "~/routes-support/contest-access.server";
import { countHandedInIdeas } from "~/modules/ideas/ideas.server";
import type { Cell } from "~/modules/participation/disclosure";
import { participationReport, type Figure, type GroupTable, type Reach } from "~/modules/participation/figures";
import { contestBuurten, participationFigures, saveResidentFigures } from "~/modules/participation/participation.server";
import { participationConsolePath } from "~/modules/participation/paths";
import { AGE_BANDS, ELSEWHERE, type BuurtOption } from "~/modules/participation/questions";
import { figuresFromForm, residentsFieldName, residentsFormSchema } from "~/modules/participation/residents-form";
import { turnout } from "~/modules/voting/votes.server";
import { FormErrors, TextField, validateOnSubmit } from "~/ui/form";
import { PageTitle } from "~/ui/page-title";
import participationStyles from "~/ui/participation.css?url";
import { formatNumber } from "~/lib/i18n/numbers";
import type { I18nHandle } from "~/lib/i18n/sections";

export const handle = { i18n: ["participation"] } satisfies I18nHandle;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: participationStyles }];

// The console's "Wie doet mee" tab (issue 9, ADR 014): who answered the optional questions after
// voting and handing in, compared with who lives in the area, so organisers see whom they miss.
// Only published counts (they move in steps of 5 forms) and never a group under 5.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { details } = await requireContestManager(request, params.slug);
  const id = details.contest.id;
  const buurten = await contestBuurten(details);
  const { counts, residents } = await participationFigures(id);
  return {
    slug: details.contest.slug,
    title: details.contest.title,
    buurten,
    report: participationReport({ buurten, counts, residents, voters: (await turnout(id)).total, initiators: await countHandedInIdeas(id) }),
    residents: Object.fromEntries(residents.map((r) => [residentsFieldName(r.kind, r.key), String(r.residents)])),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { details, actor } = await requireContestManager(request, params.slug);
  const buurtKeys = (await contestBuurten(details)).map((b) => b.key);
  const submission = parseWithZod(await readForm(request, POST_LIMITS.rows), { schema: residentsFormSchema(buurtKeys) });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  await saveResidentFigures({ contestId: details.contest.id, figures: figuresFromForm(submission.value, buurtKeys), userId: actor.userId, now: now() });
  return redirectWith(participationConsolePath(details.contest.slug), { flash: { key: "participation.console.residentsSaved" } });
}

function formatCount(n: number, locale: Locale): string {
  return formatNumber(n, locale);
}

/** 27%; under 10% with one decimal (2,7%), where a turnout usually is. */
function formatShare(share: number, locale: Locale): string {
  return formatNumber(share, locale, { style: "percent", maximumFractionDigits: share < 0.1 ? 1 : 0 });
}

function useFigureText() {
  const t = useT();
  const locale = useLocale();
  return {
    cell: (cell: Cell) =>
      cell.kind === "shown" ? formatCount(cell.n, locale) : cell.kind === "small" ? t("participation.console.small") : t("participation.console.hidden"),
    figure: (f: Figure) =>
      f.kind === "shown"
        ? `${formatCount(f.n, locale)} (${formatShare(f.share ?? 0, locale)})`
        : f.kind === "small"
          ? t("participation.console.small")
          : t("participation.console.hidden"),
    share: (s: number | null) => (s === null ? t("participation.console.noFigure") : formatShare(s, locale)),
    count: (n: number | null) => (n === null ? t("participation.console.noFigure") : formatCount(n, locale)),
  };
}

function FigureCell({ value }: { value: Cell | Figure }) {
  const text = useFigureText();
  const className = value.kind === "shown" ? "number" : value.kind === "small" ? "number figure-small" : "number figure-hidden";
  return <td className={className}>{"share" in value ? text.figure(value) : text.cell(value)}</td>;
}

const reachKeys = { less: "participation.console.reachLess", similar: "participation.console.reachSimilar", more: "participation.console.reachMore" } as const;

function ReachCell({ reach }: { reach: Reach | null }) {
  const t = useT();
  if (reach === null) return <td>{t("participation.console.noFigure")}</td>;
  return <td className={`reach-${reach}`}>{t(reachKeys[reach])}</td>;
}

function GroupFigures({
  id,
  caption,
  groupLabel,
  table,
  nameOf,
  showResidents,
}: {
  id: string;
  caption: string;
  groupLabel: string;
  table: GroupTable;
  nameOf: (key: string) => string;
  showResidents: boolean;
}) {
  const t = useT();
  const text = useFigureText();
  return (
    <div className="table-scroll" role="region" aria-labelledby={id} tabIndex={0}>
      <table className="participation-table">
        <caption id={id} className="visually-hidden">
          {caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">{groupLabel}</th>
            <th scope="col" className="number">
              {t("participation.console.colVoters")}
            </th>
            {showResidents ? (
              <th scope="col" className="number">
                {t("participation.console.colResidents")}
              </th>
            ) : null}
            {showResidents ? <th scope="col">{t("participation.console.colReach")}</th> : null}
            {showResidents ? (
              <th scope="col" className="number">
                {t("participation.console.colTurnout")}
              </th>
            ) : null}
            <th scope="col" className="number">
              {t("participation.console.colInitiators")}
            </th>
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{nameOf(row.key)}</th>
              <FigureCell value={row.voters} />
              {showResidents ? (
                <td className="number">
                  {row.residentShare === null ? text.count(row.residents) : `${text.count(row.residents)} (${text.share(row.residentShare)})`}
                </td>
              ) : null}
              {showResidents ? <ReachCell reach={row.reach} /> : null}
              {showResidents ? <td className="number">{text.share(row.estimatedTurnout)}</td> : null}
              <FigureCell value={row.initiators} />
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t("participation.console.answeredBy")}</th>
            <FigureCell value={table.answered.voters} />
            {showResidents ? <td colSpan={3} /> : null}
            <FigureCell value={table.answered.initiators} />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function ResidentsFields({
  legend,
  entries,
  fields,
}: {
  legend: string;
  entries: { name: string; label: string }[];
  fields: Record<string, FieldMetadata<unknown>>;
}) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      <div className="residents-grid">
        {entries.map((e) => (
          <TextField key={e.name} field={fields[e.name]!} label={e.label} inputMode="numeric" autoComplete="off" />
        ))}
      </div>
    </fieldset>
  );
}

/** Keyed on the saved figures, so that after saving the fields show them as stored ("3400"). */
function ResidentsForm({ buurten, defaults }: { buurten: BuurtOption[]; defaults: Record<string, string> }) {
  const t = useT();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const buurtKeys = buurten.map((b) => b.key);
  const [form, fields] = useForm({
    lastResult,
    defaultValue: defaults,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: residentsFormSchema(buurtKeys) }),
    ...validateOnSubmit,
  });
  const ageName = (key: (typeof AGE_BANDS)[number]) => t(`participation.ageBands.${key}`);
  return (
    <Form method="post" {...getFormProps(form)} className="card residents-form">
      <FormErrors errors={form.errors} id={form.errorId} />
      {buurten.length > 0 ? (
        <ResidentsFields
          legend={t("participation.console.residentsPerBuurt")}
          entries={buurten.map((b) => ({ name: residentsFieldName("buurt", b.key), label: b.name }))}
          fields={fields as unknown as Record<string, FieldMetadata<unknown>>}
        />
      ) : null}
      <ResidentsFields
        legend={t("participation.console.residentsPerAge")}
        entries={AGE_BANDS.map((band) => ({ name: residentsFieldName("leeftijd", band), label: ageName(band) }))}
        fields={fields as unknown as Record<string, FieldMetadata<unknown>>}
      />
      <button type="submit" className="button primary" disabled={navigation.state === "submitting"}>
        {t("participation.console.residentsSave")}
      </button>
    </Form>
  );
}

export default function ParticipationConsolePage() {
  const t = useT();
  const locale = useLocale();
  const page = useLoaderData<typeof loader>();
  const text = useFigureText();
  const { report } = page;
  const buurtName = (key: string) =>
    key === ELSEWHERE ? t("participation.buurtElsewhere") : (page.buurten.find((b: BuurtOption) => b.key === key)?.name ?? t("participation.buurtGone"));
  const ageName = (key: string) => t(`participation.ageBands.${key as (typeof AGE_BANDS)[number]}`);
  const hasResidents =
    report.residents !== null || report.buurt?.rows.some((r) => r.residentShare !== null) || report.age.rows.some((r) => r.residentShare !== null);
  const canCompare = [...(report.buurt?.rows ?? []), ...report.age.rows].some((r) => r.reach !== null);
  const firstTime = (f: Figure, whole: MessageKey, small: MessageKey) =>
    f.kind === "shown" ? t(whole, { share: text.share(f.share) }) : t(small, { figure: text.cell(f) });
  return (
    <section aria-labelledby="deelname-titel">
      <PageTitle title={`${page.title} · ${t("participation.console.title")}`} />
      <h2 id="deelname-titel">{t("participation.console.title")}</h2>
      <p>{t("participation.console.lead")}</p>
      <p className="muted">{t("participation.console.rules")}</p>

      <h3>{t("participation.console.summaryTitle")}</h3>
      <dl className="participation-summary">
        <div>
          <dt>{t("participation.console.voters")}</dt>
          <dd>{formatCount(report.voters.people, locale)}</dd>
        </div>
        <div>
          <dt>{t("participation.console.votersAnswered")}</dt>
          <dd className={report.voters.respondents.kind === "shown" ? undefined : "small-group"}>{text.cell(report.voters.respondents)}</dd>
        </div>
        <div>
          <dt>{t("participation.console.initiators")}</dt>
          <dd>{formatCount(report.initiators.people, locale)}</dd>
        </div>
        <div>
          <dt>{t("participation.console.initiatorsAnswered")}</dt>
          <dd className={report.initiators.respondents.kind === "shown" ? undefined : "small-group"}>{text.cell(report.initiators.respondents)}</dd>
        </div>
        {report.turnout !== null && report.residents !== null ? (
          <div>
            <dt>{t("participation.console.turnout")}</dt>
            <dd>
              {formatShare(report.turnout, locale)}{" "}
              <span className="of-residents">{t("participation.console.turnoutOf", { residents: formatCount(report.residents, locale) })}</span>
            </dd>
          </div>
        ) : null}
      </dl>
      <p className="muted">{t("participation.console.posterNote")}</p>

      <div className="card less-reached" role="note" aria-labelledby="minder-titel">
        <h3 id="minder-titel">{t("participation.console.lessTitle")}</h3>
        {!hasResidents ? (
          <p>{t("participation.console.lessNeedsResidents")}</p>
        ) : !canCompare ? (
          <p>{t("participation.console.lessTooFew")}</p>
        ) : report.lessReached.length === 0 ? (
          <p>{t("participation.console.lessNone")}</p>
        ) : (
          <>
            <p>{t("participation.console.lessLead")}</p>
            <ul>
              {report.lessReached.map((g) => (
                <li key={`${g.question}-${g.key}`}>{g.question === "buurt" ? buurtName(g.key) : ageName(g.key)}</li>
              ))}
            </ul>
          </>
        )}
      </div>

      <h3 id="per-buurt">{t("participation.console.buurtTitle")}</h3>
      {report.buurt ? (
        <GroupFigures
          id="tabel-buurt"
          caption={t("participation.console.buurtTitle")}
          groupLabel={t("participation.console.colBuurt")}
          table={report.buurt}
          nameOf={buurtName}
          showResidents={hasResidents}
        />
      ) : (
        <p>{t("participation.console.noBuurten")}</p>
      )}

      <h3 id="per-leeftijd">{t("participation.console.ageTitle")}</h3>
      <GroupFigures
        id="tabel-leeftijd"
        caption={t("participation.console.ageTitle")}
        groupLabel={t("participation.console.colAge")}
        table={report.age}
        nameOf={ageName}
        showResidents={hasResidents}
      />
      {hasResidents ? <p className="muted small">{t("participation.console.estimateNote")}</p> : null}

      <h3>{t("participation.console.firstTimeTitle")}</h3>
      <ul>
        <li>{firstTime(report.firstTime.voters, "participation.console.firstTimeVoters", "participation.console.firstTimeVotersSmall")}</li>
        <li>{firstTime(report.firstTime.initiators, "participation.console.firstTimeInitiators", "participation.console.firstTimeInitiatorsSmall")}</li>
      </ul>

      <h3 id="bewoners-titel">{t("participation.console.residentsTitle")}</h3>
      <p>{t("participation.console.residentsLead")}</p>
      <ResidentsForm key={JSON.stringify(page.residents)} buurten={page.buurten} defaults={page.residents} />
    </section>
  );
}
