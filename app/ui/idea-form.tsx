import { getInputProps, type FieldMetadata } from "@conform-to/react";
import type { ReactNode } from "react";
import type { MessageKey } from "~/lib/i18n/core";
import { translateMessage } from "~/lib/i18n/core";
import { useT } from "~/lib/i18n/react";
import { SelectField, TextAreaField, TextField } from "~/ui/form";
import { PlacePicker, type PlaceSettings } from "~/ui/place-picker";

// The fields of an idea, shared by handing in, editing and the organiser's paper form.

type Option = { id: number; name: string };
type CostRow = { description?: string; amount?: string };

export type IdeaFieldSet = {
  title: FieldMetadata<string | undefined>;
  summary: FieldMetadata<string | undefined>;
  description: FieldMetadata<string | undefined>;
  costEuros: FieldMetadata<string | undefined>;
  costLines: FieldMetadata<CostRow[] | undefined>;
  categoryId: FieldMetadata<number | undefined>;
  buurtId: FieldMetadata<number | undefined>;
  locationText: FieldMetadata<string | undefined>;
  point: FieldMetadata<string | undefined>;
  helpNeeded: FieldMetadata<string | undefined>;
};

/** A select sends text; the schema reads it as a number. The field's props are the same either way. */
function asText(field: FieldMetadata<number | undefined>) {
  return field as unknown as FieldMetadata<string | undefined>;
}

function Section({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="idea-section">
      <legend>{legend}</legend>
      <div className="stack">{children}</div>
    </fieldset>
  );
}

export function IdeaFields({ fields, categories, buurten, place }: { fields: IdeaFieldSet; categories: Option[]; buurten: Option[]; place: PlaceSettings }) {
  const t = useT();
  const choose = { value: "", label: t("ideas.chooseOne") };
  const rows = fields.costLines.getFieldList();
  const hasLines = rows.some((row) => {
    const value = row.initialValue as Partial<CostRow> | undefined;
    return Boolean(value?.description || value?.amount);
  });
  const lineErrors = rows.some((row) => {
    const parts = row.getFieldset();
    return Boolean(parts.description.errors?.length || parts.amount.errors?.length);
  });
  return (
    <>
      <Section legend={t("ideas.sectionIdea")}>
        <TextField field={fields.title} label={t("ideas.title")} hint={t("ideas.titleHint")} />
        <TextAreaField field={fields.summary} label={t("ideas.summaryField")} hint={t("ideas.summaryHint")} rows={2} />
        <TextAreaField field={fields.description} label={t("ideas.descriptionField")} hint={t("ideas.descriptionHint")} rows={8} />
        {categories.length > 0 ? (
          <SelectField
            field={asText(fields.categoryId)}
            label={t("ideas.categoryField")}
            options={[choose, ...categories.map((c) => ({ value: String(c.id), label: c.name }))]}
          />
        ) : null}
      </Section>
      <Section legend={t("ideas.sectionPlace")}>
        {buurten.length > 0 ? (
          <SelectField
            field={asText(fields.buurtId)}
            label={t("ideas.buurtField")}
            options={[choose, ...buurten.map((b) => ({ value: String(b.id), label: b.name }))]}
          />
        ) : null}
        <PlacePicker locationField={fields.locationText} pointField={fields.point} place={place} />
      </Section>
      <Section legend={t("ideas.sectionCost")}>
        <TextField field={fields.costEuros} label={t("ideas.costField")} hint={t("ideas.costHint")} inputMode="numeric" />
        <CostLineRows rows={rows} open={hasLines || lineErrors} />
      </Section>
      <Section legend={t("ideas.sectionHelp")}>
        <TextAreaField field={fields.helpNeeded} label={t("ideas.helpField")} hint={t("ideas.helpHint")} rows={3} />
      </Section>
    </>
  );
}

/** Fixed rows (no JavaScript needed); empty rows are skipped by the schema. */
export function CostLineRows({ rows, open }: { rows: FieldMetadata<CostRow>[]; open: boolean }) {
  const t = useT();
  return (
    <details className="cost-lines" open={open || undefined}>
      <summary>{t("ideas.costLinesTitle")}</summary>
      <p className="field-hint">{t("ideas.costLinesHint")}</p>
      <div className="cost-rows">
        {rows.map((row, i) => {
          const parts = row.getFieldset();
          return (
            <div className="cost-row" key={row.key}>
              <TextField field={parts.description} label={t("ideas.costLineDescription", { n: i + 1 })} />
              <TextField field={parts.amount} label={t("ideas.costLineAmount", { n: i + 1 })} inputMode="numeric" />
            </div>
          );
        })}
      </div>
    </details>
  );
}

/** One photo with its alt text. The file is checked on the server; its error comes back as a message key. */
export function PhotoSlot({
  altField,
  error,
  remaining,
}: {
  altField: FieldMetadata<string | undefined>;
  error: MessageKey | null | undefined;
  remaining: number;
}) {
  const t = useT();
  if (remaining <= 0) return <p className="muted">{t("ideas.photoHintFull")}</p>;
  const errorId = "photo-error";
  return (
    <div className="photo-slot stack">
      <div className="field" data-invalid={error ? true : undefined}>
        <label htmlFor="photo">{t("ideas.photoField")}</label>
        <p className="field-hint" id="photo-hint">
          {t("ideas.photoHint", { n: remaining })}
        </p>
        <input
          type="file"
          id="photo"
          name="photo"
          accept="image/jpeg,image/png,image/webp"
          aria-describedby={error ? `photo-hint ${errorId}` : "photo-hint"}
          aria-invalid={error ? true : undefined}
        />
        {error ? (
          <p className="field-error" id={errorId}>
            {translateMessage(t, error)}
          </p>
        ) : null}
      </div>
      <AltTextField field={altField} />
    </div>
  );
}

function AltTextField({ field }: { field: FieldMetadata<string | undefined> }) {
  const t = useT();
  const props = getInputProps(field, { type: "text", ariaDescribedBy: `${field.id}-hint` });
  const errors = field.errors ?? [];
  return (
    <div className="field" data-invalid={errors.length > 0 || undefined}>
      <label htmlFor={field.id}>{t("ideas.photoAltField")}</label>
      <p className="field-hint" id={`${field.id}-hint`}>
        {t("ideas.photoAltHint")}
      </p>
      <input {...props} key={props.key} />
      {errors.length > 0 ? (
        <p className="field-error" id={field.errorId}>
          {errors.map((e) => translateMessage(t, e)).join(" ")}
        </p>
      ) : null}
    </div>
  );
}
