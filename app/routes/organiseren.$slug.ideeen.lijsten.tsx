import { parseWithZod } from "~/lib/parse-form";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { now } from "~/lib/clock.server";
import { readForm, redirectWith } from "~/routes-support/http.server";
import type { MessageKey } from "~/lib/i18n";
import { useT } from "~/lib/i18n/react";
import { requirePermission } from "~/routes-support/guards.server";
import { requireContestManager } from "~/routes-support/contest-access.server";
import { getIdeaLists } from "~/modules/ideas/ideas.server";
import { addListItem, removeListItem, type ListKind } from "~/modules/ideas/lists.server";
import { ideaListsPath, moderationPath } from "~/modules/ideas/paths";
import { listItemSchema } from "~/modules/ideas/schemas";
import { PageTitle } from "~/ui/page-title";
import { requireListOpen } from "~/modules/contests/budget-parts.server";
import { asHttp } from "~/routes-support/refusals.server";
import ideasStyles from "~/ui/ideas.css?url";
import type { I18nHandle } from "~/lib/i18n/sections";

export const handle = { i18n: ["ideas"] } satisfies I18nHandle;

export const links = () => [{ rel: "stylesheet", href: ideasStyles }];

// The contest's categories and buurten, which residents choose from when they hand in an idea.

async function load(request: Request, slug: string | undefined) {
  const { details, actor } = await requireContestManager(request, slug);
  await requirePermission(request, "idea:manage-lists", details.target);
  return { details, actor };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { details } = await load(request, params.slug);
  return { slug: details.contest.slug, title: details.contest.title, lists: await getIdeaLists(details.contest.id) };
}

type Problem = { kind: ListKind; message: MessageKey };

export async function action({ request, params }: ActionFunctionArgs) {
  const { details, actor } = await load(request, params.slug);
  const formData = await readForm(request);
  const back = ideaListsPath(details.contest.slug);
  const base = { contestId: details.contest.id, actorUserId: actor.userId, now: now() };
  // The list that divides the budget is the ballot's set of parts (ADR 026): it stays once voting starts.
  asHttp(() => requireListOpen(details, formData.get("kind") === "buurt" ? "buurt" : "category", base.now));
  if (formData.get("intent") === "remove") {
    const kind: ListKind = formData.get("kind") === "buurt" ? "buurt" : "category";
    const result = await removeListItem({ ...base, kind, id: Number(formData.get("id")) });
    if (!result.ok) return data<Problem>({ kind, message: "ideas.listInUse" }, { status: 400 });
    return redirectWith(back, { flash: { key: "ideas.listRemoved" } });
  }
  const submission = parseWithZod(formData, { schema: listItemSchema });
  if (submission.status !== "success") {
    const kind: ListKind = formData.get("kind") === "buurt" ? "buurt" : "category";
    return data<Problem>({ kind, message: "ideas.errors.required" }, { status: 400 });
  }
  const result = await addListItem({ ...base, kind: submission.value.kind, name: submission.value.name });
  if (!result.ok) return data<Problem>({ kind: submission.value.kind, message: "ideas.listDuplicate" }, { status: 400 });
  return redirectWith(back, { flash: { key: "ideas.listAdded" } });
}

export default function IdeaListsPage() {
  const t = useT();
  const { slug, title, lists } = useLoaderData<typeof loader>();
  const problem = useActionData<typeof action>();
  const sections: { kind: ListKind; heading: string; newLabel: string; items: { id: number; name: string }[] }[] = [
    { kind: "category", heading: t("ideas.categories"), newLabel: t("ideas.listNewCategory"), items: lists.categories },
    { kind: "buurt", heading: t("ideas.buurten"), newLabel: t("ideas.listNewBuurt"), items: lists.buurten },
  ];
  return (
    <div className="org-ideas">
      <PageTitle title={`${title} · ${t("ideas.listsTitle")}`} />
      <p className="small">
        <Link to={moderationPath(slug)}>{t("ideas.orgTitle")}</Link>
      </p>
      <h2>{t("ideas.listsTitle")}</h2>
      <p>{t("ideas.listsLead")}</p>
      <div className="card-grid">
        {sections.map((s) => {
          const error = problem && problem.kind === s.kind ? t(problem.message) : null;
          const inputId = `new-${s.kind}`;
          return (
            <section key={s.kind} className="card" aria-labelledby={`${s.kind}-heading`}>
              <h3 id={`${s.kind}-heading`}>{s.heading}</h3>
              {s.items.length === 0 ? <p className="muted">{t("ideas.listsEmpty")}</p> : null}
              <ul className="plain-list list-items">
                {s.items.map((item) => (
                  <li key={item.id}>
                    <span>{item.name}</span>
                    <Form method="post">
                      <input type="hidden" name="kind" value={s.kind} />
                      <input type="hidden" name="id" value={item.id} />
                      <button type="submit" name="intent" value="remove" className="link-button" aria-label={t("ideas.listRemoveLabel", { name: item.name })}>
                        {t("ideas.listRemove")}
                      </button>
                    </Form>
                  </li>
                ))}
              </ul>
              <Form method="post" className="inline-add">
                <input type="hidden" name="kind" value={s.kind} />
                <div className="field" data-invalid={error ? true : undefined}>
                  <label htmlFor={inputId}>{s.newLabel}</label>
                  <input
                    id={inputId}
                    name="name"
                    maxLength={60}
                    required
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? `${inputId}-error` : undefined}
                  />
                  {error ? (
                    <p className="field-error" id={`${inputId}-error`}>
                      {error}
                    </p>
                  ) : null}
                </div>
                <button type="submit" name="intent" value="add" className="button">
                  {t("ideas.listAdd")}
                </button>
              </Form>
            </section>
          );
        })}
      </div>
    </div>
  );
}
