import "server-only";
import fs from "node:fs/promises";
import { findChannel } from "@/db/queries/channels";
import { claimIngests, releaseIngest, renewIngests, type IngestConfig } from "@/db/queries/ingest";
import { env } from "@/lib/env";
import { runFeed, type FeedSource } from "./feed";
import { pushGuard, type PushGuard } from "./push-guard";
import { openRtmpGate, type RtmpGate } from "./rtmp-gate";
import { ingestStaleSeconds, liveDir, recordIngestStatus } from "./status";

// Runs the ingests of live channels, inside the transcode worker (the server's in-process worker, or `npm run
// worker`). Every pass renews this worker's leases (a channel made linear, deleted, or taken over after a missed
// heartbeat stops here), restarts a channel whose key, port or source changed, and claims live channels nobody
// runs. Each channel loops: listen (or pull) → on air → the feed ends → off air → listen again, by itself. A push
// channel's port is held by its gate (rtmp-gate.ts) for as long as this worker runs it, ffmpeg listening behind it,
// so publishers sending wrong keys are counted and throttled by address (push-guard.ts).

export type IngestSupervisorOptions = {
  workerId: string;
  pollIntervalMs?: number;
  /** A holder silent this long loses its channels to another worker. */
  staleSeconds?: number;
  log?: (line: string) => void;
};

type Running = { config: IngestConfig; controller: AbortController; done: Promise<void> };

const sameConfig = (a: IngestConfig, b: IngestConfig) => a.streamKey === b.streamKey && a.rtmpPort === b.rtmpPort && a.sourceUrl === b.sourceUrl;

const sourceOf = (config: IngestConfig, gate: RtmpGate | undefined): FeedSource | undefined =>
  config.sourceUrl
    ? { kind: "pull", url: config.sourceUrl }
    : gate && config.streamKey
      ? { kind: "push", host: "127.0.0.1", port: gate.innerPort, streamKey: config.streamKey }
      : undefined;

const pause = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
  });

type StatusWrite = (fields: Parameters<typeof recordIngestStatus>[2]) => Promise<void>;

/** A push channel's public port, held until `signal` (retried with a back-off while another process holds it). */
async function openGate(port: number, guard: PushGuard, signal: AbortSignal, status: StatusWrite): Promise<RtmpGate | undefined> {
  for (let failures = 0; !signal.aborted; failures++) {
    try {
      return await openRtmpGate({ port, admit: guard.admit });
    } catch (error) {
      void status({ state: "off_air", lastError: `Cannot listen on port ${port}: ${(error as Error).message}` });
      await pause(Math.min(30_000, 1_000 * 2 ** Math.min(failures, 5)), signal);
    }
  }
}

