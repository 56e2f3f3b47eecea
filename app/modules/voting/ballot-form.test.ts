import { describe, expect, it } from "vitest";
import type { BallotRules } from "./ballot";
import { ballotFormSchema, parseBallotForm } from "./ballot-form";

const ideas = [11, 12, 13, 14];
const three: BallotRules = { stickersPerVoter: 3, allowStacking: false };
const stacking: BallotRules = { stickersPerVoter: 3, allowStacking: true };

function form(...pairs: [string, string][]): FormData {
  const data = new FormData();
  for (const [name, value] of pairs) data.append(name, value);
  return data;
}

function issues(result: ReturnType<typeof parseBallotForm>): { path: string; message: string }[] {
  if (result.success) throw new Error("expected a refusal");
  return result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
}

describe("parseBallotForm", () => {
  it("reads checkboxes: one sticker per ticked poster, plus ik doe mee", () => {
    const result = parseBallotForm(form(["sticker", "13"], ["sticker", "11"], ["ikDoeMee", "13"], ["csrf", "x"]), three, ideas);
    expect(result).toEqual({ success: true, data: { stickers: [{ ideaId: 11 }, { ideaId: 13 }], ikDoeMee: [13] } });
  });

  it("reads stacking from repeated stickers and from number inputs, and adds them up", () => {
    expect(parseBallotForm(form(["sticker", "12"], ["sticker", "12"]), stacking, ideas).data?.stickers).toEqual([{ ideaId: 12 }, { ideaId: 12 }]);
    const numbers = form(["count.11", "2"], ["count.12", ""], ["count.13", "0"], ["count.14", " 1 "]);
    expect(parseBallotForm(numbers, stacking, ideas).data?.stickers).toEqual([{ ideaId: 11 }, { ideaId: 11 }, { ideaId: 14 }]);
    expect(parseBallotForm(form(["count.11", "2"], ["sticker", "11"]), stacking, ideas).data?.stickers).toHaveLength(3);
  });

  it("refuses too many stickers and stacking as form errors with i18n keys and numbers", () => {
    const tooMany = parseBallotForm(form(["sticker", "11"], ["sticker", "12"], ["sticker", "13"], ["sticker", "14"]), three, ideas);
    expect(issues(tooMany)).toEqual([{ path: "", message: "voting.tooManyStickers" }]);
    expect(!tooMany.success && tooMany.error.issues[0]).toMatchObject({ params: { placed: 4, allowed: 3 } });
    expect(issues(parseBallotForm(form(["count.11", "2"]), three, ideas))).toEqual([{ path: "", message: "voting.stackingNotAllowed" }]);
  });

  it("refuses an empty ballot", () => {
    expect(issues(parseBallotForm(form(), three, ideas))).toEqual([{ path: "", message: "voting.empty" }]);
    expect(issues(parseBallotForm(form(["count.11", ""]), stacking, ideas))).toEqual([{ path: "", message: "voting.empty" }]);
  });

  it("puts an ik-doe-mee tick without a sticker next to the tick boxes", () => {
    expect(issues(parseBallotForm(form(["sticker", "11"], ["ikDoeMee", "12"]), three, ideas))).toEqual([
      { path: "ikDoeMee", message: "voting.ikDoeMeeWithoutSticker" },
    ]);
  });

  it("refuses ideas that are not on the ballot and values that are not idea ids", () => {
    expect(issues(parseBallotForm(form(["sticker", "99"]), three, ideas))).toEqual([{ path: "", message: "voting.unknownIdea" }]);
    expect(issues(parseBallotForm(form(["sticker", "11; drop"]), three, ideas))).toEqual([{ path: "sticker", message: "voting.unknownIdea" }]);
    expect(issues(parseBallotForm(form(["count.x", "1"]), three, ideas))).toEqual([{ path: "count.x", message: "voting.unknownIdea" }]);
    expect(issues(parseBallotForm(form(["sticker", "11"], ["ikDoeMee", "-1"]), three, ideas))).toEqual([{ path: "ikDoeMee", message: "voting.unknownIdea" }]);
  });

  it("refuses counts that are not small whole numbers, and a repeated number field", () => {
    for (const value of ["-1", "1.5", "twee", "100", "1e9"]) {
      expect(issues(parseBallotForm(form(["count.11", value]), stacking, ideas))).toEqual([{ path: "count.11", message: "voting.invalidCount" }]);
    }
    expect(issues(parseBallotForm(form(["count.11", "1"], ["count.11", "1"]), stacking, ideas))).toEqual([
      { path: "count.11", message: "voting.invalidCount" },
    ]);
  });

  it("refuses a file where an idea id belongs", () => {
    const data = new FormData();
    data.append("sticker", new Blob(["11"]), "sticker.txt");
    expect(issues(parseBallotForm(data, three, ideas))).toEqual([{ path: "sticker", message: "voting.unknownIdea" }]);
  });
});

describe("ballotFormSchema", () => {
  it("accepts the shape conform makes of the form: a single value, a list, and count as an object", () => {
    const schema = ballotFormSchema(stacking, ideas);
    expect(schema.parse({ sticker: "11" }).stickers).toEqual([{ ideaId: 11 }]);
    expect(schema.parse({ sticker: ["11", "12"], count: { "13": "1", "14": undefined }, ikDoeMee: "12" })).toEqual({
      stickers: [{ ideaId: 11 }, { ideaId: 12 }, { ideaId: 13 }],
      ikDoeMee: [12],
    });
  });
});
