import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "~/lib/parse-form";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useMemo } from "react";
import { formatDateTime, vatTerms } from "~/lib/format";
import { readForm, redirectWith } from "~/routes-support/http.server";
import { useLocale, useT } from "~/lib/i18n/react";
import { enforce, loadIdeaContext } from "~/routes-support/idea-access.server";
import { inviteCoInitiator, removeCoInitiator, userEmail } from "~/modules/ideas/coinitiators.server";
import { forgetDraft } from "~/routes-support/idea-cookies.server";
import { readIdeaForm } from "~/routes-support/idea-form.server";
import { handIn, ideaOrigin } from "~/modules/ideas/handin.server";
import { handInFlashParams } from "~/modules/participation/participation.server";
import { countPhotos, discardDraft, formDefaults, getIdeaDetails, getIdeaLists, removePhoto, updateIdea } from "~/modules/ideas/ideas.server";
import { sendInviteMail } from "~/modules/ideas/mails.server";
import { editIdeaPath, finishIdeaPath, ideaPath, ideasPath, photoUrl } from "~/modules/ideas/paths";
import { MAX_PHOTOS_PER_IDEA } from "~/modules/ideas/photos";
import { editDecision, inviteDecision, SUBMIT_PHASES } from "~/modules/ideas/rules";
import { checkPhase } from "~/modules/contests/phases";
import { COST_LINE_ROWS, ideaFormSchema, inviteSchema, type IdeaFormInput, type IdeaFormValues } from "~/modules/ideas/schemas";
import { isMultipart } from "~/routes-support/upload.server";
import { FormErrors, TextField, useFormIdThatResetsAfterPost, validateOnSubmit } from "~/ui/form";
import { IdeaFields, PhotoSlot } from "~/ui/idea-form";
import { PageTitle } from "~/ui/page-title";
import ideasStyles from "~/ui/ideas.css?url";
import mapStyles from "~/ui/map.css?url";
import { placeSettings } from "~/routes-support/map-settings.server";
import { roundLookOf } from "~/modules/auth/organisation-look";
import type { I18nHandle } from "~/lib/i18n/sections";

export const handle = { i18n: ["ideas", "geo"] } satisfies I18nHandle;

export const links = () => [
  { rel: "stylesheet", href: ideasStyles },
  { rel: "stylesheet", href: mapStyles },
];

