import { z } from "zod";
import { AGE_BANDS } from "./constants";
import type { ResidentFigure } from "./figures";

// The organiser's figures about the area (ADR 014): residents per buurt and per age band, as the
// municipality (Basisregistratie Personen) or CBS (Kerncijfers wijken en buurten) gives them. Every
// field may stay empty.

export const MAX_RESIDENTS = 10_000_000;

export function residentsFieldName(kind: ResidentFigure["kind"], key: string): string {
  return `${kind}_${key}`;
}

/** "4.500", "4 500" and "4500" are the same number; empty is "not known". */
const residents = z
  .string()
  .trim()
  .transform((v) => v.replace(/[.\s]/g, ""))
  .pipe(z.string().regex(/^\d{1,8}$/, "validation.wholeNumber"))
  .transform(Number)
  .refine((n) => n <= MAX_RESIDENTS, "validation.numberRange")
  .optional();

export function residentsFormSchema(buurtKeys: readonly string[]) {
  const fields: Record<string, typeof residents> = {};
  for (const key of buurtKeys) fields[residentsFieldName("buurt", key)] = residents;
  for (const band of AGE_BANDS) fields[residentsFieldName("leeftijd", band)] = residents;
  return z.object(fields);
}

export function figuresFromForm(value: Record<string, number | undefined>, buurtKeys: readonly string[]): ResidentFigure[] {
  const figures: ResidentFigure[] = [];
  const add = (kind: ResidentFigure["kind"], key: string) => {
    const n = value[residentsFieldName(kind, key)];
    if (n !== undefined) figures.push({ kind, key, residents: n });
  };
  for (const key of buurtKeys) add("buurt", key);
  for (const band of AGE_BANDS) add("leeftijd", band);
  return figures;
}
