import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldLimit, withinLimit } from "./form-limits";

const schema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("save"), title: z.string().trim().max(10), rows: z.array(z.object({ amount: z.coerce.number() })).max(2) }),
  z.object({ intent: z.literal("note"), note: z.preprocess((v) => v, z.string().max(5)).optional(), counts: z.record(z.string(), z.string().max(3)) }),
]);

describe("field limits read from a schema", () => {
  it("knows each field's longest value, through unions, lists, records, preprocessing and optionals", () => {
    expect(fieldLimit(schema)).toEqual({
      fields: {
        intent: { text: 4 },
        title: { text: 10 },
        rows: { items: { fields: { amount: { text: 40 } } }, maxItems: 2 },
        note: { text: 5 },
        counts: { fields: {}, anyField: { text: 3 } },
      },
    });
  });

  it("cuts a posted value to them and leaves out what the schema does not know", () => {
    const posted = {
      intent: "save",
      title: "x".repeat(50),
      rows: [{ amount: "1" }, { amount: "2" }, { amount: "3" }],
      counts: { a: "12345" },
      extra: "y",
      note: ["abcdefg", "h"],
    };
    expect(withinLimit(posted, fieldLimit(schema))).toEqual({
      intent: "save",
      title: "x".repeat(10),
      rows: [{ amount: "1" }, { amount: "2" }],
      counts: { a: "123" },
      note: "abcde",
    });
  });

  it("sends back a post within the limits unchanged", () => {
    for (const posted of [
      { intent: "note", note: "kort", counts: { "101": "3" } },
      { intent: "save", title: "Bankje", rows: { amount: "12" } },
    ]) {
      expect(withinLimit(posted, fieldLimit(schema))).toEqual(posted);
    }
  });
});
