// Loaded into the app with `node --import` when a bench is run with BENCH_MEMORY_DETAIL=1: samples
// process.memoryUsage() every 50 ms and, when the process exits, writes the sample with the largest
// resident set (RSS split into V8's heap, external memory such as Buffers, and the rest: native code
// and libraries, SQLite's page cache, the allocator) and the native libraries loaded, as JSON to the
// file in WIJKVONK_MEMORY_PROBE. Where the memory goes, not only how much (issue 19).
import { readFileSync, writeFileSync } from "node:fs";
import { getHeapSpaceStatistics } from "node:v8";

const file = process.env.WIJKVONK_MEMORY_PROBE;
const mb = (bytes) => Math.round((bytes / 1048576) * 10) / 10;
const sample = () => {
  const usage = process.memoryUsage();
  const spaces = Object.fromEntries(getHeapSpaceStatistics().map((s) => [s.space_name, mb(s.space_size)]));
  return {
    rssMb: mb(usage.rss),
    heapTotalMb: mb(usage.heapTotal),
    heapUsedMb: mb(usage.heapUsed),
    externalMb: mb(usage.external),
    arrayBuffersMb: mb(usage.arrayBuffers),
    restMb: mb(usage.rss - usage.heapTotal - usage.external),
    spaces,
  };
};
if (file) {
  let first = sample();
  let peak = first;
  // After start-up (migrations, the first imports), before the load begins.
  setTimeout(() => (first = sample()), 4000).unref();
  const timer = setInterval(() => {
    const now = sample();
    if (now.rssMb > peak.rssMb) peak = now;
  }, 50);
  timer.unref();
  process.on("exit", () => {
    const maps = readFileSync("/proc/self/maps", "utf8");
    const libraries = [
      ...new Set(
        maps
          .split("\n")
          .map((l) => l.split(/\s+/)[5] ?? "")
          .filter((p) => /\.node$|libvips/.test(p)),
      ),
    ].map((p) => p.split("/").pop());
    writeFileSync(file, JSON.stringify({ atStart: first, atPeak: peak, atExit: sample(), libraries }, null, 1));
  });
}
