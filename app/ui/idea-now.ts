// What an idea page says is true now (issue 18.3): the idea's badge and its taakgroep card follow the
// round through its phases instead of keeping the words of the phase in which they were first set.
// Pure, so every phase's answer is unit-tested; the page passes in what it loaded.
import { trackIsFinished, type TrackStatus } from "~/modules/aftercare/track";
import type { TaakgroepStatus } from "~/modules/taakgroepen/record";

export type IdeaBadge = "hidden" | "draft" | "withdrawn" | "submitted" | "shortlisted" | "won" | "notChosen" | "realised" | "stopped";

/**
 * The idea's badge. The jury's choice is news until the vote is counted and shown: after that an idea
 * won or did not, and a winner's realisation track, once finished or stopped, says the last word.
 * `chosen` is null until the results are public; `track` null before the track opens.
 */
export function ideaBadgeNow(input: { status: string; hidden: boolean; chosen: boolean | null; track: TrackStatus | null }): IdeaBadge {
  if (input.hidden) return "hidden";
  if (input.status === "draft" || input.status === "withdrawn") return input.status;
  if (input.track === "gerealiseerd") return "realised";
  if (input.track === "gestopt" && input.chosen) return "stopped";
  if (input.chosen === true) return "won";
  if (input.chosen === false) return "notChosen";
  return input.status === "shortlisted" ? "shortlisted" : "submitted";
}

export type TaakgroepNow = {
  /** null: no badge, since "looking for N people" is no longer true. */
  status: TaakgroepStatus | null;
  /** Whether "Ik doe mee" is offered. */
  open: boolean;
  /** The sentence above the button, or why the group no longer looks for people. */
  lead: "needsPeople" | "moreWelcome" | "realised" | "stopped" | null;
};

/**
 * The taakgroep card: "with 4 people you form a taakgroep" only while it is short of people; a formed
 * group welcomes more; once the idea is realised or stopped nobody is asked to join any more, and a
 * group that never formed no longer "looks for" anyone.
 */
export function taakgroepNow(input: { status: TaakgroepStatus; open: boolean; track: TrackStatus | null }): TaakgroepNow {
  const { status, track } = input;
  if (trackIsFinished(track)) {
    const done = track === "gerealiseerd" ? "realised" : "stopped";
    return { status: status.kind === "zoekt" ? null : status, open: false, lead: done };
  }
  if (status.kind === "afgerond" || status.kind === "gestopt") return { status, open: false, lead: null };
  if (!input.open) return { status, open: false, lead: null };
  return { status, open: true, lead: status.kind === "zoekt" ? "needsPeople" : "moreWelcome" };
}