function padRows<T>(rows: T[], empty: () => T, length: number): T[] {
  return [...rows, ...Array.from({ length: Math.max(0, length - rows.length) }, empty)];
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await loadIdeaContext(request, params);
  await enforce(request, ctx, editDecision(ctx.relation, ctx.idea.status, ctx.phase));
  const { idea } = ctx;
  const details = await getIdeaDetails(idea);
  const defaults = formDefaults(idea, details.costLines);
  const invite = inviteDecision(ctx.relation, idea.status, ctx.phase);
  return {
    slug: ctx.details.contest.slug,
    roundLook: roundLookOf(ctx.details),
    contestTitle: ctx.details.contest.title,
    idea: { id: idea.id, title: idea.title, status: idea.status, hasOwner: idea.ownerUserId !== null, isPaper: idea.isPaper },
    relation: ctx.relation,
    deadline: ctx.phase.schedule?.indienen.end ?? null,
    lists: await getIdeaLists(ctx.details.contest.id),
    place: await placeSettings(ctx.details),
    vat: vatTerms(ctx.details.contest),
    defaults: { ...defaults, costLines: padRows(defaults.costLines, () => ({ description: "", amount: "" }), COST_LINE_ROWS) },
    photos: details.photos.map((p) => ({ id: p.id, url: photoUrl(p.storageKey, "small"), altText: p.altText, hidden: p.hidden })),
    coInitiators: details.coInitiators.map((c) => ({ id: c.id, email: c.email, name: c.name, accepted: c.accepted })),
    // Co-initiators are invited once the idea has an indiener with an account (after handing in without one).
    canInvite: invite.ok && idea.ownerUserId !== null,
    pastDeadline: ctx.relation === "organiser" && !checkPhase(ctx.phase, SUBMIT_PHASES).ok,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const ctx = await loadIdeaContext(request, params);
  const { logged } = await enforce(request, ctx, editDecision(ctx.relation, ctx.idea.status, ctx.phase));
  const { idea } = ctx;
  const slug = ctx.details.contest.slug;
  const userId = ctx.auth.user?.id ?? null;

  if (isMultipart(request)) {
    const lists = await getIdeaLists(ctx.details.contest.id);
    const schema = ideaFormSchema({ categoryIds: lists.categories.map((c) => c.id), buurtIds: lists.buurten.map((b) => b.id) });
    const read = await readIdeaForm(request, schema, await countPhotos(idea.id), { details: ctx.details, ip: context.clientIp, now: ctx.at });
    if (!read.ok) return read.response;
    const { intent, ...values } = read.value;
    await updateIdea({ idea, values, photo: read.photo, actorUserId: userId, logged, now: ctx.at });
    // Handing in is for the indiener (or the holder of an anonymous draft), not for an organiser.
    if (idea.status === "draft" && intent === "submit") {
      if (ctx.relation === "draft-holder" || !ctx.auth.user) return redirectWith(finishIdeaPath(slug, idea.id));
      if (ctx.relation === "owner") {
        const handedIn = await handIn({
          request,
          details: ctx.details,
          idea: { id: idea.id, title: values.title },
          user: ctx.auth.user,
          confirmed: true,
          now: ctx.at,
        });
        return redirectWith(ideaPath(slug, idea.id), {
          flash: { key: "ideas.submitted", params: handedIn ? handInFlashParams(ctx.details.contest.id) : undefined },
        });
      }
    }
    const flashKey = idea.status === "draft" ? "ideas.draftSaved" : "ideas.saved";
    const back = read.photo ? editIdeaPath(slug, idea.id) : idea.status === "draft" ? editIdeaPath(slug, idea.id) : ideaPath(slug, idea.id);
    return redirectWith(back, { flash: { key: flashKey } });
  }

  const formData = await readForm(request);
  const intent = String(formData.get("intent") ?? "");
  if (intent === "remove-photo") {
    await removePhoto({ idea, photoId: Number(formData.get("photoId")), actorUserId: userId, logged, now: ctx.at });
    return redirectWith(editIdeaPath(slug, idea.id), { flash: { key: "ideas.photoRemoved" } });
  }
  if (intent === "discard" && idea.status === "draft" && ctx.relation !== "organiser") {
    await discardDraft(idea);
    return redirectWith(ideasPath(slug), { cookies: [await forgetDraft(request, idea.id)], flash: { key: "ideas.draftDiscarded" } });
  }
  if (intent === "invite" || intent === "remove-co-initiator") {
    const decision = await enforce(request, ctx, inviteDecision(ctx.relation, idea.status, ctx.phase));
    if (!ctx.auth.user || idea.ownerUserId === null) throw new Response("Forbidden", { status: 403 });
    if (intent === "remove-co-initiator") {
      await removeCoInitiator({
        idea,
        coInitiatorId: Number(formData.get("coInitiatorId")),
        actorUserId: ctx.auth.user.id,
        logged: decision.logged,
        now: ctx.at,
      });
      return redirectWith(editIdeaPath(slug, idea.id), { flash: { key: "ideas.coRemoved" } });
    }
    const submission = parseWithZod(formData, { schema: inviteSchema });
    if (submission.status !== "success") return data({ invite: submission.reply() }, { status: 400 });
    const result = await inviteCoInitiator({
      idea,
      email: submission.value.email,
      ownerEmail: await userEmail(idea.ownerUserId),
      inviterUserId: ctx.auth.user.id,
      logged: decision.logged,
      now: ctx.at,
    });
    if (!result.ok) {
      const message = result.reason === "self" ? "ideas.coSelf" : "ideas.coAlready";
      return data({ invite: submission.reply({ fieldErrors: { email: [message] } }) }, { status: 400 });
    }
    await sendInviteMail({
      to: submission.value.email,
      locale: ctx.auth.user.locale,
      inviterName: ctx.auth.user.name,
      about: { slug, contestTitle: ctx.details.contest.title, ideaId: idea.id, ideaTitle: idea.title, origin: ideaOrigin(request) },
      token: result.token,
    });
    return redirectWith(editIdeaPath(slug, idea.id), { flash: { key: "ideas.coInvited" } });
  }
  throw new Response("Bad Request", { status: 400 });
}

export default function EditIdeaPage() {
  const t = useT();
  const locale = useLocale();
  const { slug, contestTitle, idea, relation, deadline, lists, place, vat, defaults, photos, coInitiators, canInvite, pastDeadline } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const schema = useMemo(() => ideaFormSchema({ categoryIds: lists.categories.map((c) => c.id), buurtIds: lists.buurten.map((b) => b.id) }), [lists]);
  const mainResult = actionData && "result" in actionData ? actionData : undefined;
  const [form, fields] = useForm<IdeaFormInput, IdeaFormValues>({
    id: "idea-form",
    lastResult: mainResult?.result,
    defaultValue: defaults,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    ...validateOnSubmit,
  });
  const [inviteForm, inviteFields] = useForm({
    id: useFormIdThatResetsAfterPost("invite-form", { intent: "invite" }),
    lastResult: actionData && "invite" in actionData ? actionData.invite : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: inviteSchema }),
    ...validateOnSubmit,
  });
  const busy = navigation.state === "submitting";
  return (
    <section className="page idea-page">
      <PageTitle title={`${t("ideas.editTitle")}: ${idea.title}`} />
      <p className="breadcrumb">
        <Link to={`/rondes/${slug}`}>{contestTitle}</Link> <span aria-hidden="true">›</span> <Link to={ideasPath(slug)}>{t("ideas.listTitle")}</Link>{" "}
        <span aria-hidden="true">›</span> <Link to={ideaPath(slug, idea.id)}>{idea.title}</Link>
      </p>
      <h1>{t("ideas.editTitle")}</h1>
      {relation === "organiser" ? (
        <p className="notice warning">{t("ideas.editLeadOrganiser")}</p>
      ) : deadline !== null ? (
        <p className="lead">{t("ideas.editLead", { date: formatDateTime(deadline, locale) })}</p>
      ) : null}
      {pastDeadline ? <p className="muted">{t("ideas.deadlinePassed")}</p> : null}

      {photos.length > 0 ? (
        <section className="idea-section" aria-labelledby="fotos">
          <h2 id="fotos">{t("ideas.currentPhotos", { n: photos.length })}</h2>
          <ul className="photo-manage">
            {photos.map((p) => (
              <li key={p.id}>
                <img src={p.url} alt={p.altText} width={160} loading="lazy" />
                {p.hidden ? (
                  <p className="small muted">{t("ideas.photoHiddenNotice")}</p>
                ) : (
                  <Form method="post">
                    <input type="hidden" name="photoId" value={p.id} />
                    <button
                      type="submit"
                      name="intent"
                      value="remove-photo"
                      className="button small-button"
                      aria-label={t("ideas.removePhotoLabel", { alt: p.altText })}
                    >
                      {t("ideas.removePhoto")}
                    </button>
                  </Form>
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="idea-form stack">
        <FormErrors errors={form.errors} id={form.errorId} />
        {idea.status === "draft" ? <p className="muted small">{t("ideas.requiredNote")}</p> : null}
        <IdeaFields fields={fields} categories={lists.categories} buurten={lists.buurten} place={place} vat={vat} />
        <fieldset className="idea-section">
          <legend>{t("ideas.sectionPhoto")}</legend>
          <PhotoSlot altField={fields.photoAlt} error={mainResult?.photoError} remaining={MAX_PHOTOS_PER_IDEA - photos.length} />
        </fieldset>
        <div className="form-actions">
          {idea.status === "draft" && relation !== "organiser" ? (
            <>
              <button type="submit" name="intent" value="submit" className="button primary" disabled={busy}>
                {t("ideas.submit")}
              </button>
              <button type="submit" name="intent" value="save" className="button" disabled={busy}>
                {t("ideas.saveDraft")}
              </button>
            </>
          ) : (
            <button type="submit" name="intent" value="save" className="button primary" disabled={busy}>
              {t("ideas.saveChanges")}
            </button>
          )}
        </div>
      </Form>

      {idea.status !== "draft" || idea.hasOwner ? (
        <section className="idea-section" aria-labelledby="mede-indieners">
          <h2 id="mede-indieners">{t("ideas.coTitle")}</h2>
          {canInvite ? (
            <>
              <p>{t("ideas.coLead")}</p>
              {coInitiators.length === 0 ? <p className="muted">{t("ideas.coNone")}</p> : null}
              <ul className="plain-list co-list">
                {coInitiators.map((c) => (
                  <li key={c.id}>
                    <span>
                      {c.name ?? c.email} <span className="badge badge-muted">{c.accepted ? t("ideas.coAccepted") : t("ideas.coPending")}</span>
                    </span>
                    <Form method="post">
                      <input type="hidden" name="coInitiatorId" value={c.id} />
                      <button
                        type="submit"
                        name="intent"
                        value="remove-co-initiator"
                        className="link-button"
                        aria-label={t("ideas.coRemoveLabel", { email: c.name ?? c.email })}
                      >
                        {t("ideas.coRemove")}
                      </button>
                    </Form>
                  </li>
                ))}
              </ul>
              <Form method="post" {...getFormProps(inviteForm)} className="invite-form stack">
                <input type="hidden" name="intent" value="invite" />
                <TextField field={inviteFields.email} label={t("ideas.coEmail")} type="email" autoComplete="off" inputMode="email" />
                <button type="submit" className="button" disabled={busy}>
                  {t("ideas.coInvite")}
                </button>
              </Form>
            </>
          ) : (
            <ul className="plain-list">
              {coInitiators
                .filter((c) => c.accepted)
                .map((c) => (
                  <li key={c.id}>{c.name}</li>
                ))}
            </ul>
          )}
        </section>
      ) : (
        <p className="muted">{t("ideas.coNeedsAccount")}</p>
      )}

      {idea.status === "draft" && relation !== "organiser" ? (
        <Form method="post" className="danger-zone">
          <button type="submit" name="intent" value="discard" className="link-button">
            {t("ideas.discardDraft")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
