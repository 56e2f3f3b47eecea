import { describe, expect, it } from "vitest";
import { mayAnswer, reactionsOpen, stopsAnswerClock } from "./reactions";

describe("reactionsOpen", () => {
  const open = { reactionsClosed: false, closedPhases: [] as string[] };
  it("is open from the hand-in on, not before", () => {
    expect(reactionsOpen({ ...open, phase: "aankondiging" })).toBe(false);
    expect(reactionsOpen({ ...open, phase: "indienen" })).toBe(true);
    expect(reactionsOpen({ ...open, phase: "nazorg" })).toBe(true);
    expect(reactionsOpen({ ...open, phase: "afgesloten" })).toBe(false);
  });
  it("closes for the whole round", () => {
    expect(reactionsOpen({ phase: "indienen", reactionsClosed: true, closedPhases: [] })).toBe(false);
  });
  it("closes in the phases the organisers chose, and only there", () => {
    expect(reactionsOpen({ phase: "stemmen", reactionsClosed: false, closedPhases: ["stemmen"] })).toBe(false);
    expect(reactionsOpen({ phase: "uitwerken", reactionsClosed: false, closedPhases: ["stemmen"] })).toBe(true);
  });
});

describe("who answers", () => {
  it("lets initiators and organisers answer, not residents", () => {
    expect(mayAnswer("initiator")).toBe(true);
    expect(mayAnswer("organiser")).toBe(true);
    expect(mayAnswer("resident")).toBe(false);
  });
  it("stops the answer clock only for the organisation's own reaction", () => {
    expect(stopsAnswerClock("organiser")).toBe(true);
    expect(stopsAnswerClock("initiator")).toBe(false);
    expect(stopsAnswerClock("resident")).toBe(false);
  });
});
