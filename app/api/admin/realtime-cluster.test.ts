// Two app instances on one PostgreSQL: a job change made through one reaches an event stream open on the other
// (lib/realtime/ fans out through LISTEN/NOTIFY), and SIGTERM ends open streams instead of waiting on them.
// Two processes cannot share an embedded PGlite directory, so this runs with TEST_DATABASE_URL only.
import { describe, expect, it } from "vitest";
import { readSse } from "@/lib/realtime/test-sse";
import { useTwoInstances } from "./test-server";

describe.skipIf(!process.env.TEST_DATABASE_URL)("two instances on one PostgreSQL", () => {
  // A long shutdown timeout: an instance that waited for its open streams would not stop within the test's bound.
  const { servers, clients } = useTwoInstances({ SHUTDOWN_TIMEOUT_MS: "60000" });

  it("streams a job queued through one instance to a client of the other", { timeout: 60_000 }, async () => {
    const [a, b] = clients;
    const admin = await a.signUp("cluster_admin");
    const response = await fetch(`${b.url}/api/admin/jobs/events`, { headers: { authorization: `Bearer ${admin.token}` } });
    expect(response.status).toBe(200);
    const sse = readSse(response);
    expect((await sse.events(1))[0].data.items).toEqual([]);

    const title = await a.call("POST", "/api/admin/titles", { token: admin.token, body: { type: "movie", title: "Across", year: 2025, maturity_rating: "G" } });
    const jobId = await a.uploadVideo(admin.token, title.body.id);
    for (;;) {
      const [event] = await sse.events(1);
      expect(event.event).toBe("jobs");
      expect(event.id).toBeGreaterThan(0);
      if (event.data.items.some((job: { id: string }) => job.id === jobId)) break;
    }

    // SIGTERM with the stream still open: the instance ends it and exits, long before its shutdown timeout.
    const started = Date.now();
    expect(await servers[1].stop()).toBe(0);
    expect(Date.now() - started).toBeLessThan(15_000);
    for (let block = await sse.next().catch(() => undefined); block; block = await sse.next().catch(() => undefined));
  });
});
