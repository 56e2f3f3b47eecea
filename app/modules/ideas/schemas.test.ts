import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { hideSchema, ideaFormSchema, paperIdeaSchema, reportSchema, workOutSchema } from "./schemas";

function form(values: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.append(k, v);
  return data;
}

const lists = { categoryIds: [1, 2], buurtIds: [7] };
const complete = { title: "Bankjes bij de vijver", summary: "Drie bankjes.", description: "Om te rusten.", costEuros: "1.250", categoryId: "1", buurtId: "7" };

function errorsOf(schema: Parameters<typeof parseWithZod>[1]["schema"], values: Record<string, string>) {
  const result = parseWithZod(form(values), { schema });
  return result.status === "success" ? {} : (result.reply().error ?? {});
}

describe("ideaFormSchema", () => {
  it("saves a draft with only a title, but hands in only a complete idea", () => {
    expect(errorsOf(ideaFormSchema(lists), { title: "Bankjes", intent: "save" })).toEqual({});
    const errors = errorsOf(ideaFormSchema(lists), { title: "Bankjes", intent: "submit" });
    expect(Object.keys(errors).sort()).toEqual(["buurtId", "categoryId", "costEuros", "description", "summary"]);
    expect(errorsOf(ideaFormSchema(lists), { ...complete, intent: "submit" })).toEqual({});
  });

  it("names every missing field at once, the title too", () => {
    const errors = errorsOf(ideaFormSchema(lists), { intent: "submit" });
    expect(Object.keys(errors).sort()).toEqual(["buurtId", "categoryId", "costEuros", "description", "summary", "title"]);
  });

  it("needs a title of 3 to 120 characters, even for a draft", () => {
    expect(errorsOf(ideaFormSchema(lists), { title: "" })).toEqual({ title: ["ideas.errors.titleRequired"] });
    expect(errorsOf(ideaFormSchema(lists), { title: "ab" })).toEqual({ title: ["ideas.errors.titleLength"] });
    expect(errorsOf(ideaFormSchema(lists), { title: "x".repeat(121) })).toEqual({ title: ["ideas.errors.titleLength"] });
  });

  it("reads euros as people type them and refuses cents and categories of other contests", () => {
    const ok = parseWithZod(form({ ...complete, intent: "submit" }), { schema: ideaFormSchema(lists) });
    expect(ok.status === "success" && ok.value.costEuros).toBe(1250);
    expect(errorsOf(ideaFormSchema(lists), { ...complete, costEuros: "12,50" })).toEqual({ costEuros: ["ideas.errors.euros"] });
    expect(errorsOf(ideaFormSchema(lists), { ...complete, categoryId: "99" })).toEqual({ categoryId: ["ideas.errors.choose"] });
  });

  it("skips empty cost rows, flags half-filled ones, and wants the lines to add up to the total", () => {
    const rows = { "costLines[0].description": "Bankjes", "costLines[0].amount": "1000", "costLines[1].description": "Planten", "costLines[1].amount": "250" };
    expect(errorsOf(ideaFormSchema(lists), { ...complete, ...rows, intent: "submit" })).toEqual({});
    expect(errorsOf(ideaFormSchema(lists), { ...complete, ...rows, costEuros: "2000" })).toEqual({ costEuros: ["ideas.errors.costMismatch"] });
    const parsed = parseWithZod(form({ ...complete, costEuros: "", ...rows, intent: "submit" }), { schema: ideaFormSchema(lists) });
    expect(parsed.status === "success" && parsed.value.costLines).toHaveLength(2);
    expect(errorsOf(ideaFormSchema(lists), { ...complete, "costLines[0].description": "Verf" })).toEqual({
      "costLines[0].amount": ["ideas.errors.costLineAmount"],
    });
    expect(errorsOf(ideaFormSchema(lists), { ...complete, "costLines[2].amount": "50" })).toEqual({
      "costLines[2].description": ["ideas.errors.costLineDescription"],
    });
  });

  it("says an amount is too high rather than badly typed, for the total and for lines that add up too far", () => {
    expect(errorsOf(ideaFormSchema(lists), { ...complete, costEuros: "10.000.001" })).toEqual({ costEuros: ["ideas.errors.costTooHigh"] });
    const lines = {
      "costLines[0].description": "Brug",
      "costLines[0].amount": "9.000.000",
      "costLines[1].description": "Tunnel",
      "costLines[1].amount": "9.000.000",
    };
    expect(errorsOf(ideaFormSchema(lists), { ...complete, costEuros: "", ...lines })).toEqual({ costEuros: ["ideas.errors.costLinesTooHigh"] });
    expect(errorsOf(workOutSchema, { plan: "Stap 1", planning: "Mei", helpers: "Buren", ...lines })).toEqual({ costEuros: ["ideas.errors.costLinesTooHigh"] });
  });

  it("accepts a point as copied from a map, and refuses an address in that field", () => {
    expect(errorsOf(ideaFormSchema(lists), { ...complete, point: "52.2661, 6.1783" })).toEqual({});
    expect(errorsOf(ideaFormSchema(lists), { ...complete, point: "Zwolseweg 1" })).toEqual({ point: ["ideas.errors.point"] });
  });
});

describe("paperIdeaSchema", () => {
  it("needs the resident's name, how they agreed, and the consent box", () => {
    const errors = errorsOf(paperIdeaSchema(lists), complete);
    expect(Object.keys(errors).sort()).toEqual(["consent", "paperConsentHow", "paperName"]);
    expect(errorsOf(paperIdeaSchema(lists), { ...complete, paperName: "Truus", paperConsentHow: "phone", consent: "on" })).toEqual({});
  });
});

describe("the smaller forms", () => {
  it("work-out needs plan, planning, helpers and a cost", () => {
    expect(Object.keys(errorsOf(workOutSchema, {})).sort()).toEqual(["costEuros", "helpers", "plan", "planning"]);
    expect(errorsOf(workOutSchema, { plan: "Stap 1", planning: "Mei", helpers: "Buren" })).toEqual({ costEuros: ["ideas.errors.costRequired"] });
    expect(errorsOf(workOutSchema, { plan: "Stap 1", planning: "Mei", helpers: "Buren", costEuros: "500" })).toEqual({});
  });
  it("a report says what about and why, in words when the reason is 'other'", () => {
    expect(errorsOf(reportSchema, { about: "idea", reason: "spam" })).toEqual({});
    expect(errorsOf(reportSchema, { about: "photo-3", reason: "other" })).toEqual({ message: ["ideas.errors.reportMessageRequired"] });
    expect(errorsOf(reportSchema, { about: "photo-x", reason: "spam" })).toEqual({ about: ["ideas.errors.choose"] });
  });
  it("hiding needs a reason of at least five characters", () => {
    expect(errorsOf(hideSchema, { reason: "nee" })).toEqual({ reason: ["ideas.errors.hideReason"] });
    expect(errorsOf(hideSchema, { reason: "Bevat een adres." })).toEqual({});
  });
});
