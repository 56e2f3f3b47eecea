import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "~/lib/parse-form";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { now } from "~/lib/clock.server";
import { formatAmount, vatTerms } from "~/lib/format";
import { POST_LIMITS, readForm, redirectWith } from "~/routes-support/http.server";
import { useLocale, useT } from "~/lib/i18n/react";
import type { MessageKey } from "~/lib/i18n";
import { requireContestManager } from "~/routes-support/contest-access.server";
import { areasForOrganisation } from "~/modules/contests/areas.server";
import { removeContestImage, setContestImage, settingsOf, updateContestSettings } from "~/modules/contests/console.server";
import type { ContestDetails } from "~/modules/contests/contests.server";
import { contestImageUrl } from "~/modules/contests/contest-image";
import { checkUpload, photoProblemMessage } from "~/modules/ideas/photos";
import { processPhoto } from "~/lib/photos.server";
import { isMultipart, readFormWithPhoto } from "~/routes-support/upload.server";
import { requirePhase } from "~/routes-support/refusals.server";
import { BEFORE_ARCHIVE, checkPhase, phaseAt } from "~/modules/contests/phases";
import { ACCOUNT_CHECKS } from "~/modules/contests/contest-constants";
import { contestImageSchema, contestSettingsSchema, rulesLocked, settingsFormValues, withLockedDefaults } from "~/modules/contests/settings";
import { CheckboxField, CheckboxGroup, FormErrors, SelectField, TextAreaField, TextField, validateOnSubmit } from "~/ui/form";
import { PageTitle } from "~/ui/page-title";
import { BudgetPartsSettings } from "~/ui/budget-parts";
import { budgetPartsOf, ideasWithoutPart, saveBudgetParts } from "~/modules/contests/budget-parts.server";
import { BEFORE_VOTING, readBudgetPartsForm, type PartsProblem } from "~/modules/contests/budget-parts-form";
import { ideaListsPath } from "~/modules/ideas/paths";
import { asHttp } from "~/routes-support/refusals.server";
import type { I18nHandle } from "~/lib/i18n/sections";

export const handle = { i18n: ["console", "cover", "ideas", "budgetParts"] } satisfies I18nHandle;

export const outcomeRuleLabels: Record<string, MessageKey> = {
  "prizes-by-rank": "console.rulePrizesByRank",
  greedy: "console.ruleGreedy",
  "greedy-stop": "console.ruleGreedyStop",
  "greedy-partial": "console.ruleGreedyPartial",
  "equal-shares": "console.ruleEqualShares",
};

const emptyPrize = { name: "", amountEuros: "", description: "" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { details } = await requireContestManager(request, params.slug);
  const settings = settingsOf(details);
  const info = phaseAt(details.clock, now());
  return {
    title: details.contest.title,
    settings,
    // Without JavaScript there is no "add a line" button: the form always offers two empty prize lines.
    defaults: { ...settingsFormValues(settings), prizes: [...settingsFormValues(settings).prizes, emptyPrize, emptyPrize] },
    locked: rulesLocked(info),
    archived: !checkPhase(info, BEFORE_ARCHIVE).ok,
    areaOptions: (await areasForOrganisation(details.contest.organisationId)).map((a) => ({ value: String(a.id), label: a.name })),
    image: details.contest.imagePath ? { src: contestImageUrl(details.contest.imagePath, "small"), alt: details.contest.imageAlt ?? "" } : null,
    budgetParts: {
      ...(await budgetPartsOf(details.contest)),
      locked: !checkPhase(info, BEFORE_VOTING).ok,
      ideasWithoutPart: await ideasWithoutPart(details.contest),
      listsHref: ideaListsPath(details.contest.slug),
    },
  };
}

