// Turns an audit row's before/after JSON into the lines a person reads: only what changed,
// nested objects flattened ("stemmen.end"), and moments (epoch milliseconds) shown as dates.

export type AuditChange = { field: string; before: string; after: string };

type Flat = Record<string, unknown>;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function flatten(value: unknown, prefix = ""): Flat {
  if (!isRecord(value)) return prefix || value !== null ? { [prefix]: value } : {};
  return Object.fromEntries(Object.entries(value).flatMap(([k, v]) => Object.entries(flatten(v, prefix ? `${prefix}.${k}` : k))));
}

// 2001 to 2286 in epoch milliseconds: only a moment, never a budget or a count, is that large.
const looksLikeInstant = (v: unknown): v is number => typeof v === "number" && v >= 1e12 && v < 1e13;

export function auditChanges(before: string | null, after: string | null, formatInstant: (ms: number) => string = String): AuditChange[] {
  const b = flatten(before ? (JSON.parse(before) as unknown) : null);
  const a = flatten(after ? (JSON.parse(after) as unknown) : null);
  const show = (value: unknown) =>
    value === null || value === undefined ? "—" : looksLikeInstant(value) ? formatInstant(value) : typeof value === "string" ? value : JSON.stringify(value);
  return [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .map((field) => ({ field, before: show(b[field]), after: show(a[field]) }))
    .filter((c) => c.before !== c.after);
}