export function startIngestSupervisor(options: IngestSupervisorOptions): { stop(): Promise<void> } {
  const { workerId } = options;
  const pollIntervalMs = options.pollIntervalMs ?? 2_000;
  const staleSeconds = options.staleSeconds ?? ingestStaleSeconds();
  const log = options.log ?? ((line: string) => console.log(line));
  const running = new Map<string, Running>();
  let stopping = false;
  let wakeUp = () => {};

  function start(config: IngestConfig) {
    const controller = new AbortController();
    const done = runChannel(config, controller.signal).finally(() => running.delete(config.channelId));
    running.set(config.channelId, { config, controller, done });
  }

  async function runChannel(config: IngestConfig, signal: AbortSignal) {
    const name = `live ${config.number}`;
    // Status writes go out one at a time, in order, without holding up the feed (the next listen starts at once).
    let writes = Promise.resolve();
    const status: StatusWrite = (fields) =>
      (writes = writes.then(() =>
        recordIngestStatus(config.channelId, workerId, fields).then(
          () => undefined,
          (error: Error) => log(`${name}: status not recorded: ${error.message}`),
        ),
      ));
    if (!config.sourceUrl && !(config.rtmpPort && config.streamKey)) {
      await status({ state: "off_air", lastError: "No stream key and port, and no source URL: set one to go on air." });
      return void (await pause(3_600_000, signal));
    }
    const guard = config.sourceUrl ? undefined : pushGuard(config.channelId, workerId, (line) => log(`${name}: ${line}`));
    const gate = guard && (await openGate(config.rtmpPort!, guard, signal, status));
    const source = sourceOf(config, gate);
    try {
      if (source) await feeds(source);
    } finally {
      await gate?.close();
      await guard?.close();
      await writes;
    }

    async function feeds(source: FeedSource) {
      log(`${name}: ${source.kind === "push" ? `listening on port ${config.rtmpPort}` : `pulling ${source.url}`}`);
      let failures = 0;
      while (!signal.aborted) {
        let lastStats = 0;
        const ended = await runFeed(source, {
          outDir: liveDir(config.channelId),
          dvrSeconds: env.LIVE_DVR_SECONDS,
          preset: env.LIVE_ENCODER_PRESET,
          signal,
          log: (line) => log(`${name}: ${line}`),
          onInput: (input, renditions) => {
            log(`${name}: feed in: ${input.width}x${input.height} ${input.fps} fps ${input.videoCodec}${input.audioCodec ? `/${input.audioCodec}` : ""}`);
            void status({ width: input.width, height: input.height, fps: input.fps, videoCodec: input.videoCodec, audioCodec: input.audioCodec, renditions, lastError: null });
          },
          onOnAir: () => {
            log(`${name}: on air`);
            void status({ state: "on_air" });
            void guard?.onAir(gate?.publisher());
          },
          onRefused: () => guard?.wrongKey(gate?.publisher()),
          onStats: (stats) => {
            // What the admin sees live, every few seconds: enough to tell a healthy feed from a struggling one.
            if (Date.now() - lastStats < 5_000) return;
            lastStats = Date.now();
            void status(stats);
          },
        });
        if (signal.aborted) {
          // Restarted (new key, port or source) or taken away: the feed is cut either way.
          if (ended.onAir) void status({ state: "off_air", bitrateKbps: null, fps: null });
          break;
        }
        failures = ended.onAir ? 0 : failures + 1;
        if (ended.onAir) log(`${name}: feed ended, off air`);
        void status({ state: "off_air", bitrateKbps: null, fps: null, ...((ended.refused || ended.error) && { lastError: ended.refused ?? ended.error }) });
        // A push listens again at once; a pull that keeps failing backs off (up to 30 s) instead of hammering its source.
        if (source.kind === "pull" || (ended.error && !ended.onAir)) await pause(Math.min(30_000, 1_000 * 2 ** Math.min(failures, 5)), signal);
      }
    }
  }

  async function pass() {
    const held = new Map((await renewIngests(workerId)).map((c) => [c.channelId, c]));
    for (const [channelId, run] of running) {
      const now = held.get(channelId);
      if (!now || !sameConfig(now, run.config)) {
        run.controller.abort();
        await run.done;
        if (!now) {
          log(`live ${run.config.number}: stopped (made linear, deleted or taken over)`);
          if (!(await findChannel(channelId))) await fs.rm(liveDir(channelId), { recursive: true, force: true });
        }
      }
    }
    for (const [channelId, config] of held) if (!running.has(channelId)) start(config);
    for (const config of await claimIngests(workerId, staleSeconds, 1000)) if (!running.has(config.channelId)) start(config);
  }

  const loop = (async () => {
    while (!stopping) {
      try {
        await pass();
      } catch (error) {
        log(`live ingest: ${(error as Error).message}`);
      }
      if (stopping) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollIntervalMs);
        wakeUp = () => (clearTimeout(timer), resolve());
      });
    }
  })();

  return {
    async stop() {
      stopping = true;
      wakeUp();
      await loop;
      const runs = [...running.values()];
      for (const run of runs) run.controller.abort();
      await Promise.all(runs.map((run) => run.done));
      await Promise.all(runs.map((run) => releaseIngest(run.config.channelId, workerId).catch(() => undefined)));
    },
  };
}
