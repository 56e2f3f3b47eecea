import { getInputProps, type FieldMetadata } from "@conform-to/react";
import type { ReactNode } from "react";
import { translateMessage } from "~/lib/i18n";
import { useT } from "~/lib/i18n/react";

type FieldProps = {
  field: FieldMetadata<string | undefined>;
  label: string;
  hint?: string;
  type?: "text" | "email" | "password";
  autoComplete?: string;
  inputMode?: "text" | "email" | "numeric";
};

export function TextField({ field, label, hint, type = "text", autoComplete, inputMode }: FieldProps) {
  const t = useT();
  const hintId = hint ? `${field.id}-hint` : undefined;
  const errors = field.errors ?? [];
  const inputProps = getInputProps(field, { type, ariaDescribedBy: hintId });
  return (
    <div className="field" data-invalid={errors.length > 0 || undefined}>
      <label htmlFor={field.id}>{label}</label>
      {hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <input {...inputProps} key={inputProps.key} autoComplete={autoComplete} inputMode={inputMode} />
      {errors.length > 0 ? (
        <p className="field-error" id={field.errorId}>
          {errors.map((e) => translateMessage(t, e)).join(" ")}
        </p>
      ) : null}
    </div>
  );
}

export function FormErrors({ errors, id }: { errors: string[] | undefined; id: string }) {
  const t = useT();
  if (!errors?.length) return null;
  return (
    <div className="form-error" id={id} role="alert">
      {errors.map((e) => translateMessage(t, e)).join(" ")}
    </div>
  );
}

export function Card({ children, className }: { children: ReactNode; className?: string }) {
  return <div className={`card ${className ?? ""}`}>{children}</div>;
}
