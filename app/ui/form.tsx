import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import { useActionData, useLocation, useNavigation } from "@remix-run/react";
import { useRef, type ReactNode } from "react";
import { translateMessage } from "~/lib/i18n/core";
import { useT } from "~/lib/i18n/react";

/**
 * How every form checks itself in the browser: when it is sent, then again while a field is retyped.
 * Never on blur: a message that appears or vanishes when a field loses focus moves the button away from
 * the click that took the focus, and the click is lost (seen on the registration form; GOV.UK's design
 * system checks on sending too). Without JavaScript the server answers the same way.
 */
export const validateOnSubmit = { shouldValidate: "onSubmit", shouldRevalidate: "onInput" } as const;

/**
 * The id for a conform form that adds something and stays on its page (add a milestone, invite a
 * juror): it changes once a post of this form succeeded (the action redirected back, no action data),
 * which makes conform start the form empty, as the full page load without JavaScript does. A refused
 * post keeps what was typed, and other forms on the page keep theirs: `posted` names the hidden fields
 * that tell this form's posts apart (its intent) on pages with several forms.
 */
export function useFormIdThatResetsAfterPost(base: string, posted: Record<string, string> = {}): string {
  const navigation = useNavigation();
  const { key } = useLocation();
  const refused = useActionData() !== undefined;
  const seen = useRef({ key, version: 0, posted: false });
  if (navigation.state === "submitting") {
    seen.current.posted = Object.entries(posted).every(([name, value]) => navigation.formData?.get(name) === value);
  } else if (navigation.state === "idle" && seen.current.key !== key) {
    seen.current = { key, version: seen.current.version + (seen.current.posted && !refused ? 1 : 0), posted: false };
  }
  return `${base}-${seen.current.version}`;
}

type Common = { label: string; hint?: string };
// Any field shape: the form's schema decides the value type (number, boolean, string), the input always posts text.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyField = FieldMetadata<any>;

function useFieldParts(field: FieldMetadata<unknown>, hint?: string) {
  const t = useT();
  const hintId = hint ? `${field.id}-hint` : undefined;
  const errors = field.errors ?? [];
  const hintNode = hint ? (
    <p className="field-hint" id={hintId}>
      {hint}
    </p>
  ) : null;
  const errorNode =
    errors.length > 0 ? (
      <p className="field-error" id={field.errorId}>
        {errors.map((e) => translateMessage(t, e)).join(" ")}
      </p>
    ) : null;
  return { hintId, invalid: errors.length > 0, hintNode, errorNode };
}

type TextFieldProps = Common & {
  field: AnyField;
  type?: "text" | "email" | "password" | "datetime-local";
  autoComplete?: string;
  inputMode?: "text" | "email" | "numeric";
};

export function TextField({ field, label, hint, type = "text", autoComplete, inputMode }: TextFieldProps) {
  const { hintId, invalid, hintNode, errorNode } = useFieldParts(field, hint);
  const inputProps = getInputProps(field, { type, ariaDescribedBy: hintId });
  return (
    <div className="field" data-invalid={invalid || undefined}>
      <label htmlFor={field.id}>{label}</label>
      {hintNode}
      <input {...inputProps} key={inputProps.key} autoComplete={autoComplete} inputMode={inputMode} />
      {errorNode}
    </div>
  );
}

export function TextAreaField({ field, label, hint, rows = 6 }: Common & { field: AnyField; rows?: number }) {
  const { hintId, invalid, hintNode, errorNode } = useFieldParts(field, hint);
  const props = getTextareaProps(field, { ariaDescribedBy: hintId });
  return (
    <div className="field" data-invalid={invalid || undefined}>
      <label htmlFor={field.id}>{label}</label>
      {hintNode}
      <textarea {...props} key={props.key} rows={rows} />
      {errorNode}
    </div>
  );
}

export function SelectField({ field, label, hint, options }: Common & { field: AnyField; options: { value: string; label: string }[] }) {
  const { hintId, invalid, hintNode, errorNode } = useFieldParts(field, hint);
  const props = getSelectProps(field, { ariaDescribedBy: hintId });
  return (
    <div className="field" data-invalid={invalid || undefined}>
      <label htmlFor={field.id}>{label}</label>
      {hintNode}
      <select {...props} key={props.key}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {errorNode}
    </div>
  );
}

export function CheckboxField({ field, label, hint }: Common & { field: AnyField }) {
  const { hintId, invalid, hintNode, errorNode } = useFieldParts(field, hint);
  const props = getInputProps(field, { type: "checkbox", ariaDescribedBy: hintId });
  return (
    <div className="field" data-invalid={invalid || undefined}>
      <div className="choice">
        <input {...props} key={props.key} />
        <label htmlFor={field.id}>{label}</label>
      </div>
      {hintNode}
      {errorNode}
    </div>
  );
}

/** A group of checkboxes with one name (areaIds), as a fieldset with a legend. */
export function CheckboxGroup({ field, label, hint, options }: Common & { field: FieldMetadata<unknown>; options: { value: string; label: string }[] }) {
  const { invalid, hintNode, errorNode } = useFieldParts(field, hint);
  const initial = field.initialValue;
  const checked = new Set(Array.isArray(initial) ? initial.map(String) : initial ? [String(initial)] : []);
  return (
    <fieldset className="choice-group field" data-invalid={invalid || undefined} aria-describedby={invalid ? field.errorId : undefined}>
      <legend>{label}</legend>
      {hintNode}
      {options.map((o) => (
        <div className="choice" key={o.value}>
          <input type="checkbox" id={`${field.id}-${o.value}`} name={field.name} value={o.value} defaultChecked={checked.has(o.value)} />
          <label htmlFor={`${field.id}-${o.value}`}>{o.label}</label>
        </div>
      ))}
      {errorNode}
    </fieldset>
  );
}

// One way to show a form's own errors, for conform forms and plain ones alike.
export { FormErrors } from "./plain-form";

export function Card({ children, className }: { children: ReactNode; className?: string }) {
  return <div className={`card ${className ?? ""}`}>{children}</div>;
}
