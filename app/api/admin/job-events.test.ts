// The jobs view's live feed: GET /api/admin/jobs/events streams the queue as server-sent events and pushes a new
// list when a job changes (here: an upload queues one, cancel and retry move it), and refuses viewers with 403.
import { beforeAll, describe, expect, it } from "vitest";
import { useAdminServer } from "./test-server";

// No worker: the queued job stays put until the test moves it.
const server = useAdminServer({ WORKER_IN_PROCESS: "false" });
let admin: string;
beforeAll(async () => {
  admin = (await server.signUp("events_admin")).token;
});

type Job = { id: string; stage: string; label: string | null };

/** Opens the stream and hands out its `jobs` events one at a time. */
async function openStream(query = "") {
  const abort = new AbortController();
  const response = await fetch(`${server.url}/api/admin/jobs/events${query}`, { headers: { authorization: `Bearer ${admin}` }, signal: abort.signal });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  const raw: string[] = [];
  async function nextEvent(): Promise<Job[]> {
    for (;;) {
      const end = buffer.indexOf("\n\n");
      if (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        raw.push(block);
        const lines = block.split("\n");
        if (lines.includes("event: jobs")) return JSON.parse(lines.find((l) => l.startsWith("data: "))!.slice(6)).items;
        continue;
      }
      const { value, done } = await reader.read();
      if (done) throw new Error(`stream ended; got ${JSON.stringify(raw)}`);
      buffer += value;
    }
  }
  /** The next list whose `predicate` holds (lists in between are changes the test did not wait for). */
  async function until(predicate: (jobs: Job[]) => boolean) {
    for (;;) {
      const jobs = await nextEvent();
      if (predicate(jobs)) return jobs;
    }
  }
  return { response, until, raw, close: () => abort.abort() };
}

describe("jobs event stream", () => {
  it("sends the queue at once and again whenever a job changes", { timeout: 60_000 }, async () => {
    const stream = await openStream();
    expect(stream.response.status).toBe(200);
    expect(stream.response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(await stream.until(() => true)).toEqual([]);

    const title = await server.call("POST", "/api/admin/titles", { token: admin, body: { type: "movie", title: "Live Feed", year: 2025, maturity_rating: "G" } });
    const jobId = await server.uploadVideo(admin, title.body.id);
    const queued = await stream.until((jobs) => jobs.some((j) => j.id === jobId));
    expect(queued.find((j) => j.id === jobId)).toMatchObject({ stage: "queued", label: "Live Feed" });

    expect((await server.call("POST", `/api/admin/jobs/${jobId}/cancel`, { token: admin })).status).toBe(200);
    await stream.until((jobs) => jobs.find((j) => j.id === jobId)?.stage === "canceled");
    expect((await server.call("POST", `/api/admin/jobs/${jobId}/retry`, { token: admin })).status).toBe(200);
    await stream.until((jobs) => jobs.find((j) => j.id === jobId)?.stage === "queued");
    stream.close();

    // The same filters as GET /api/admin/jobs: another video's stream does not list this job.
    const other = await openStream(`?asset_id=00000000-0000-4000-8000-000000000000`);
    expect(await other.until(() => true)).toEqual([]);
    other.close();
  });

  it("refuses viewers and callers without a token with 403, and bad filters with 422", async () => {
    const viewer = await server.signUp("events_viewer");
    for (const token of [viewer.token, undefined]) {
      const refused = await server.call("GET", "/api/admin/jobs/events", { token });
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe("forbidden");
    }
    const bad = await server.call("GET", "/api/admin/jobs/events?stage=nonsense", { token: admin });
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe("validation_failed");
  });
});
