import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { parseWithZod } from "~/lib/parse-form";
import { useT } from "~/lib/i18n/react";
import type { MessageKey } from "~/lib/i18n";
import { can } from "~/modules/auth/permissions";
import { supportersForOrganisation } from "~/modules/aftercare/supporters.server";
import { BEFORE_ARCHIVE, checkPhase } from "~/modules/contests/phases";
import {
  addNeed,
  addOffer,
  addSupporterOffer,
  beursvloerOf,
  proposeMatch,
  removeNeed,
  setMatchStatus,
  withdrawOffer,
  type BeursvloerOffer,
  type HelpActor,
} from "~/modules/help/beursvloer.server";
import { HELP_KINDS, nextMatchStatuses } from "~/modules/help/matches";
import { beursvloerSchema, type BeursvloerPost } from "~/modules/help/schemas";
import { POST_LIMITS, readForm, redirectWith } from "~/routes-support/http.server";
import { loadContestForIdeas } from "~/routes-support/idea-access.server";
import { requireUser } from "~/routes-support/guards.server";
import { asHttp, requirePhase } from "~/routes-support/refusals.server";
import { shareCardFor } from "~/routes-support/share.server";
import { PageTitle } from "~/ui/page-title";
import { shareMeta } from "~/ui/share-meta";
import helpStyles from "~/ui/help.css?url";
import { roundLookOf } from "~/modules/auth/organisation-look";
import type { I18nHandle } from "~/lib/i18n/sections";

export const handle = { i18n: ["ideas", "help"] } satisfies I18nHandle;

export const links = () => [{ rel: "stylesheet", href: helpStyles }];

// The beursvloer of a round (issue 21.4, ADR 022): everyone sees what the ideas need and what is on
// offer; logged-in people offer help; initiators and organisers list needs, match offers and move the
// matches on. Every form posts here with an intent; the use cases check who may do what.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await loadContestForIdeas(request, params.slug);
  const { contest } = ctx.details;
  const isOrganiser = can(ctx.auth.actor, "contest:manage", ctx.details.target);
  const actor: HelpActor | null = ctx.auth.user ? { userId: ctx.auth.user.id, isOrganiser } : null;
  const path = `/rondes/${contest.slug}/beursvloer`;
  return {
    slug: contest.slug,
    roundLook: roundLookOf(ctx.details),
    title: contest.title,
    loggedIn: actor !== null,
    isOrganiser,
    open: checkPhase(ctx.phase, BEFORE_ARCHIVE).ok,
    userName: ctx.auth.user?.name ?? "",
    userEmail: ctx.auth.user?.email ?? "",
    supporters: isOrganiser ? (await supportersForOrganisation(contest.organisationId)).map((s) => ({ id: s.id, name: s.name })) : [],
    ...(await beursvloerOf(contest.id, actor)),
    share: await shareCardFor(request, { title: `${contest.title}: beursvloer`, description: contest.intro, path, image: null }),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? shareMeta(data.share) : []);

const savedKey: Record<BeursvloerPost["intent"], MessageKey> = {
  offer: "help.offerSaved",
  "supporter-offer": "help.offerSaved",
  "withdraw-offer": "help.saved",
  need: "help.needSaved",
  "remove-need": "help.saved",
  match: "help.matchSaved",
  "match-status": "help.statusSaved",
};

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await loadContestForIdeas(request, params.slug);
  const { user, actor: sessionActor } = await requireUser(request);
  requirePhase(ctx.details, BEFORE_ARCHIVE);
  const round = { id: ctx.details.contest.id, organisationId: ctx.details.contest.organisationId };
  const actor: HelpActor = { userId: user.id, isOrganiser: can(sessionActor, "contest:manage", ctx.details.target) };
  const form = await readForm(request, POST_LIMITS.text);
  const submission = parseWithZod(form, { schema: beursvloerSchema });
  if (submission.status !== "success") return data({ error: "help.formError" as const }, { status: 400 });
  const at = ctx.at;
  const v = submission.value;
  await asHttp(async () => {
    switch (v.intent) {
      case "offer": {
        const { intent: _, ...values } = v;
        return addOffer({ round, actor, values, now: at });
      }
      case "supporter-offer": {
        const { intent: _, ...values } = v;
        return addSupporterOffer({ round, actor, values, now: at });
      }
      case "withdraw-offer":
        return withdrawOffer({ round, actor, offerId: v.offerId, now: at });
      case "need": {
        const { intent: _, ...values } = v;
        return addNeed({ round, actor, values, now: at });
      }
      case "remove-need":
        return removeNeed({ round, actor, needId: v.needId });
      case "match":
        return proposeMatch({ round, actor, needId: v.needId, offerId: v.offerId, now: at });
      case "match-status":
        return setMatchStatus({ round, actor, matchId: v.matchId, status: v.status, now: at });
    }
  });
  return redirectWith(`/rondes/${ctx.details.contest.slug}/beursvloer`, { flash: { key: savedKey[v.intent] } });
}