/** The budget's parts come in a form of their own; outside their phases the refusal says when they could change. */
async function changeBudgetParts(form: FormData, details: ContestDetails, actor: { userId: string }, at: number) {
  const read = readBudgetPartsForm(form, (await budgetPartsOf(details.contest)).lists, details.contest);
  if (!read.ok) {
    const posted = Object.fromEntries([...form].flatMap(([k, v]) => (typeof v === "string" && k.length <= 40 ? [[k, v.slice(0, 30)]] : [])));
    return data({ partsErrors: read.errors, posted }, { status: 400 });
  }
  await asHttp(async () => saveBudgetParts({ actor, details, value: read.value, now: at }));
  return redirectWith(`/organiseren/${details.contest.slug}/instellingen#delen`, { flash: { key: "budgetParts.saved" } });
}

async function changeImage(request: Request, details: ContestDetails, actor: { userId: string }) {
  const { formData, file } = await readFormWithPhoto(request, "image");
  if (formData.get("intent") === "remove-image") return removeImage(details, actor);
  const read = parseWithZod(formData, { schema: contestImageSchema });
  if (read.status !== "success") return data({ imageError: "validation.tooLong" as const }, { status: 400 });
  const altText = read.value.imageAlt;
  const problem = checkUpload({ bytes: file?.bytes ?? null, tooLarge: file?.tooLarge ?? false, altText, existingCount: 0 });
  const photo = problem ? null : await processPhoto(file!.bytes!);
  if (!photo) return data({ imageError: photoProblemMessage[problem ?? "unreadable"] }, { status: 400 });
  await setContestImage({ actor, details, photo, altText, now: now() });
  return redirectWith(`/organiseren/${details.contest.slug}/instellingen`, { flash: { key: "console.imageSaved" } });
}

