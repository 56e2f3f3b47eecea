import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { isMessageKey } from "~/lib/i18n";
import { conflictFormSchema, criteriaFormSchema, decisionFormSchema, feedbackFormSchema, inviteFormSchema, scoreFormSchema } from "./schemas";

function form(entries: [string, string][]): FormData {
  const data = new FormData();
  for (const [k, v] of entries) data.append(k, v);
  return data;
}

function errorsOf(submission: { status?: string; error?: Record<string, string[] | null> | null }) {
  return submission.error ?? {};
}

describe("the score form", () => {
  const schema = scoreFormSchema([11, 12, 13]);

  it("reads the scores per criterion and an optional comment", () => {
    const submission = parseWithZod(
      form([
        ["score.11", "4"],
        ["score.12", "1"],
        ["score.13", "5"],
        ["comment", "  Goed plan  "],
      ]),
      { schema },
    );
    expect(submission.status).toBe("success");
    if (submission.status === "success") expect(submission.value).toEqual({ score: { 11: 4, 12: 1, 13: 5 }, comment: "Goed plan" });
  });

  it("may be saved half-filled: a criterion without a choice is left out", () => {
    const submission = parseWithZod(form([["score.11", "3"]]), { schema });
    expect(submission.status).toBe("success");
    if (submission.status === "success") expect(submission.value).toEqual({ score: { 11: 3 }, comment: undefined });
  });

  it.each(["0", "6", "2.5", "-1", "vijf"])("refuses the score %s with jury.scoreRange", (value) => {
    const submission = parseWithZod(form([["score.11", value]]), { schema });
    expect(submission.status).toBe("error");
    expect(errorsOf(submission)["score.11"]).toEqual(["jury.scoreRange"]);
  });

  it("refuses a criterion of another contest", () => {
    const submission = parseWithZod(form([["score.99", "3"]]), { schema });
    expect(errorsOf(submission)["score.99"]).toEqual(["jury.unknownCriterion"]);
  });

  it("refuses a comment that is too long", () => {
    const submission = parseWithZod(form([["comment", "x".repeat(2001)]]), { schema });
    expect(errorsOf(submission)["comment"]).toEqual(["jury.commentTooLong"]);
  });
});

describe("the decision form", () => {
  const schema = decisionFormSchema({ ideaIds: [1, 2, 3], maxShortlist: 1 });
  const motivation = "Een duidelijk plan met steun uit de straat.";

  it("keeps decided rows and lists undecided ones when saving", () => {
    const submission = parseWithZod(
      form([
        ["intent", "save"],
        ["decisions[0].ideaId", "1"],
        ["decisions[0].outcome", "shortlisted"],
        ["decisions[0].motivation", motivation],
        ["decisions[1].ideaId", "2"],
        ["decisions[1].motivation", ""],
      ]),
      { schema },
    );
    expect(submission.status).toBe("success");
    if (submission.status === "success") {
      expect(submission.value).toEqual({ intent: "save", decisions: [{ ideaId: 1, outcome: "shortlisted", motivation }], undecided: [2] });
    }
  });

  it("needs a motivation for yes and for no", () => {
    const submission = parseWithZod(
      form([
        ["decisions[0].ideaId", "2"],
        ["decisions[0].outcome", "not-shortlisted"],
        ["decisions[0].motivation", "nee"],
      ]),
      { schema },
    );
    expect(errorsOf(submission)["decisions[0].motivation"]).toEqual(["jury.motivationRequired"]);
  });

  it("needs an outcome for every row when closing", () => {
    const submission = parseWithZod(
      form([
        ["intent", "close"],
        ["decisions[0].ideaId", "2"],
      ]),
      { schema },
    );
    expect(errorsOf(submission)["decisions[0].outcome"]).toEqual(["jury.outcomeRequired"]);
  });

  it("refuses more shortlisted ideas than the maximum", () => {
    const submission = parseWithZod(
      form([
        ["decisions[0].ideaId", "1"],
        ["decisions[0].outcome", "shortlisted"],
        ["decisions[0].motivation", motivation],
        ["decisions[1].ideaId", "2"],
        ["decisions[1].outcome", "shortlisted"],
        ["decisions[1].motivation", motivation],
      ]),
      { schema },
    );
    expect(errorsOf(submission)["decisions"]).toEqual(["jury.tooManyShortlisted"]);
  });

  it("refuses an idea that is not in the round and an unknown outcome", () => {
    const unknown = parseWithZod(
      form([
        ["decisions[0].ideaId", "77"],
        ["decisions[0].outcome", "shortlisted"],
        ["decisions[0].motivation", motivation],
      ]),
      { schema },
    );
    expect(errorsOf(unknown)["decisions[0].ideaId"]).toEqual(["jury.unknownIdea"]);
    const maybe = parseWithZod(
      form([
        ["decisions[0].ideaId", "1"],
        ["decisions[0].outcome", "maybe"],
        ["decisions[0].motivation", motivation],
      ]),
      { schema },
    );
    expect(errorsOf(maybe)["decisions[0].outcome"]).toEqual(["jury.outcomeRequired"]);
  });
});

