import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { now } from "~/lib/clock.server";
import type { MessageKey } from "~/lib/i18n";
import { useT } from "~/lib/i18n/react";
import { parseWithZod } from "~/lib/parse-form";
import { processPhoto } from "~/lib/photos.server";
import { accentFormSchema } from "~/modules/auth/organisation-look-form";
import { checkAccent, checkLogoUpload, DEFAULT_ACCENT, organisationLogoUrl, type LogoProblem } from "~/modules/auth/organisation-look";
import {
  organisationLookBySlug,
  removeOrganisationLogo,
  setAccentColour,
  setOrganisationLogo,
  type OrganisationLook,
} from "~/modules/auth/organisation-look.server";
import { can } from "~/modules/auth/permissions";
import { requirePermission } from "~/routes-support/guards.server";
import { getTranslator } from "~/routes-support/locale.server";
import { notFound, POST_LIMITS, readForm, redirectWith } from "~/routes-support/http.server";
import { isMultipart, readFormWithPhoto, RequestTooLarge } from "~/routes-support/upload.server";
import { FormErrors, TextField, validateOnSubmit } from "~/ui/form";
import { accentStyle } from "~/ui/organisation-look";
import { PageTitle } from "~/ui/page-title";
import consoleStyles from "~/ui/console.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: consoleStyles }];

// /organiseren/uiterlijk/:organisatie: an organisation's logo and accent colour (issue 18.13, ADR 025).
// Its own organisers and the beheerder change it; an organiser of another organisation, or of one
// contest only, gets a 403, a resident too.

const logoMessages: Record<LogoProblem | "unreadable", MessageKey> = {
  "not-an-image": "look.logoNotAnImage",
  "too-large": "look.logoTooLarge",
  unreadable: "look.logoUnreadable",
};

async function requireLookManager(request: Request, slug: string | undefined) {
  // A resident never learns which organisations exist: the 403 comes before the look-up.
  const { actor } = await requirePermission(request, "organise:open");
  const organisation = await organisationLookBySlug(slug ?? "");
  if (!organisation) notFound();
  if (!can(actor, "organisation:change-look", { kind: "organisation", organisationId: organisation.id })) throw new Response("Forbidden", { status: 403 });
  return { actor: actor!, organisation };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requireLookManager(request, params.organisatie);
  return {
    name: organisation.name,
    accent: organisation.accentColour,
    logo: organisation.logoKey ? { src: organisationLogoUrl(organisation.logoKey, "small"), alt: organisation.name } : null,
  };
}

type ActionData = { form: "accent"; result: SubmissionResult<string[]> } | { form: "logo"; error: MessageKey };

const pathOf = (organisation: OrganisationLook) => `/organiseren/uiterlijk/${organisation.slug}`;

async function changeLogo(request: Request, organisation: OrganisationLook, actor: { userId: string }) {
  let upload: Awaited<ReturnType<typeof readFormWithPhoto>>;
  try {
    upload = await readFormWithPhoto(request, "logo");
  } catch (error) {
    if (!(error instanceof RequestTooLarge)) throw error;
    const t = await getTranslator(request);
    throw data({ message: t("look.logoTooLarge") }, { status: 413 });
  }
  const { file } = upload;
  const problem = checkLogoUpload({ bytes: file?.bytes ?? null, tooLarge: file?.tooLarge ?? false });
  const logo = problem ? null : await processPhoto(file!.bytes!);
  if (!logo) return data<ActionData>({ form: "logo", error: logoMessages[problem ?? "unreadable"] }, { status: 400 });
  await setOrganisationLogo({ organisation, logo, actor, now: now() });
  return redirectWith(pathOf(organisation), { flash: { key: "look.logoSaved" } });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, organisation } = await requireLookManager(request, params.organisatie);
  // The logo comes in its own multipart form; the colour and the buttons are plain ones.
  if (isMultipart(request)) return changeLogo(request, organisation, actor);
  const form = await readForm(request, POST_LIMITS.short);
  const intent = form.get("intent");
  if (intent === "remove-logo") {
    await removeOrganisationLogo({ organisation, actor, now: now() });
    return redirectWith(pathOf(organisation), { flash: { key: "look.logoRemoved" } });
  }
  if (intent === "reset-accent") {
    await setAccentColour({ organisation, colour: null, actor, now: now() });
    return redirectWith(pathOf(organisation), { flash: { key: "look.accentWasReset" } });
  }
  const submission = parseWithZod(form, { schema: accentFormSchema });
  if (submission.status !== "success") return data<ActionData>({ form: "accent", result: submission.reply() }, { status: 400 });
  await setAccentColour({ organisation, colour: submission.value.accent, actor, now: now() });
  return redirectWith(pathOf(organisation), { flash: { key: "look.accentSaved" } });
}