async function removeImage(details: ContestDetails, actor: { userId: string }) {
  await removeContestImage({ actor, details, now: now() });
  return redirectWith(`/organiseren/${details.contest.slug}/instellingen`, { flash: { key: "cover.removed" } });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { details, actor } = await requireContestManager(request, params.slug);
  // An archived round is read-only: its settings are what the residents were promised.
  requirePhase(details, BEFORE_ARCHIVE);
  // The picture comes in its own multipart form; the settings form is a plain one.
  if (isMultipart(request)) return changeImage(request, details, actor);
  const current = settingsOf(details);
  const at = now();
  const locked = rulesLocked(phaseAt(details.clock, at));
  const form = await readForm(request, POST_LIMITS.text);
  if (form.get("intent") === "remove-image") return removeImage(details, actor);
  if (form.get("intent") === "budget-parts") return changeBudgetParts(form, details, actor, at);
  const submission = parseWithZod(locked ? withLockedDefaults(form, current) : form, { schema: contestSettingsSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await updateContestSettings({ actor, details, values: submission.value, now: at });
  if (!result.ok) {
    const fieldErrors =
      "lockedFields" in result
        ? Object.fromEntries(result.lockedFields.map((f) => [f, ["validation.ruleLocked"]]))
        : "partsConflicts" in result
          ? Object.fromEntries(Object.entries(result.partsConflicts).map(([f, key]) => [f, [key]]))
          : { areaIds: ["validation.areaRequired"] };
    return data(submission.reply({ fieldErrors }), { status: 409 });
  }
  return redirectWith(`/organiseren/${details.contest.slug}/instellingen`, { flash: { key: "console.settingsSaved" } });
}

export default function ContestSettingsPage() {
  const t = useT();
  const locale = useLocale();
  const { title, settings, defaults, locked, archived, areaOptions, image, budgetParts } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const partsReply = actionData && "partsErrors" in actionData ? actionData : null;
  const lastResult = actionData && ("imageError" in actionData || "partsErrors" in actionData) ? undefined : actionData;
  const [form, fields] = useForm({
    lastResult,
    defaultValue: defaults,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: contestSettingsSchema }),
    ...validateOnSubmit,
  });
  const prizeRows = fields.prizes.getFieldList();
  const outcomeOptions = Object.entries(outcomeRuleLabels).map(([value, key]) => ({ value, label: t(key) }));
  return (
    <>
      <PageTitle title={`${title} · ${t("console.settingsTitle")}`} />
      <h2 className="visually-hidden">{t("console.settingsTitle")}</h2>
      {archived ? (
        <p className="notice warning">{t("console.archivedNotice")}</p>
      ) : locked ? (
        <p className="notice warning">{t("console.rulesLockedNotice")}</p>
      ) : null}
      <Form method="post" {...getFormProps(form)}>
        <fieldset className="plain-fieldset" disabled={archived}>
          <FormErrors errors={form.errors} id={form.errorId} />
          <fieldset className="form-section">
            <legend>{t("console.sectionGeneral")}</legend>
            <TextField field={fields.title} label={t("console.contestTitle")} />
            <TextAreaField field={fields.intro} label={t("console.intro")} hint={t("console.introHint")} rows={8} />
          </fieldset>

          {locked ? (
            <section className="form-section" aria-labelledby="vaste-regels">
              <h3 id="vaste-regels">{t("console.sectionVoting")}</h3>
              <dl className="details">
                <dt>{t("console.budget")}</dt>
                <dd>{formatAmount(settings.budgetEuros, locale, vatTerms(settings))}</dd>
                <dt>{t("console.votesPerResident")}</dt>
                <dd>{settings.votesPerResident}</dd>
                <dt>{t("console.outcomeRule")}</dt>
                <dd>{t(outcomeRuleLabels[settings.outcomeRule]!)}</dd>
                <dt>{t("console.areas")}</dt>
                <dd>
                  {areaOptions
                    .filter((a) => settings.areaIds.includes(Number(a.value)))
                    .map((a) => a.label)
                    .join(", ")}
                </dd>
              </dl>
            </section>
          ) : (
            <>
              <fieldset className="form-section">
                <legend>{t("console.sectionArea")}</legend>
                {areaOptions.length > 0 ? (
                  <CheckboxGroup field={fields.areaIds} label={t("console.areas")} hint={t("console.areasHint")} options={areaOptions} />
                ) : (
                  <p>
                    {t("console.noAreas")} <Link to="/organiseren/gebieden">{t("console.addAreas")}</Link>
                  </p>
                )}
              </fieldset>
              <fieldset className="form-section">
                <legend>{t("console.sectionMoney")}</legend>
                <TextField field={fields.budgetEuros} label={t("console.budget")} hint={t("console.budgetHint")} inputMode="numeric" />
                <SelectField
                  field={fields.amountsIncludeVat}
                  label={t("console.vat")}
                  hint={t("console.vatHint")}
                  options={[
                    { value: "inclusief", label: t("console.vatIncluded") },
                    { value: "exclusief", label: t("console.vatExcluded") },
                  ]}
                />
                <fieldset className="choice-group field" aria-describedby={fields.prizes.errors ? fields.prizes.errorId : undefined}>
                  <legend>{t("console.prizes")}</legend>
                  <p className="field-hint">{t("console.prizesHint")}</p>
                  {fields.prizes.errors ? (
                    <p className="field-error" id={fields.prizes.errorId}>
                      {t("validation.prizesOverBudget")}
                    </p>
                  ) : null}
                  {prizeRows.map((row, i) => {
                    const prize = row.getFieldset();
                    return (
                      <div className="prize-row" key={row.key}>
                        <TextField field={prize.name} label={t("console.prizeName", { n: i + 1 })} />
                        <TextField field={prize.amountEuros} label={t("console.prizeAmount", { n: i + 1 })} inputMode="numeric" />
                        <TextField field={prize.description} label={t("console.prizeDescription", { n: i + 1 })} />
                      </div>
                    );
                  })}
                </fieldset>
              </fieldset>
              <fieldset className="form-section">
                <legend>{t("console.sectionVoting")}</legend>
                <TextField field={fields.votesPerResident} label={t("console.votesPerResident")} hint={t("console.votesPerResidentHint")} inputMode="numeric" />
                <CheckboxField field={fields.allowStacking} label={t("console.allowStacking")} />
                <SelectField field={fields.outcomeRule} label={t("console.outcomeRule")} options={outcomeOptions} />
                <fieldset className="choice-group field" aria-describedby={fields.eligibleByAccount.errors ? fields.eligibleByAccount.errorId : undefined}>
                  <legend>{t("console.eligibility")}</legend>
                  <CheckboxField field={fields.eligibleByAccount} label={t("console.eligibleByAccount")} />
                  <CheckboxField field={fields.eligibleByCode} label={t("console.eligibleByCode")} />
                  <CheckboxField field={fields.eligibleByPoster} label={t("console.eligibleByPoster")} />
                </fieldset>
                <SelectField
                  field={fields.accountCheck}
                  label={t("console.accountCheck")}
                  hint={t("console.accountCheckHint")}
                  options={ACCOUNT_CHECKS.map((check) => ({
                    value: check,
                    label: t(check === "postcode" ? "console.accountCheckPostcode" : "console.accountCheckAddressList"),
                  }))}
                />
                <TextField field={fields.minVoterAge} label={t("console.minVoterAge")} inputMode="numeric" />
              </fieldset>
            </>
          )}
          <fieldset className="form-section">
            <legend>{t("console.sectionGroups")}</legend>
            <TextField field={fields.maxShortlist} label={t("console.maxShortlist")} inputMode="numeric" />
            <TextField field={fields.minTaakgroepSize} label={t("console.minTaakgroepSize")} hint={t("console.minTaakgroepSizeHint")} inputMode="numeric" />
            <TextField field={fields.retentionDays} label={t("console.retentionDays")} hint={t("console.retentionDaysHint")} inputMode="numeric" />
          </fieldset>
          <button type="submit" className="button primary">
            {t("console.save")}
          </button>
        </fieldset>
      </Form>
      {archived ? null : (
        <BudgetPartsSettings
          {...budgetParts}
          budget={settings.budgetEuros}
          vat={vatTerms(settings)}
          errors={(partsReply?.partsErrors as Record<string, PartsProblem> | undefined) ?? null}
          posted={(partsReply?.posted as Record<string, string> | undefined) ?? null}
        />
      )}
      {archived ? null : <ImageForm image={image} error={actionData && "imageError" in actionData ? actionData.imageError : undefined} />}
    </>
  );
}

