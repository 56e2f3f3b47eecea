import { translateMessage } from "~/lib/i18n/core";
import { useT } from "~/lib/i18n/react";

// Form parts without conform, for a page whose only form is one field checked by the server alone
// (the contest page's "keep me informed", ADR 030): the same markup, ids and error display as
// ui/form.tsx's fields, without conform's 10 kB in the most visited page. Errors are message keys.

/** Messages for the whole form (role alert), as conform forms show them with FormErrors. */
export function FormErrors({ errors, id }: { errors: readonly string[] | undefined; id: string }) {
  const t = useT();
  if (!errors?.length) return null;
  return (
    <div className="form-error" id={id} role="alert">
      {errors.map((e) => translateMessage(t, e)).join(" ")}
    </div>
  );
}

type PlainTextFieldProps = {
  id: string;
  name: string;
  label: string;
  errors: readonly string[] | undefined;
  defaultValue?: string;
  type?: "text" | "email";
  autoComplete?: string;
  inputMode?: "text" | "email";
};

export function PlainTextField({ id, name, label, errors, defaultValue, type = "text", autoComplete, inputMode }: PlainTextFieldProps) {
  const t = useT();
  const invalid = Boolean(errors?.length);
  const errorId = `${id}-error`;
  return (
    <div className="field" data-invalid={invalid || undefined}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        type={type}
        defaultValue={defaultValue}
        autoComplete={autoComplete}
        inputMode={inputMode}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? errorId : undefined}
      />
      {invalid ? (
        <p className="field-error" id={errorId}>
          {errors!.map((e) => translateMessage(t, e)).join(" ")}
        </p>
      ) : null}
    </div>
  );
}
