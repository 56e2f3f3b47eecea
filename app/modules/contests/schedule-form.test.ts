import { describe, expect, it } from "vitest";
import { amsterdamLocalToInstant } from "~/lib/dates";
import { PHASES } from "./phases";
import { overrideSchema, parseScheduleForm, scheduleFormValues } from "./schedule-form";

function weeklySchedule(): Record<string, string> {
  const values: Record<string, string> = {};
  PHASES.forEach((phase, i) => {
    values[`${phase}.start`] = `2027-03-${String(1 + i * 4).padStart(2, "0")}T09:00`;
    values[`${phase}.end`] = `2027-03-${String(4 + i * 4).padStart(2, "0")}T20:00`;
  });
  return values;
}

describe("parseScheduleForm", () => {
  it("reads Amsterdam local times and round-trips them", () => {
    const parsed = parseScheduleForm(weeklySchedule());
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.schedule.stemmen.start).toBe(amsterdamLocalToInstant("2027-03-17T09:00"));
    expect(scheduleFormValues(parsed.schedule)).toEqual(weeklySchedule());
  });

  it("says which field is missing, unreadable, ends before it starts or overlaps the phase before", () => {
    const values = weeklySchedule();
    delete values["aankondiging.start"];
    values["indienen.end"] = "geen datum";
    values["stemmen.end"] = "2027-03-16T20:00";
    values["nazorg.start"] = "2027-03-24T12:00";
    const parsed = parseScheduleForm(values);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(Object.keys(parsed.errors).sort()).toEqual(["aankondiging.start", "indienen.end", "nazorg.start", "stemmen.end"]);
    expect(parsed.errors["stemmen.end"]).toEqual({ code: "endBeforeStart" });
    expect(parsed.errors["indienen.end"]).toEqual({ code: "notADateTime" });
  });
});

describe("overrideSchema", () => {
  it("needs a reason, and a new end unless closing early", () => {
    const r = overrideSchema.safeParse({ kind: "extend", phase: "stemmen", reason: "kort" });
    expect(r.error?.issues.map((i) => `${i.path.join(".")}:${i.message}`).sort()).toEqual([
      "newEnd:validation.newEndRequired",
      "reason:validation.reasonRequired",
    ]);
    expect(overrideSchema.safeParse({ kind: "close-early", phase: "stemmen", reason: "Genoeg stemmen binnen" }).success).toBe(true);
  });
});
