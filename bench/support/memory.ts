// Memory of another process, from Linux's /proc/<pid>/status: VmRSS (resident now) and VmHWM (the
// peak resident size since the process started, the "high water mark", kept by the kernel, so no
// peak between two samples is missed). Elsewhere both read as null.

import { readFileSync } from "node:fs";

export type Memory = { rssMb: number; peakMb: number };

export function memoryOf(pid: number): Memory | null {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, "utf8");
  } catch {
    return null;
  }
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
  const rss = kb("VmRSS");
  const peak = kb("VmHWM");
  return Number.isFinite(rss) && Number.isFinite(peak) ? { rssMb: rss / 1024, peakMb: peak / 1024 } : null;
}

/** Samples VmRSS every `everyMs` until stopped; `stop()` returns the largest sample and the kernel's peak (VmHWM). */
export function sampleMemory(pid: number, everyMs = 100): { stop: () => { maxSampledMb: number; peakMb: number; samples: number } | null } {
  let maxSampledMb = 0;
  let peakMb = 0;
  let samples = 0;
  const take = () => {
    const m = memoryOf(pid);
    if (!m) return;
    samples++;
    maxSampledMb = Math.max(maxSampledMb, m.rssMb);
    peakMb = Math.max(peakMb, m.peakMb);
  };
  take();
  const timer = setInterval(take, everyMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      take();
      return samples > 0 ? { maxSampledMb, peakMb, samples } : null;
    },
  };
}