function ImageForm({ image, error }: { image: { src: string; alt: string } | null; error: MessageKey | undefined }) {
  const t = useT();
  return (
    <section className="form-section stack image-form" aria-labelledby="afbeelding-titel">
      <h3 id="afbeelding-titel">{t("cover.title")}</h3>
      <p className="field-hint">{t("cover.where")}</p>
      {image ? (
        <figure className="contest-image-current">
          <img className="contest-image-preview" src={image.src} alt={image.alt} />
          <figcaption className="muted">
            {t("cover.current")}: {image.alt}
          </figcaption>
        </figure>
      ) : (
        <p className="muted">{t("console.imageNone")}</p>
      )}
      {image ? (
        <Form method="post">
          <button type="submit" name="intent" value="remove-image" className="button">
            {t("cover.remove")}
          </button>
        </Form>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="stack">
        <div className="field" data-invalid={error ? true : undefined}>
          <label htmlFor="contest-image">{t("console.imageFile")}</label>
          <p className="field-hint" id="contest-image-hint">
            {t("console.imageHint")}
          </p>
          <input
            id="contest-image"
            name="image"
            type="file"
            accept="image/jpeg,image/png,image/webp"
            aria-describedby={error ? "contest-image-error contest-image-hint" : "contest-image-hint"}
            aria-invalid={error ? true : undefined}
          />
          {error ? (
            <p className="field-error" id="contest-image-error">
              {t(error)}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor="contest-image-alt">{t("console.imageAlt")}</label>
          <p className="field-hint" id="contest-image-alt-hint">
            {t("cover.altHint")}
          </p>
          <input id="contest-image-alt" name="imageAlt" defaultValue={image?.alt ?? ""} maxLength={300} aria-describedby="contest-image-alt-hint" />
        </div>
        <div>
          <button type="submit" className="button">
            {t("console.imageSave")}
          </button>
        </div>
      </Form>
    </section>
  );
}
