// Run by bench/mixed/run.ts in a child process (each database its own process, since lib/env reads the environment
// once): adds playable movies (lib/playback/test-fixtures: a four-rung ladder on disk in MEDIA_DIR) to the database of
// DATABASE_URL or DATA_DIR, and prints their ids as JSON on the last line.
import { closeDatabase, openDatabase } from "@/db/client";
import { mediaDir } from "@/lib/env";
import { seedPlaybackFixture } from "@/lib/playback/test-fixtures";

await openDatabase();
try {
  const fixture = await seedPlaybackFixture(mediaDir);
  console.log(JSON.stringify({ movieIds: [fixture.pgMovieId, fixture.rMovieId] }));
} finally {
  await closeDatabase();
}
