import fc from "fast-check";

// Random and hostile form posts for the property tests (issue 10): the fields a form knows with values
// near what a browser sends, mixed with what a crafted post can hold. One entry is [name, value];
// a repeated name is a repeated field, as FormData allows.

/** A file part where a text field is expected. Printed as {"file":…} when fast-check reports a counterexample. */
export type FilePart = { file: string };
export type HostileEntry = readonly [string, string | FilePart];

/** The seed for every property: fixed, so a run is reproducible; FC_SEED=<n> tries another one. */
export const fcSeed = process.env.FC_SEED ? Number(process.env.FC_SEED) : 20_260_611;
export const fcParams = (numRuns: number) => ({ seed: fcSeed, numRuns }) as const;

const controls = [
  "\u0000",
  "\u0001",
  "\u0007",
  "\b",
  "\t",
  "\n",
  "\r",
  "\r\n",
  "\u000b",
  "\u000c",
  "\u001b",
  "\u007f",
  "\u0085",
  "\u00a0",
  "\u200b",
  "\u200e",
  "\u202e",
  "\u2028",
  "\u3000",
  "\ufeff",
  "\ud800",
  "\udfff",
  "\uffff",
];

/** Numbers as a form posts them, and the ones it should never get. */
export const numberish = fc.constantFrom(
  "0",
  "-0",
  "1",
  "-1",
  "2",
  "3",
  "7",
  "42",
  "NaN",
  "Infinity",
  "-Infinity",
  "1e3",
  "1e309",
  "-1e309",
  "0x1F",
  "0b11",
  "1.5",
  "1,5",
  " 7 ",
  "007",
  "9007199254740993",
  "99999999999999999999",
  "\u0663",
  "\uff11\uff12",
  "1_000",
  "\u20ac 25.000",
  "25.000,00",
  "+5",
  "",
  " ",
  "2147483648",
  "4294967296",
  "-2147483649",
  "5e-324",
);

const oddities = fc.constantFrom(
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "valueOf",
  "on",
  "true",
  "false",
  "null",
  "undefined",
  "[object Object]",
  "<script>alert(1)</script>",
  "' OR 1=1 --",
  "'; DROP TABLE ideas; --",
  "../../etc/passwd",
  "javascript:alert(1)",
  "//evil.example",
  "/\\evil.example",
  "/\t/evil.example",
  "/\r\nSet-Cookie: x=1",
  "/ide\u00ebn",
  "/\u20ac",
  "%00",
  "%0d%0a",
  '{"a":1}',
  "[1,2]",
  "\u0000",
  "\u0000abc",
  "abc\u0000",
  "   ",
  "\t\n",
  "\u00a0\u00a0",
  "\ud83d",
  "\ud83d\ude00",
  "\u0301",
  "a\u0301",
  "\ud83d\udc69\u200d\ud83d\udc69\u200d\ud83d\udc67",
  "\u202eevil",
  "Z\u0351\u0352\u0353\u0354\u0355\u0356\u0357",
  "2026-02-30",
  "2026-13-01",
  "2026-00-10",
  "0000-01-01",
  "+002026-01-01",
  "2026-1-1",
  "2026-02-29",
  "2028-02-29",
  "2026-03-29T02:30",
  "2026-10-25T02:30",
  "2026-02-30T12:00",
  "2026-01-01T24:00",
  "9999-12-31T23:59",
);

/** Any text at all: unicode, control characters, numbers as text, very long text, and known troublemakers. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 20 }) },
  { weight: 2, arbitrary: fc.array(fc.oneof(fc.constantFrom(...controls), fc.string({ maxLength: 3 })), { maxLength: 12 }).map((parts) => parts.join("")) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.oneof(fc.constantFrom("a", "\u00e9", " ", "\u0000", "\ud83d\ude00", "7"), fc.string({ minLength: 1, maxLength: 3 })),
        fc.integer({ min: 50, max: 6000 }),
      )
      .map(([unit, times]) => unit.repeat(times)),
  },
  { weight: 3, arbitrary: numberish },
  { weight: 3, arbitrary: oddities },
);

/** A value for a field the form knows: mostly near-valid, often hostile, sometimes repeated or a file. */
export function fieldValue(near: fc.Arbitrary<string>): fc.Arbitrary<string | FilePart | (string | FilePart)[]> {
  const one = fc.oneof({ weight: 6, arbitrary: near }, { weight: 3, arbitrary: hostileText });
  return fc.oneof(
    { weight: 8, arbitrary: one },
    { weight: 1, arbitrary: fc.array(one, { minLength: 2, maxLength: 3 }) },
    { weight: 1, arbitrary: fc.constantFrom<FilePart>({ file: "x.png" }, { file: "" }) },
  );
}

const bigIndexes = [10, 999, 9_999, 10_000, 1_000_000, 100_000_000, 4_294_967_294, 4_294_967_295, 2 ** 53];

