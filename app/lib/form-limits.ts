import type { $ZodType } from "zod/v4/core";

// What a form may post, read from its zod schema (issue 16): the longest value each field accepts.
// A refused post is sent back to the form (conform's reply) so the person keeps what they typed; it
// must not send back more than the form could ever hold, or a 10 MB post becomes a 10 MB page.

/** A field's limit: the characters of one value, the fields of an object, or the items of a list. */
export type FieldLimit = { text: number } | { fields: Record<string, FieldLimit>; anyField?: FieldLimit } | { items: FieldLimit; maxItems?: number };

/** A number, a date, a checkbox or a choice: nothing a form posts for them is longer. */
const SHORT_VALUE = 40;
/** Text whose schema names no maximum (a postcode, an amount or a day read by a transform): a generous line. */
const UNBOUNDED_TEXT = 200;

type Def = {
  type: string;
  checks?: { _zod: { def: { check: string; maximum?: number } } }[];
  innerType?: $ZodType;
  in?: $ZodType;
  out?: $ZodType;
  shape?: Record<string, $ZodType>;
  element?: $ZodType;
  options?: $ZodType[];
  valueType?: $ZodType;
  entries?: Record<string, unknown>;
  values?: unknown[];
  getter?: () => $ZodType;
};

const defOf = (schema: $ZodType) => schema._zod.def as unknown as Def;

function maxLengthOf(def: Def): number | undefined {
  const maxima = (def.checks ?? []).map((c) => c._zod.def).filter((c) => c.check === "max_length" && c.maximum !== undefined);
  return maxima.length > 0 ? Math.min(...maxima.map((c) => c.maximum!)) : undefined;
}

const longestText = (values: unknown[]) => Math.max(0, ...values.map((v) => String(v).length));

/** The limit of each field a schema reads, as posted (the input side of transforms and pipes). */
export function fieldLimit(schema: $ZodType): FieldLimit {
  const def = defOf(schema);
  switch (def.type) {
    case "string":
      return { text: maxLengthOf(def) ?? UNBOUNDED_TEXT };
    case "enum":
      return { text: longestText(Object.values(def.entries ?? {})) };
    case "literal":
      return { text: longestText(def.values ?? []) };
    case "number":
    case "bigint":
    case "boolean":
    case "date":
      return { text: SHORT_VALUE };
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "nonoptional":
    case "catch":
    case "readonly":
      return fieldLimit(def.innerType!);
    case "lazy":
      return fieldLimit(def.getter!());
    case "pipe":
      // z.preprocess is a pipe whose input side is a bare transform: the schema after it knows the field.
      return fieldLimit(defOf(def.in!).type === "transform" ? def.out! : def.in!);
    case "object":
      return { fields: Object.fromEntries(Object.entries(def.shape ?? {}).map(([name, field]) => [name, fieldLimit(field)])) };
    case "record":
      return { fields: {}, anyField: fieldLimit(def.valueType!) };
    case "array":
      return { items: fieldLimit(def.element!), maxItems: maxLengthOf(def) };
    case "union":
      return (def.options ?? []).map(fieldLimit).reduce(widest);
    default:
      return { text: UNBOUNDED_TEXT };
  }
}

/** A limit that admits what either admits: the union of intents of one form. */
function widest(a: FieldLimit, b: FieldLimit): FieldLimit {
  if ("text" in a && "text" in b) return { text: Math.max(a.text, b.text) };
  if ("items" in a && "items" in b)
    return { items: widest(a.items, b.items), maxItems: a.maxItems === undefined || b.maxItems === undefined ? undefined : Math.max(a.maxItems, b.maxItems) };
  if ("fields" in a && "fields" in b) {
    const fields = { ...a.fields };
    for (const [name, limit] of Object.entries(b.fields)) fields[name] = fields[name] ? widest(fields[name], limit) : limit;
    const anyField = a.anyField && b.anyField ? widest(a.anyField, b.anyField) : (a.anyField ?? b.anyField);
    return { fields, anyField };
  }
  // Two shapes that do not match (text in one intent, a list in another): the list, whose items can be text.
  return "items" in a ? a : "items" in b ? b : a;
}

/**
 * A posted value cut to its field's limit: text to its length, lists to their items, fields the
 * schema does not know left out. What a form sends within its limits comes back unchanged.
 */
export function withinLimit(value: unknown, limit: FieldLimit | undefined): unknown {
  if (limit === undefined || value === null || value === undefined) return undefined;
  if ("items" in limit) {
    // A list of one is posted (and sent back) as its one value.
    if (!Array.isArray(value)) return withinLimit(value, limit.items);
    return value.slice(0, limit.maxItems).map((item) => withinLimit(item, limit.items));
  }
  if ("text" in limit) {
    // One field posted twice is a list to conform, and wrong for a text field: its first value is enough to show.
    const text = Array.isArray(value) ? value[0] : value;
    return typeof text === "string" ? text.slice(0, limit.text) : undefined;
  }
  if (typeof value !== "object" || Array.isArray(value)) return undefined;
  const kept = Object.entries(value).map(
    ([name, field]) => [name, withinLimit(field, Object.hasOwn(limit.fields, name) ? limit.fields[name] : limit.anyField)] as const,
  );
  return Object.fromEntries(kept.filter(([, field]) => field !== undefined));
}