function OfferText({ offer }: { offer: BeursvloerOffer }) {
  const t = useT();
  return (
    <>
      <strong>{offer.name}</strong> <span className="badge badge-muted">{t(`help.offererKinds.${offer.offererKind}`)}</span>{" "}
      <span className="badge">{t(`help.kinds.${offer.kind}`)}</span>
      {offer.withdrawn ? <span className="badge badge-muted"> {t("help.withdrawn")}</span> : null}
      <br />
      {offer.description}
      <br />
      <span className="muted small">{offer.inReturn ? t("help.inReturn", { text: offer.inReturn }) : t("help.nothingInReturn")}</span>
      {offer.contact ? (
        <>
          <br />
          <span className="small">{t("help.contact", { contact: offer.contact })}</span>
        </>
      ) : null}
    </>
  );
}

function KindSelect({ id, label }: { id: string; label: string }) {
  const t = useT();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name="kind" required>
        {HELP_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`help.kinds.${k}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

export default function BeursvloerPage() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const mine = page.ideas.filter((i) => i.mine);
  const available = page.offers.filter((o) => !o.withdrawn);
  return (
    <section className="page beursvloer">
      <PageTitle title={`${page.title} · ${t("help.title")}`} />
      <p className="breadcrumb">
        <Link to={`/rondes/${page.slug}`}>{page.title}</Link>
      </p>
      <h1>{t("help.title")}</h1>
      <p className="lead">{t("help.lead")}</p>
      {actionData?.error ? (
        <p className="notice warning" role="alert">
          {t(actionData.error)}
        </p>
      ) : null}
      {page.isOrganiser ? (
        <p>
          <Link to={`/organiseren/${page.slug}/beursvloer`}>{t("help.printLink")}</Link>
        </p>
      ) : null}

      <section aria-labelledby="vragen">
        <h2 id="vragen">{t("help.needsTitle")}</h2>
        {page.ideas.length === 0 ? <p className="muted">{t("help.noIdeas")}</p> : null}
        <ul className="help-ideas">
          {page.ideas.map((idea) => (
            <li key={idea.id} className="card">
              <h3>{idea.title}</h3>
              {idea.needs.length === 0 ? <p className="muted small">{t("help.noNeeds")}</p> : null}
              <ul className="help-needs">
                {idea.needs.map((need) => (
                  <li key={need.id}>
                    <p>
                      <span className="badge">{t(`help.kinds.${need.kind}`)}</span> {need.description}{" "}
                      <span className={`badge help-state-${need.state}`}>{t(`help.needStates.${need.state}`)}</span>
                    </p>
                    {need.matches.length > 0 ? (
                      <ul className="help-matches">
                        {need.matches.map((m) => (
                          <li key={m.id}>
                            <p>
                              <span className="badge">{t(`help.matchStatuses.${m.status}`)}</span> <OfferText offer={m.offer} />
                            </p>
                            {idea.mine && page.open
                              ? nextMatchStatuses(m.status).map((to) => (
                                  <Form method="post" key={to} className="inline-form">
                                    <input type="hidden" name="intent" value="match-status" />
                                    <input type="hidden" name="matchId" value={m.id} />
                                    <input type="hidden" name="status" value={to} />
                                    <button type="submit" className="button" aria-label={`${t(`help.matchTo.${to}`)}: ${m.offer.name}, ${need.description}`}>
                                      {t(`help.matchTo.${to}`)}
                                    </button>
                                  </Form>
                                ))
                              : null}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                    {idea.mine && page.open ? (
                      <div className="help-need-actions">
                        {available.length > 0 ? (
                          <Form method="post" className="inline-form">
                            <input type="hidden" name="intent" value="match" />
                            <input type="hidden" name="needId" value={need.id} />
                            <label htmlFor={`match-${need.id}`}>{t("help.matchLabel")}</label>{" "}
                            <select id={`match-${need.id}`} name="offerId" required>
                              {available.map((o) => (
                                <option key={o.id} value={o.id}>
                                  {`${o.name}: ${o.description.slice(0, 60)}`}
                                </option>
                              ))}
                            </select>{" "}
                            <button type="submit" className="button">
                              {t("help.matchSubmit")}
                            </button>
                          </Form>
                        ) : null}
                        <Form method="post" className="inline-form">
                          <input type="hidden" name="intent" value="remove-need" />
                          <input type="hidden" name="needId" value={need.id} />
                          <button type="submit" className="button" aria-label={`${t("help.removeNeed")}: ${need.description}`}>
                            {t("help.removeNeed")}
                          </button>
                        </Form>
                      </div>
                    ) : null}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </section>

      {mine.length > 0 && page.open ? (
        <section className="card" aria-labelledby="vraag-toevoegen">
          <h2 id="vraag-toevoegen">{t("help.needTitle")}</h2>
          <Form method="post" className="stack">
            <input type="hidden" name="intent" value="need" />
            <div className="field">
              <label htmlFor="need-idea">{t("help.needIdea")}</label>
              <select id="need-idea" name="ideaId" required>
                {mine.map((i) => (
                  <option key={i.id} value={i.id}>
                    {i.title}
                  </option>
                ))}
              </select>
            </div>
            <KindSelect id="need-kind" label={t("help.needKind")} />
            <div className="field">
              <label htmlFor="need-description">{t("help.needDescription")}</label>
              <input id="need-description" name="description" required maxLength={300} />
            </div>
            <button type="submit" className="button primary">
              {t("help.needSubmit")}
            </button>
          </Form>
        </section>
      ) : null}

      <section aria-labelledby="aanbod">
        <h2 id="aanbod">{t("help.offersTitle")}</h2>
        {page.offers.length === 0 ? <p className="muted">{t("help.noOffers")}</p> : null}
        <ul className="help-offers">
          {page.offers.map((offer) => (
            <li key={offer.id} className="card">
              <p>
                <OfferText offer={offer} />
              </p>
              {(offer.own || page.isOrganiser) && !offer.withdrawn && page.open ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="withdraw-offer" />
                  <input type="hidden" name="offerId" value={offer.id} />
                  <button type="submit" className="button" aria-label={`${t("help.withdraw")}: ${offer.name}`}>
                    {t("help.withdraw")}
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      </section>

      {page.open ? (
        <section className="card" aria-labelledby="aanbieden">
          <h2 id="aanbieden">{t("help.offerTitle")}</h2>
          {page.loggedIn ? (
            <Form method="post" className="stack">
              <input type="hidden" name="intent" value="offer" />
              <fieldset className="choice-group">
                <legend>{t("help.offerAs")}</legend>
                <label>
                  <input type="radio" name="offererKind" value="bewoner" defaultChecked /> {t("help.offererKinds.bewoner")}
                </label>
                <label>
                  <input type="radio" name="offererKind" value="ondernemer" /> {t("help.offererKinds.ondernemer")}
                </label>
              </fieldset>
              <div className="field">
                <label htmlFor="offer-name">{t("help.offerName")}</label>
                <input id="offer-name" name="name" required maxLength={120} defaultValue={page.userName} autoComplete="name" />
              </div>
              <KindSelect id="offer-kind" label={t("help.offerKind")} />
              <div className="field">
                <label htmlFor="offer-description">{t("help.offerDescription")}</label>
                <textarea id="offer-description" name="description" required maxLength={1000} rows={3} />
              </div>
              <div className="field">
                <label htmlFor="offer-in-return">{t("help.offerInReturn")}</label>
                <p className="field-hint" id="offer-in-return-hint">
                  {t("help.offerInReturnHint")}
                </p>
                <input id="offer-in-return" name="inReturn" maxLength={300} aria-describedby="offer-in-return-hint" />
              </div>
              <div className="field">
                <label htmlFor="offer-contact">{t("help.offerContact")}</label>
                <p className="field-hint" id="offer-contact-hint">
                  {t("help.offerContactHint")}
                </p>
                <input id="offer-contact" name="contact" required maxLength={200} defaultValue={page.userEmail} aria-describedby="offer-contact-hint" />
              </div>
              <button type="submit" className="button primary">
                {t("help.offerSubmit")}
              </button>
            </Form>
          ) : (
            <p>
              <Link to={`/inloggen?redirectTo=${encodeURIComponent(`/rondes/${page.slug}/beursvloer`)}`}>{t("help.loginToOffer")}</Link>
            </p>
          )}
        </section>
      ) : null}

      {page.isOrganiser && page.open && page.supporters.length > 0 ? (
        <section className="card" aria-labelledby="ondersteuner-aanbod">
          <h2 id="ondersteuner-aanbod">{t("help.supporterTitle")}</h2>
          <p>{t("help.supporterLead")}</p>
          <Form method="post" className="stack">
            <input type="hidden" name="intent" value="supporter-offer" />
            <div className="field">
              <label htmlFor="supporter-id">{t("help.supporter")}</label>
              <select id="supporter-id" name="supporterId" required>
                {page.supporters.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </div>
            <KindSelect id="supporter-kind" label={t("help.offerKind")} />
            <div className="field">
              <label htmlFor="supporter-description">{t("help.offerDescription")}</label>
              <textarea id="supporter-description" name="description" required maxLength={1000} rows={3} />
            </div>
            <div className="field">
              <label htmlFor="supporter-in-return">{t("help.offerInReturn")}</label>
              <input id="supporter-in-return" name="inReturn" maxLength={300} />
            </div>
            <button type="submit" className="button">
              {t("help.supporterSubmit")}
            </button>
          </Form>
        </section>
      ) : null}
    </section>
  );
}
