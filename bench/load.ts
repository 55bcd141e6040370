// Shared by the HTTP load benchmarks (bench/progress, bench/mixed): a keep-alive request, percentiles, process CPU.
import fs from "node:fs";
import http from "node:http";
import { performance } from "node:perf_hooks";

export type Reply = { status: number; body: string };

/** One HTTP request on the given agent; the body is read in full (the connection stays reusable). */
export function send(base: URL, agent: http.Agent, method: string, pathname: string, headers: Record<string, string>, body?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: base.hostname, port: base.port, path: pathname, method, agent, headers: body === undefined ? headers : { ...headers, "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) } },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** The p-th percentile of ascending `sorted`. */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** CPU seconds (user + system) of the processes whose pid passes `filter`, from /proc. */
export function cpuSeconds(filter: (pid: number, comm: string) => boolean): number {
  const tick = 100; // USER_HZ on Linux
  let total = 0;
  for (const entry of fs.readdirSync("/proc")) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      const comm = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      if (!filter(pid, comm)) continue;
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      total += (Number(fields[11]) + Number(fields[12])) / tick; // utime, stime
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

/**
 * Every client sends `request` back to back until `end` (performance.now() time); `record` gets each reply that
 * started after `warmupEnd` and finished by `end`, with its latency (undefined: the request failed).
 */
export async function loopRequests<C>(
  clients: C[],
  request: (client: C) => Promise<Reply>,
  warmupEnd: number,
  end: number,
  record: (reply: Reply | undefined, latencyMs: number) => void,
): Promise<void> {
  await Promise.all(
    clients.map(async (client) => {
      for (let started = performance.now(); started < end; started = performance.now()) {
        const reply = await request(client).catch(() => undefined);
        const finished = performance.now();
        if (started >= warmupEnd && finished <= end) record(reply, finished - started);
      }
    }),
  );
}
