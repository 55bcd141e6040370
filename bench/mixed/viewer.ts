// One simulated viewer of the mixed benchmark (bench/mixed/run.ts): browses the home rows, searches, opens a title,
// starts a stream (the stream call, its master and variant playlists), then reports progress every 10 s for a while,
// stops the stream and starts over. Think times are divided by the run's time scale.
import type http from "node:http";
import { performance } from "node:perf_hooks";
import { send, type Reply } from "../load";

export type Identity = { token: string; profile: string; device: string };

export type Catalog = { movieIds: string[]; playableIds: string[]; searchTerms: string[] };

/** Where a step's latencies go; only requests that start and end inside the measured window count. */
export type Recorder = { record: (kind: string, started: number, finished: number, ok: boolean) => void; stopped: () => boolean };

export type ViewerOptions = {
  base: URL;
  agent: http.Agent;
  identity: Identity;
  catalog: Catalog;
  recorder: Recorder;
  /** Real seconds are divided by this (10: a 10 s progress interval becomes 1 s). */
  timeScale: number;
  progressWrites: number;
  /** The baseline: every request is GET /api/ping instead, on the same schedule. */
  pingOnly: boolean;
};

const BROWSE_THINK_S = 3;
const PROGRESS_EVERY_S = 10;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const pick = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)];
const playlistUris = (text: string) => text.split("\n").filter((line) => line && !line.startsWith("#"));

export async function runViewer(options: ViewerOptions): Promise<void> {
  const { base, agent, identity, catalog, recorder, timeScale } = options;
  const auth = { authorization: `Bearer ${identity.token}`, "user-agent": identity.device };
  const profile = encodeURIComponent(identity.profile);
  const call = async (kind: string, method: string, pathname: string, body?: string): Promise<Reply> => {
    const started = performance.now();
    let reply: Reply = { status: 0, body: "" };
    try {
      reply = options.pingOnly ? await send(base, agent, "GET", "/api/ping", {}) : await send(base, agent, method, pathname, auth, body);
    } catch {
      // counted as a failure below
    }
    recorder.record(kind, started, performance.now(), reply.status >= 200 && reply.status < 400);
    return reply;
  };
  const think = () => sleep((BROWSE_THINK_S * 1000 * (0.5 + Math.random())) / timeScale);
  const json = (reply: Reply) => {
    try {
      return JSON.parse(reply.body);
    } catch {
      return undefined;
    }
  };

  // Viewers arrive spread over one browse phase, not all at once.
  await sleep(Math.random() * 6 * BROWSE_THINK_S * 1000 / timeScale);
  let position = 0;
  while (!recorder.stopped()) {
    await call("browse", "GET", "/api/browse/trending?limit=20");
    await think();
    await call("browse", "GET", "/api/browse/new?limit=20");
    await think();
    await call("browse", "GET", "/api/genres");
    await think();
    await call("search", "GET", `/api/search?q=${encodeURIComponent(pick(catalog.searchTerms))}`);
    await think();
    await call("title", "GET", `/api/movies/${pick(catalog.movieIds)}`);
    await think();
    if (recorder.stopped()) break;

    const movieId = pick(catalog.playableIds);
    const stream = json(await call("stream start", "GET", `/api/movies/${movieId}/stream?profile=${profile}`));
    const master = await call("stream start", "GET", stream?.manifest_url ?? "/");
    const variant = new URL(playlistUris(master.body)[0] ?? "/", new URL(stream?.manifest_url ?? "/", base));
    await call("stream start", "GET", variant.pathname + variant.search);
    for (let i = 0; i < options.progressWrites && !recorder.stopped(); i++) {
      await sleep((PROGRESS_EVERY_S * 1000) / timeScale);
      position += PROGRESS_EVERY_S;
      const write = { kind: "movie_watch_progress", movie_id: movieId, progress: position % 50, client_timestamp: Date.now() };
      await call("progress", "PUT", `/api/profiles/${profile}/progress`, JSON.stringify(write));
    }
    await call("stop", "DELETE", `/api/streams/${stream?.stream_id ?? "00000000-0000-4000-8000-000000000000"}`);
  }
}
