import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { figuresFromForm, residentsFormSchema } from "./residents-form";

const form = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(entries)) data.append(k, v);
  return data;
};

describe("residents form", () => {
  const schema = residentsFormSchema(["b1", "b2"]);

  it("reads numbers written the Dutch way and leaves empty fields out", () => {
    const parsed = parseWithZod(form({ buurt_b1: "4.500", buurt_b2: "", "leeftijd_65-79": "1 200" }), { schema });
    expect(parsed.status).toBe("success");
    if (parsed.status !== "success") return;
    expect(figuresFromForm(parsed.value, ["b1", "b2"])).toEqual([
      { kind: "buurt", key: "b1", residents: 4500 },
      { kind: "leeftijd", key: "65-79", residents: 1200 },
    ]);
  });

  it("refuses what is not a whole number of residents", () => {
    const parsed = parseWithZod(form({ buurt_b1: "12,5", "leeftijd_tot-18": "-3" }), { schema });
    expect(parsed.status).toBe("error");
    expect(parsed.reply().error).toMatchObject({ buurt_b1: ["validation.wholeNumber"], "leeftijd_tot-18": ["validation.wholeNumber"] });
    expect(parseWithZod(form({ buurt_b1: "99999999" }), { schema }).status).toBe("error");
  });
});
