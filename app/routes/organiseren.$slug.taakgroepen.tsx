import { parseWithZod } from "~/lib/parse-form";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { now } from "~/lib/clock.server";
import { notFound, readForm, redirectWith } from "~/lib/http.server";
import { useT } from "~/lib/i18n/react";
import { ideaPath } from "~/modules/ideas/paths";
import { requireTaakgroepManager } from "~/modules/taakgroepen/console.server";
import { organiserStates } from "~/modules/taakgroepen/record";
import { markSchema } from "~/modules/taakgroepen/schemas";
import { contestTaakgroepen, markTaakgroep } from "~/modules/taakgroepen/taakgroepen.server";
import { PageTitle } from "~/ui/page-title";
import { TaakgroepBadge, useStatusLabel } from "~/ui/taakgroepen";
import taakgroepenStyles from "~/ui/taakgroepen.css?url";

export const links = () => [{ rel: "stylesheet", href: taakgroepenStyles }];

// The console's Taakgroepen tab: every idea's group, who is in (with consent), marks and the CSV export.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { details } = await requireTaakgroepManager(request, params.slug);
  const groups = contestTaakgroepen(details.contest.id, details.contest.minTaakgroepSize);
  return {
    slug: details.contest.slug,
    title: details.contest.title,
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
  const submission = parseWithZod(await readForm(request), { schema: markSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const { ideaId, state } = submission.value;
  if (!contestTaakgroepen(details.contest.id, details.contest.minTaakgroepSize).some((g) => g.ideaId === ideaId)) notFound();
  markTaakgroep({ contestId: details.contest.id, ideaId, state, userId: actor.userId, now: now() });
  return redirectWith(`/organiseren/${details.contest.slug}/taakgroepen`, { flash: { key: "taakgroepen.console.marked" } });
}

export default function TaakgroepenConsolePage() {
  const t = useT();
  const label = useStatusLabel();
  const { slug, title, groups } = useLoaderData<typeof loader>();
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
        <div className="table-scroll">
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
                  <td>
                    <TaakgroepBadge status={g.status} />
                  </td>
                  <td>
                    {g.members}{" "}
                    <a href={`${csv}?idee=${g.ideaId}`} download aria-label={t("taakgroepen.console.exportIdeaLabel", { title: g.title })}>
                      {t("taakgroepen.console.exportIdea")}
                    </a>
                  </td>
                  <td>
                    <ul className="plain-list">
                      {g.contacts.map((c, i) => (
                        <li key={i}>
                          {c.name} · {c.contact}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>
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
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