export default function OrganisationLookPage() {
  const t = useT();
  const { name, accent, logo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  return (
    <section className="page narrow organisation-look-page">
      <PageTitle title={t("look.title", { organisation: name })} />
      <p className="breadcrumb">
        <Link to="/organiseren/team">
          <span aria-hidden="true">← </span>
          {t("look.backToTeam")}
        </Link>
      </p>
      <h1>{t("look.title", { organisation: name })}</h1>
      <p className="lead">{t("look.lead")}</p>
      <AccentForm accent={accent} lastResult={actionData?.form === "accent" ? actionData.result : undefined} />
      <LogoForm name={name} logo={logo} error={actionData?.form === "logo" ? actionData.error : undefined} />
    </section>
  );
}

function AccentForm({ accent, lastResult }: { accent: string | null; lastResult: SubmissionResult<string[]> | undefined }) {
  const t = useT();
  const [form, fields] = useForm({
    lastResult,
    defaultValue: { accent: accent ?? "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: accentFormSchema }),
    ...validateOnSubmit,
  });
  // A colour refused as too light: offer its darker shade as one click (the same rule as the message).
  const typed = typeof fields.accent.value === "string" ? checkAccent(fields.accent.value) : null;
  const suggestion = fields.accent.errors && typed && !typed.ok && typed.reason === "too-light" ? typed.suggestion : null;
  return (
    <section className="card stack" aria-labelledby="kleur-titel">
      <h2 id="kleur-titel">{t("look.accentTitle")}</h2>
      <div className="look-preview" style={accentStyle(accent)}>
        <span className="look-swatch" aria-hidden="true" />
        <span>{accent ? t("look.accentNow", { colour: accent }) : t("look.accentNowDefault", { colour: DEFAULT_ACCENT })}</span>
        <span className="look-preview-sample">
          {t("look.preview")}{" "}
          <span className="button primary small-button" aria-hidden="true">
            {t("look.previewButton")}
          </span>
        </span>
      </div>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors errors={form.errors} id={form.errorId} />
        <TextField field={fields.accent} label={t("look.accentLabel")} hint={t("look.accentHint")} autoComplete="off" />
        <div className="button-row">
          <button type="submit" className="button primary">
            {t("look.accentSave")}
          </button>
        </div>
      </Form>
      {suggestion ? (
        <Form method="post" className="look-suggestion">
          <input type="hidden" name="accent" value={suggestion} />
          <button type="submit" className="button" style={accentStyle(suggestion)}>
            <span className="look-swatch" aria-hidden="true" />
            {t("look.useSuggestion", { suggestion })}
          </button>
        </Form>
      ) : null}
      {accent ? (
        <Form method="post">
          <input type="hidden" name="intent" value="reset-accent" />
          <button type="submit" className="button">
            {t("look.accentReset")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}

function LogoForm({ name, logo, error }: { name: string; logo: { src: string; alt: string } | null; error: MessageKey | undefined }) {
  const t = useT();
  return (
    <section className="card stack" aria-labelledby="logo-titel">
      <h2 id="logo-titel">{t("look.logoTitle")}</h2>
      {logo ? <img className="look-logo-preview" src={logo.src} alt={name} /> : <p className="muted">{t("look.logoNone")}</p>}
      <Form method="post" encType="multipart/form-data" className="stack">
        <div className="field" data-invalid={error ? true : undefined}>
          <label htmlFor="organisation-logo">{t("look.logoLabel")}</label>
          <p className="field-hint" id="organisation-logo-hint">
            {t("look.logoHint")}
          </p>
          <input
            id="organisation-logo"
            name="logo"
            type="file"
            accept="image/png,image/jpeg,image/webp"
            required
            aria-describedby={error ? "organisation-logo-error organisation-logo-hint" : "organisation-logo-hint"}
            aria-invalid={error ? true : undefined}
          />
          {error ? (
            <p className="field-error" id="organisation-logo-error">
              {t(error)}
            </p>
          ) : null}
        </div>
        <div>
          <button type="submit" className="button primary">
            {t("look.logoSave")}
          </button>
        </div>
      </Form>
      {logo ? (
        <Form method="post">
          <input type="hidden" name="intent" value="remove-logo" />
          <button type="submit" className="button">
            {t("look.logoRemove")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
