import { z } from "zod";
import { amsterdamLocalToInstant, instantToAmsterdamLocal } from "~/lib/dates";
import { PHASES, validateSchedule, type Phase, type Schedule, type ScheduleDraft, type ScheduleErrors } from "./phases";

/** The form field for a phase boundary: "stemmen.start". */
export function scheduleFieldName(phase: Phase, edge: "start" | "end"): `${Phase}.${"start" | "end"}` {
  return `${phase}.${edge}`;
}

/**
 * Reads the schedule form (datetime-local values, Amsterdam time) and checks it with validateSchedule.
 * A value that is no date at all gets its own message instead of "missing".
 */
export function parseScheduleForm(form: FormData | Record<string, unknown>): { ok: true; schedule: Schedule } | { ok: false; errors: ScheduleErrors } {
  const get = (name: string) => (form instanceof FormData ? form.get(name) : form[name]);
  const draft: Record<string, { start: number | null; end: number | null }> = {};
  const unreadable: ScheduleErrors = {};
  for (const phase of PHASES) {
    const edges = { start: null as number | null, end: null as number | null };
    for (const edge of ["start", "end"] as const) {
      const name = scheduleFieldName(phase, edge);
      const raw = get(name);
      if (typeof raw !== "string" || raw.trim() === "") continue;
      const instant = amsterdamLocalToInstant(raw.trim());
      if (instant === null) unreadable[name] = { code: "notADateTime" };
      else edges[edge] = instant;
    }
    draft[phase] = edges;
  }
  const checked = validateSchedule(draft as ScheduleDraft);
  if (Object.keys(unreadable).length > 0) return { ok: false, errors: { ...(checked.ok ? {} : checked.errors), ...unreadable } };
  return checked;
}

/** Form values for a schedule: Amsterdam local "YYYY-MM-DDTHH:mm" per field. */
export function scheduleFormValues(schedule: Schedule | null): Record<string, string> {
  if (!schedule) return {};
  return Object.fromEntries(
    PHASES.flatMap((phase) => [
      [scheduleFieldName(phase, "start"), instantToAmsterdamLocal(schedule[phase].start)],
      [scheduleFieldName(phase, "end"), instantToAmsterdamLocal(schedule[phase].end)],
    ]),
  );
}

export const overrideSchema = z
  .object({
    kind: z.enum(["close-early", "extend", "reopen"], { error: "validation.required" }),
    phase: z.enum(PHASES, { error: "validation.required" }),
    newEnd: z
      .string()
      .optional()
      .transform((v, ctx) => {
        if (!v) return null;
        const instant = amsterdamLocalToInstant(v);
        if (instant === null) {
          ctx.addIssue({ code: "custom", message: "validation.dateTime" });
          return z.NEVER;
        }
        return instant;
      }),
    nextPhase: z.enum(["now", "as-planned"]).optional(),
    reason: z.string({ error: "validation.reasonRequired" }).trim().min(5, "validation.reasonRequired").max(500, "validation.tooLong"),
  })
  .superRefine((v, ctx) => {
    if (v.kind !== "close-early" && v.newEnd === null) ctx.addIssue({ code: "custom", path: ["newEnd"], message: "validation.newEndRequired" });
  });