/** Field names a form does not know: prototype keys, conform's own fields, broken paths, far-away list items. */
export function hostileKey(fieldNames: readonly string[]): fc.Arbitrary<string> {
  const names = fieldNames.length > 0 ? fieldNames : ["x"];
  const listNames = names.filter((n) => /\[\d+\]/.test(n));
  return fc.oneof(
    fc.constantFrom(
      "__proto__",
      "constructor",
      "prototype",
      "__proto__.polluted",
      "constructor.prototype.polluted",
      "__proto__[0]",
      "toString",
      "valueOf",
      "hasOwnProperty",
      "__defineGetter__",
      "__intent__",
      "__state__",
      "a..b",
      "[0]",
      "a[x]",
      ".",
      "]",
      "[]",
      "a[-1]",
      "a[0",
      "",
      "intent",
      "redirectTo",
      "id",
      "x[]",
    ),
    fc.tuple(fc.constantFrom(...names), fc.constantFrom(".__proto__", ".constructor", "[0]", ".x", "[]", "[1].y", "..", "[")).map(([n, s]) => n + s),
    fc.tuple(fc.constantFrom(...names, "x"), fc.constantFrom(...bigIndexes)).map(([n, i]) => `${n.replace(/\[\d+\].*$/, "")}[${i}]`),
    ...(listNames.length > 0 ? [fc.tuple(fc.constantFrom(...listNames), fc.constantFrom(...bigIndexes)).map(([n, i]) => n.replace(/\[\d+\]/, `[${i}]`))] : []),
    fc.string({ maxLength: 12 }),
  );
}

/** conform reads `__intent__` and `__state__` as JSON: values for them, readable and not. */
const controlValue = fc.oneof(
  hostileText,
  fc.constantFrom(
    "x",
    "{",
    "null",
    "1",
    "[]",
    "{}",
    '{"type":"validate"}',
    '{"type":"validate","payload":{"name":"title"}}',
    '{"type":"insert","payload":{"name":"title"}}',
    '{"type":"remove","payload":{"name":"title","index":0}}',
    '{"type":"update","payload":{"name":"__proto__","value":{"polluted":1}}}',
    '{"type":"update","payload":{"name":"x[100000000]","value":"1"}}',
    '{"type":"insert","payload":{"name":"costLines","index":4294967295}}',
    '{"type":"reorder","payload":{"name":"costLines","from":0,"to":99999999}}',
    '{"type":"reset","payload":{}}',
    '{"type":"update","payload":{"value":{"title":"Een titel"}}}',
  ),
);

/**
 * A field the form knows. A plain arbitrary mixes good and bad values; `{ valid, invalid }` keeps them
 * apart, so that nearly-valid posts (below) can be made of valid values only.
 */
export type FieldSpec = fc.Arbitrary<string> | { valid: fc.Arbitrary<string>; invalid: fc.Arbitrary<string> };

function validOf(spec: FieldSpec): fc.Arbitrary<string> {
  return "valid" in spec ? spec.valid : spec;
}
function nearOf(spec: FieldSpec): fc.Arbitrary<string> {
  return "valid" in spec ? fc.oneof({ weight: 2, arbitrary: spec.valid }, { weight: 1, arbitrary: spec.invalid }) : spec;
}

/** A field the form does not know: a hostile name with hostile text, or one of conform's own fields. */
function extraField(names: readonly string[]): fc.Arbitrary<[string, string]> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.tuple(hostileKey(names), hostileText) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom("__intent__", "__state__"), controlValue) },
  );
}

type Values = Partial<Record<string, string | FilePart | (string | FilePart)[]>>;

/**
 * A whole post, one of two kinds. Wild: some of the known fields (each may be missing, repeated, a file,
 * or hostile text), plus a few hostile extra fields. Nearly valid: every known field with a valid value,
 * plus at most one hostile extra field, so the action gets past its checks and writes rows.
 */
export function hostileForm(fields: Record<string, FieldSpec>): fc.Arbitrary<HostileEntry[]> {
  const specs = Object.entries(fields);
  const names = specs.map(([name]) => name);
  const wild: fc.Arbitrary<[Values, [string, string][]]> = fc.tuple(
    fc.record(Object.fromEntries(specs.map(([name, spec]) => [name, fieldValue(nearOf(spec))])), { requiredKeys: [] }),
    fc.array(extraField(names), { maxLength: 4 }),
  );
  const nearlyValid: fc.Arbitrary<[Values, [string, string][]]> = fc.tuple(
    fc.record(Object.fromEntries(specs.map(([name, spec]) => [name, validOf(spec)]))),
    fc.array(extraField(names), { maxLength: 1 }),
  );
  return fc.oneof(wild, nearlyValid).map(([values, extras]) => {
    const entries: HostileEntry[] = [];
    for (const [name, value] of Object.entries(values)) {
      if (value !== undefined) for (const v of Array.isArray(value) ? value : [value]) entries.push([name, v]);
    }
    for (const [name, value] of extras) entries.push([name, value]);
    return entries;
  });
}

export function toFormData(entries: readonly HostileEntry[]): FormData {
  const form = new FormData();
  for (const [name, value] of entries) {
    if (typeof value === "string") form.append(name, value);
    else form.append(name, new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2])], value.file, { type: "image/png" }));
  }
  return form;
}

/** Every string anywhere in a parsed value, to check them all at once. */
export function stringsIn(value: unknown, seen = new Set<unknown>()): string[] {
  if (typeof value === "string") return [value];
  if (!value || typeof value !== "object" || seen.has(value)) return [];
  seen.add(value);
  return Object.values(value).flatMap((v) => stringsIn(v, seen));
}
