import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { answersFormSchema } from "./answers-form";
import { buurtAnswerKeys, buurtOptions, counterKeys, countersFor, hasAnyAnswer } from "./questions";

const form = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(entries)) data.append(k, v);
  return data;
};

describe("buurtOptions", () => {
  it("takes the organiser's buurt list first, then two or more areas, else none", () => {
    const ideaBuurten = [
      { id: 7, name: "Noord" },
      { id: 8, name: "Zuid" },
    ];
    const areas = [
      { id: 1, name: "Peelo" },
      { id: 2, name: "Kloosterveen" },
    ];
    expect(buurtOptions({ ideaBuurten, areas })).toEqual([
      { key: "b7", name: "Noord" },
      { key: "b8", name: "Zuid" },
    ]);
    expect(buurtOptions({ ideaBuurten: [], areas })).toEqual([
      { key: "a1", name: "Peelo" },
      { key: "a2", name: "Kloosterveen" },
    ]);
    expect(buurtOptions({ ideaBuurten: [], areas: [areas[0]!] })).toEqual([]);
  });

  it("adds 'ergens anders' to a buurt question, and asks none without buurten", () => {
    expect(buurtAnswerKeys([{ key: "b7", name: "Noord" }])).toEqual(["b7", "elders"]);
    expect(buurtAnswerKeys([])).toEqual([]);
  });
});

describe("counters", () => {
  it("lists every counter in one fixed order, whatever anybody answered", () => {
    expect(counterKeys([{ key: "b7", name: "Noord" }]).map((k) => `${k.question}:${k.answer}`)).toEqual([
      "antwoorden:ingevuld",
      "leeftijd:tot-18",
      "leeftijd:18-29",
      "leeftijd:30-44",
      "leeftijd:45-64",
      "leeftijd:65-79",
      "leeftijd:80-plus",
      "buurt:b7",
      "buurt:elders",
      "eerste-keer:ja",
      "eerste-keer:nee",
    ]);
  });

  it("counts a form once and each answer given; an empty form counts nowhere", () => {
    expect(countersFor({ leeftijd: "65-79", eersteKeer: "ja" })).toEqual([
      { question: "antwoorden", answer: "ingevuld" },
      { question: "leeftijd", answer: "65-79" },
      { question: "eerste-keer", answer: "ja" },
    ]);
    expect(countersFor({})).toEqual([]);
    expect(hasAnyAnswer({ buurt: "elders" })).toBe(true);
  });
});

describe("answersFormSchema", () => {
  const schema = answersFormSchema(["b7", "elders"]);

  it("takes any question left open", () => {
    const parsed = parseWithZod(form({ token: "s.x.y", leeftijd: "18-29" }), { schema });
    expect(parsed.status).toBe("success");
    expect(parsed.status === "success" && parsed.value).toEqual({ token: "s.x.y", leeftijd: "18-29" });
  });

  it("refuses a buurt or band that is not on the list", () => {
    expect(parseWithZod(form({ token: "t", buurt: "b99" }), { schema }).status).toBe("error");
    expect(parseWithZod(form({ token: "t", leeftijd: "12" }), { schema }).status).toBe("error");
    expect(parseWithZod(form({ token: "t", buurt: "b7" }), { schema: answersFormSchema([]) }).status).toBe("error");
  });

  it("needs the token", () => {
    expect(parseWithZod(form({ leeftijd: "18-29" }), { schema }).status).toBe("error");
  });
});
