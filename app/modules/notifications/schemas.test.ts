import { describe, expect, it } from "vitest";
import { parseWithZod } from "~/lib/parse-form";
import { preferencesSchema, unsubscribeSchema } from "./schemas";

function form(entries: [string, string][]): FormData {
  const data = new FormData();
  for (const [k, v] of entries) data.append(k, v);
  return data;
}

describe("preferences form", () => {
  it("reads the ticked kinds, one or many", () => {
    const one = parseWithZod(form([["on", "voting"]]), { schema: preferencesSchema });
    expect(one.status === "success" && one.value.on).toEqual(["voting"]);
    const two = parseWithZod(
      form([
        ["on", "voting"],
        ["on", "results"],
      ]),
      { schema: preferencesSchema },
    );
    expect(two.status === "success" && two.value.on).toEqual(["voting", "results"]);
  });

  it("reads nothing ticked as every kind off", () => {
    const none = parseWithZod(form([]), { schema: preferencesSchema });
    expect(none.status === "success" && none.value.on).toEqual([]);
  });

  it("refuses a kind that does not exist", () => {
    expect(parseWithZod(form([["on", "spam"]]), { schema: preferencesSchema }).status).toBe("error");
  });
});

describe("unsubscribe form", () => {
  it("mutes unless told to switch back on", () => {
    const plain = parseWithZod(form([["token", "abc"]]), { schema: unsubscribeSchema });
    expect(plain.status === "success" && plain.value).toEqual({ token: "abc", intent: "mute" });
    const undo = parseWithZod(form([["intent", "unmute"]]), { schema: unsubscribeSchema });
    expect(undo.status === "success" && undo.value.intent).toBe("unmute");
  });

  it("accepts the one-click body of a mail program, which has no token field", () => {
    const oneClick = parseWithZod(form([["List-Unsubscribe", "One-Click"]]), { schema: unsubscribeSchema });
    expect(oneClick.status === "success" && oneClick.value).toEqual({ intent: "mute" });
  });
});
