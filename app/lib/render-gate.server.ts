// How many page renders run at once (issue 19). A render is CPU on the one JavaScript thread, with a
// few awaits between its loaders; with no limit, 50 visitors at once means 50 renders interleaved,
// each holding its data and half-built page until all are done. They live long enough to be moved to
// V8's old generation, which then grows with garbage: 270-370 MB resident under the page bench, for a
// heap of 30 MB that is alive. Taken a few at a time, in the order they came, each render finishes in
// milliseconds, its garbage dies young, and the pages come out no slower (the CPU is the same; the
// waiting moves from inside the render to before it).
//
// A request that holds its place for longer than `maxHoldMs` (an address lookup waiting on another server) gives it up and
// goes on uncounted, so one slow request never stops the pages behind it.

export type RenderGate = {
  /** Waits for a place; the returned function gives it back (a second call does nothing). */
  enter(): Promise<() => void>;
  stats(): { running: number; waiting: number };
};

export function createRenderGate(limit: number, maxHoldMs: number): RenderGate {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`render gate: limit must be a whole number of at least 1, not ${limit}`);
  let running = 0;
  const waiting: (() => void)[] = [];

  function place(): () => void {
    running++;
    let given = false;
    const giveBack = () => {
      if (given) return;
      given = true;
      clearTimeout(timer);
      const next = waiting.shift();
      // The place goes straight to the next in line: nobody can come in between.
      if (next) next();
      else running--;
    };
    const timer = setTimeout(giveBack, maxHoldMs);
    timer.unref?.();
    return giveBack;
  }

  return {
    enter() {
      if (running < limit) return Promise.resolve(place());
      return new Promise((resolve) =>
        waiting.push(() => {
          running--;
          resolve(place());
        }),
      );
    },
    stats: () => ({ running, waiting: waiting.length }),
  };
}
