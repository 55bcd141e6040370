import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { demoMovies, demoShows } from "@/db/seed/demo-data";
import { ffprobePath } from "@/lib/media/ffmpeg";
import { startServer, tempDataDir, type ServerHandle } from "./server-process";

// A first start on an empty database, as a new user would do it: the demo catalog is browsable within a minute and
// every title's video ends up transcoded and playable. On PGlite only, the quick start's database: the run on
// PostgreSQL gets the same first start from the browser tests' setup (e2e/global-setup.ts), whose tests play the
// demo catalog's video, and the transcoding itself does not depend on the database.

const run = promisify(execFile);
const dataDir = tempDataDir("demo");
let server: ServerHandle | undefined;

afterAll(async () => {
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const getJson = async (url: string) => (await fetch(url)).json();

async function start() {
  return startServer({ DATA_DIR: dataDir, DATABASE_URL: "", DEMO_CATALOG: "on", WORKER_IN_PROCESS: "true" }, { migrated: false });
}

describe.skipIf(process.env.TEST_DATABASE_URL)("the demo catalog", () => {
  it("is listed within a minute of a first start", async () => {
    const started = Date.now();
    server = await start();
    for (;;) {
      const movies = await getJson(`${server.url}/api/movies`);
      const shows = await getJson(`${server.url}/api/shows`);
      if (movies.total === demoMovies.length && shows.total === demoShows.length) break;
      expect(Date.now() - started).toBeLessThan(60_000);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  });

  it("makes every movie and episode playable, through the transcoding pipeline", { timeout: 20 * 60_000 }, async () => {
    const url = server!.url;
    for (;;) {
      const movies = (await getJson(`${url}/api/movies?limit=100`)).items as Array<{ availability: string }>;
      const shows = (await getJson(`${url}/api/shows?limit=100`)).items as Array<{ id: string }>;
      const episodes = (
        await Promise.all(shows.map(async (show) => (await getJson(`${url}/api/shows/${show.id}`)).seasons))
      ).flat(2).flatMap((season: { episodes: Array<{ availability: string }> }) => season.episodes);
      const states = [...movies, ...episodes].map((item) => item.availability);
      expect(states).not.toContain("unavailable");
      if (states.every((state) => state === "ready")) break;
      await new Promise((resolve) => setTimeout(resolve, 3000));
    }

    const movie = (await getJson(`${url}/api/movies?limit=1`)).items[0];
    const detail = await getJson(`${url}/api/movies/${movie.id}`);
    expect(detail.available_qualities.length).toBeGreaterThan(0);
    expect(detail.duration_seconds).toBeGreaterThan(20);
  });

  it("wrote HLS ladders that ffprobe can read, rendition by rendition", { timeout: 5 * 60_000 }, async () => {
    const assetsDir = path.join(dataDir, "media", "assets");
    const assets = fs.readdirSync(assetsDir);
    expect(assets.length).toBeGreaterThanOrEqual(6);
    const subtitled = [];
    for (const asset of assets) {
      const master = fs.readFileSync(path.join(assetsDir, asset, "master.m3u8"), "utf8");
      const renditions = master.split("\n").filter((line) => line && !line.startsWith("#"));
      expect(renditions.length).toBeGreaterThan(0);
      for (const playlist of renditions) {
        const { stdout } = await run(ffprobePath(), [
          "-v", "error", "-show_entries", "stream=codec_type,codec_name,height", "-of", "json",
          path.join(assetsDir, asset, playlist),
        ]);
        const streams = JSON.parse(stdout).streams as Array<{ codec_type: string; codec_name: string }>;
        expect(streams.map((s) => `${s.codec_type}:${s.codec_name}`).sort()).toEqual(["audio:aac", "video:h264"]);
      }
      if (fs.existsSync(path.join(assetsDir, asset, "subtitles"))) subtitled.push(asset);
    }
    expect(subtitled.length).toBeGreaterThan(0);
  });

  it("seeds only once: a restart adds no titles and no video", { timeout: 3 * 60_000 }, async () => {
    const assetsBefore = fs.readdirSync(path.join(dataDir, "media", "assets")).length;
    await server!.stop();
    server = await start();
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect((await getJson(`${server.url}/api/movies`)).total).toBe(demoMovies.length);
    expect(fs.readdirSync(path.join(dataDir, "media", "assets")).length).toBe(assetsBefore);
  });
});