describe("the criteria form", () => {
  it("keeps named rows, drops emptied ones, and needs a weight of 1 to 100", () => {
    const submission = parseWithZod(
      form([
        ["criteria[0].key", "wijk"],
        ["criteria[0].name", "Goed voor de wijk"],
        ["criteria[0].weight", "40"],
        ["criteria[1].key", "creativiteit"],
        ["criteria[1].name", ""],
        ["criteria[1].weight", "15"],
        ["criteria[2].name", "Duurzaam"],
        ["criteria[2].description", "Goed voor het milieu"],
        ["criteria[2].weight", "10"],
        ["criteria[3].name", ""],
      ]),
      { schema: criteriaFormSchema },
    );
    expect(submission.status).toBe("success");
    if (submission.status === "success") {
      expect(submission.value).toEqual([
        { key: "wijk", name: "Goed voor de wijk", description: "", weight: 40 },
        { key: null, name: "Duurzaam", description: "Goed voor het milieu", weight: 10 },
      ]);
    }
    const bad = parseWithZod(
      form([
        ["criteria[0].name", "Wijk"],
        ["criteria[0].weight", "0"],
      ]),
      { schema: criteriaFormSchema },
    );
    expect(errorsOf(bad)["criteria[0].weight"]).toEqual(["jury.weightRange"]);
    const none = parseWithZod(
      form([
        ["criteria[0].key", "wijk"],
        ["criteria[0].name", ""],
      ]),
      { schema: criteriaFormSchema },
    );
    expect(errorsOf(none)["criteria"]).toEqual(["jury.criteriaRequired"]);
  });
});

describe("small forms", () => {
  it("a conflict needs the confirmation tick; the reason is optional", () => {
    expect(parseWithZod(form([["confirm", "on"]]), { schema: conflictFormSchema }).status).toBe("success");
    expect(errorsOf(parseWithZod(form([["reason", "buurvrouw"]]), { schema: conflictFormSchema }))["confirm"]).toEqual(["jury.conflictConfirmRequired"]);
  });
  it("an invitation needs a valid email, lower-cased", () => {
    const ok = parseWithZod(
      form([
        ["email", " Jury3@Voorbeeld.NL "],
        ["isChair", "on"],
      ]),
      { schema: inviteFormSchema },
    );
    expect(ok.status === "success" && ok.value).toEqual({ email: "jury3@voorbeeld.nl", isChair: true });
    expect(errorsOf(parseWithZod(form([["email", "geen-adres"]]), { schema: inviteFormSchema }))["email"]).toEqual(["validation.emailInvalid"]);
  });
  it("feedback is 10 to 3000 characters", () => {
    expect(errorsOf(parseWithZod(form([["body", "kort"]]), { schema: feedbackFormSchema }))["body"]).toEqual(["jury.feedbackLength"]);
  });
});

describe("messages", () => {
  it("every message key the schemas use exists in the catalogue", () => {
    const keys = [
      "jury.scoreRange",
      "jury.unknownCriterion",
      "jury.unknownIdea",
      "jury.commentTooLong",
      "jury.conflictReasonTooLong",
      "jury.conflictConfirmRequired",
      "jury.outcomeRequired",
      "jury.motivationRequired",
      "jury.motivationTooLong",
      "jury.tooManyShortlisted",
      "jury.weightRange",
      "jury.criterionNameLength",
      "jury.criterionDescriptionLength",
      "jury.criteriaRequired",
      "jury.criteriaTooMany",
      "jury.feedbackLength",
    ];
    expect(keys.filter((k) => !isMessageKey(k))).toEqual([]);
  });
});
