import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { now } from "~/lib/clock.server";
import { readForm, redirectWith } from "~/routes-support/http.server";
import type { MessageKey } from "~/lib/i18n";
import { useLocale, useT } from "~/lib/i18n/react";
import { formatMoney } from "~/lib/format";
import { can } from "~/modules/auth/permissions";
import { requirePermission } from "~/routes-support/guards.server";
import { organisationsManagedBy } from "~/modules/contests/console.server";
import { resultsPath } from "~/modules/results/paths";
import { importArchivedContest } from "~/modules/results/archive.server";
import { PageTitle } from "~/ui/page-title";
import resultsStyles from "~/ui/results.css?url";
import type { I18nHandle } from "~/lib/i18n/sections";

export const handle = { i18n: ["results"] } satisfies I18nHandle;

// Import a round from before Wijkvonk, from a Pabulib .pb file, as an archived round of one of the
// organiser's organisations (issue 7). The same use case as `wijkvonk pb import FILE --organisation SLUG`.

export const links: LinksFunction = () => [{ rel: "stylesheet", href: resultsStyles }];

// The file with the form around it: one limit for the whole post, so that no number of parts adds up past it.
const MAX_POST_BYTES = 20 * 1024 * 1024;

// A budget in parts is said in the reader's language, with its amounts formatted there (`{parts}`, and
// each amount in `money`).
type ImportError = {
  key: MessageKey;
  params?: Record<string, string | number>;
  parts?: { name: string; budget: number }[];
  money?: Record<string, number>;
};

/** Why a file's budget parts could not be taken over, as the page says it (ADR 026). */
function partsError(result: Extract<Awaited<ReturnType<typeof importArchivedContest>>, { kind: "parts" }>): ImportError {
  const { problem, parts } = result;
  switch (problem.code) {
    case "unknown-part":
      return { key: "results.import.partsUnknownPart", params: { project: problem.project, part: problem.part } };
    case "over-budget":
      return { key: "results.import.partsOverBudget", parts, money: { total: problem.total, budget: problem.budget } };
    case "rule":
      return { key: "results.import.partsRule", parts, params: { rule: problem.rule } };
    case "name-too-long":
      return { key: "results.import.partsNameTooLong", params: { name: problem.name } };
    case "not-reproduced":
      return { key: "results.import.partsNotReproduced", parts };
    case "unreadable":
      return { key: "results.import.partsUnreadable", params: { message: problem.detail } };
  }
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requirePermission(request, "organise:open");
  return { organisations: await organisationsManagedBy(actor!) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requirePermission(request, "organise:open");
  const fail = (error: ImportError, status = 400) => data({ error }, { status });
  let form: FormData;
  try {
    form = await readForm(request, MAX_POST_BYTES);
  } catch (error) {
    // Too large is said on the form itself, beside the file field.
    if (error instanceof Response && error.status === 413) return fail({ key: "results.import.tooLarge" }, 413);
    throw error;
  }
  const organisationId = Number(form.get("organisationId"));
  if (!Number.isSafeInteger(organisationId) || !can(actor, "organisation:create-contest", { kind: "organisation", organisationId })) {
    throw new Response("Forbidden", { status: 403 });
  }
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return fail({ key: "results.import.noFile" });
  const result = await importArchivedContest({ text: await file.text(), fileName: file.name || null, organisationId, actorUserId: actor!.userId, now: now() });
  if (!result.ok) {
    if (result.kind === "parse") return fail({ key: "results.import.parseError", params: { line: result.line, message: result.message } });
    if (result.kind === "parts") return fail(partsError(result));
    return fail({ key: "results.import.archiveError", params: { message: result.message } });
  }
  return redirectWith(resultsPath(result.slug), {
    flash: { key: "results.import.importedFlash", params: { title: result.title, ideas: String(result.ideas) } },
  });
}

export default function ImportArchivedRound() {
  const t = useT();
  const locale = useLocale();
  const { organisations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const error = actionData?.error;
  return (
    <section className="page narrow">
      <PageTitle title={t("results.import.title")} />
      <h1>{t("results.import.title")}</h1>
      <p className="lead">{t("results.import.lead")}</p>
      <Form method="post" encType="multipart/form-data" className="card stack" aria-describedby={error ? "import-fout" : undefined}>
        {error ? (
          <p className="form-error" id="import-fout" role="alert">
            {t(error.key, {
              ...error.params,
              ...(error.parts
                ? { parts: error.parts.map((p: { name: string; budget: number }) => `${p.name} ${formatMoney(p.budget, locale)}`).join(", ") }
                : {}),
              ...Object.fromEntries(Object.entries(error.money ?? {}).map(([name, euros]) => [name, formatMoney(Number(euros), locale)])),
            })}
          </p>
        ) : null}
        <div className="field">
          <label htmlFor="import-organisatie">{t("results.import.organisation")}</label>
          <select id="import-organisatie" name="organisationId" defaultValue={organisations[0] ? String(organisations[0].id) : undefined}>
            {organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="import-bestand">{t("results.import.file")}</label>
          <p className="field-hint" id="import-bestand-hint">
            {t("results.import.fileHint")}
          </p>
          <input id="import-bestand" type="file" name="file" accept=".pb,text/plain" required aria-describedby="import-bestand-hint" />
        </div>
        <button type="submit" className="button primary" disabled={navigation.state === "submitting"}>
          {t("results.import.button")}
        </button>
      </Form>
    </section>
  );
}
