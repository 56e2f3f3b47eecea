// CPU time of another process, from Linux's /proc/<pid>/stat (user + system, in clock ticks of 10 ms).
// Elsewhere it reads as null. Over a window of a second or more the 10 ms steps are a percent or less.

import { readFileSync } from "node:fs";

const tickMs = 10;

export function cpuMsOf(pid: number): number | null {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return null;
  }
  // Fields after the command name (which may hold spaces), from field 3 on: utime is field 14, stime 15.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]);
  return Number.isFinite(ticks) ? ticks * tickMs : null;
}
