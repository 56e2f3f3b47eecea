// A small closed-loop HTTP/1.1 load generator for the benchmarks, on plain TCP sockets: each
// connection sends one request, waits for the whole response, and sends the next (as autocannon
// does by default). Requests are pre-formatted bytes and responses are read only as far as needed
// to find their end, so the generator spends little of the machine's two cores on itself.
// Loopback only: it refuses any host but 127.0.0.1 or localhost.

import net from "node:net";

export type LoadOptions = {
  host: string;
  port: number;
  connections: number;
  /** Responses in the first warmupMs are not counted (JIT, caches, the first WAL pages). */
  warmupMs: number;
  durationMs: number;
  /** The next request, as raw bytes. Called once per request. */
  nextRequest: () => Buffer;
  /** Which statuses count as a success (a vote answered with a redirect). */
  isSuccess: (status: number) => boolean;
  /** Called when the measured window opens and when it closes (e.g. to read the server's CPU time). */
  onWindow?: (edge: "start" | "end") => void;
};

export type LoadResult = {
  connections: number;
  seconds: number;
  successes: number;
  failures: number;
  statuses: Record<number, number>;
  /** Requests per second that succeeded within the measured window. */
  rate: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** The body of the first failed response, to say what went wrong. */
  firstFailure: string | null;
  socketErrors: number;
  /** Every measured latency in ms, sorted: to merge several runs. */
  latencies: Float64Array;
};

type Parsed = { status: number; end: number; body: string };

/** Finds the end of one HTTP/1.1 response in `buf`, or null while it is incomplete. */
export function parseResponse(buf: Buffer): Parsed | null {
  const headerEnd = buf.indexOf("\r\n\r\n");
  if (headerEnd < 0) return null;
  const head = buf.toString("latin1", 0, headerEnd);
  const status = Number(head.slice(9, 12));
  const bodyStart = headerEnd + 4;
  const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
  if (length) {
    const end = bodyStart + Number(length[1]);
    return buf.length >= end ? { status, end, body: buf.toString("utf8", bodyStart, end) } : null;
  }
  if (/\r\ntransfer-encoding:\s*chunked/i.test(head)) {
    let at = bodyStart;
    const parts: string[] = [];
    for (;;) {
      const lineEnd = buf.indexOf("\r\n", at);
      if (lineEnd < 0) return null;
      const size = parseInt(buf.toString("latin1", at, lineEnd), 16);
      if (Number.isNaN(size)) throw new Error("bad chunk size in response");
      if (size === 0) {
        // No trailers from our servers: the last chunk is followed by an empty line.
        const end = lineEnd + 4;
        return buf.length >= end ? { status, end, body: parts.join("") } : null;
      }
      const chunkEnd = lineEnd + 2 + size;
      if (buf.length < chunkEnd + 2) return null;
      if (parts.length < 4) parts.push(buf.toString("utf8", lineEnd + 2, chunkEnd));
      at = chunkEnd + 2;
    }
  }
  return { status, end: bodyStart, body: "" };
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

type Raw = Pick<LoadResult, "connections" | "seconds" | "successes" | "failures" | "statuses" | "firstFailure" | "socketErrors" | "latencies">;

/** One result from one or more runs at the same number of connections (rates over their total time). */
export function summarise(runs: readonly Raw[]): LoadResult {
  const total = runs.reduce((n, r) => n + r.latencies.length, 0);
  const sorted = new Float64Array(total);
  let at = 0;
  for (const r of runs) {
    sorted.set(r.latencies, at);
    at += r.latencies.length;
  }
  sorted.sort();
  const seconds = runs.reduce((n, r) => n + r.seconds, 0);
  const successes = runs.reduce((n, r) => n + r.successes, 0);
  const statuses: Record<number, number> = {};
  for (const r of runs) for (const [status, n] of Object.entries(r.statuses)) statuses[Number(status)] = (statuses[Number(status)] ?? 0) + n;
  return {
    connections: runs[0]?.connections ?? 0,
    seconds,
    successes,
    failures: runs.reduce((n, r) => n + r.failures, 0),
    statuses,
    rate: successes / seconds,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1]! : NaN,
    firstFailure: runs.find((r) => r.firstFailure)?.firstFailure ?? null,
    socketErrors: runs.reduce((n, r) => n + r.socketErrors, 0),
    latencies: sorted,
  };
}

export function runLoad(options: LoadOptions): Promise<LoadResult> {
  if (options.host !== "127.0.0.1" && options.host !== "localhost") throw new Error("the load generator only drives loopback");
  return new Promise((resolve) => {
    const started = performance.now();
    const measureFrom = started + options.warmupMs;
    const stopAt = measureFrom + options.durationMs;
    let latencies = new Float64Array(1 << 16);
    let count = 0;
    let successes = 0;
    let failures = 0;
    let socketErrors = 0;
    let firstFailure: string | null = null;
    const statuses: Record<number, number> = {};
    let open = options.connections;
    if (options.onWindow) {
      const onWindow = options.onWindow;
      setTimeout(() => onWindow("start"), options.warmupMs);
      setTimeout(() => onWindow("end"), options.warmupMs + options.durationMs);
    }

    const record = (latency: number) => {
      if (count === latencies.length) {
        const bigger = new Float64Array(latencies.length * 2);
        bigger.set(latencies);
        latencies = bigger;
      }
      latencies[count++] = latency;
    };

    const finish = () => {
      resolve(
        summarise([
          {
            connections: options.connections,
            seconds: options.durationMs / 1000,
            successes,
            failures,
            statuses,
            firstFailure,
            socketErrors,
            latencies: latencies.slice(0, count),
          },
        ]),
      );
    };

    const connection = () => {
      let pending: Buffer = Buffer.alloc(0);
      let sentAt = 0;
      const socket = net.connect({ host: options.host, port: options.port });
      socket.setNoDelay(true);
      const send = () => {
        if (performance.now() >= stopAt) {
          socket.end();
          return;
        }
        sentAt = performance.now();
        socket.write(options.nextRequest());
      };
      socket.on("connect", send);
      socket.on("data", (chunk: Buffer) => {
        pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
        const parsed = parseResponse(pending);
        if (!parsed) return;
        pending = pending.subarray(parsed.end);
        const done = performance.now();
        if (done >= measureFrom && done <= stopAt) {
          statuses[parsed.status] = (statuses[parsed.status] ?? 0) + 1;
          if (options.isSuccess(parsed.status)) {
            successes++;
            record(done - sentAt);
          } else {
            failures++;
            firstFailure ??= `${parsed.status} ${parsed.body.slice(0, 300)}`;
          }
        }
        send();
      });
      socket.on("error", () => {
        socketErrors++;
      });
      socket.on("close", () => {
        // A server that closes a keep-alive connection early gets a new one while the run lasts.
        if (performance.now() < stopAt) connection();
        else if (--open === 0) finish();
      });
    };
    for (let i = 0; i < options.connections; i++) connection();
  });
}
