// Watching a demo movie in Chromium: it plays, the position is saved when the viewer leaves, and coming back resumes
// there. Progress goes through the contract's endpoints, so the API sees the same position.
import type { APIRequestContext } from "@playwright/test";
import { waitForPlayableEpisodes } from "./catalog-helpers";
import { expect, test, waitForPlayableMovie } from "./fixtures";
import { WatchPage } from "./pages/watch-page";

async function savedProgress(request: APIRequestContext, token: string, profile: string, movieId: string): Promise<number | null> {
  const response = await request.get(`/api/profiles/${encodeURIComponent(profile)}/progress?kind=movie_watch_progress&movie_id=${movieId}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(response.status()).toBe(200);
  return (await response.json()).progress;
}

test("plays a demo movie, saves the position on leaving, and resumes there", async ({ page, request, viewer }) => {
  test.setTimeout(12 * 60_000); // the demo catalog may still be transcoding on a first start
  const movie = await waitForPlayableMovie(request);

  const watch = new WatchPage(page);
  const currentTime = () => watch.currentTime();
  await page.goto(`/watch/movie/${movie.id}`);
  await expect(page.getByRole("heading", { name: movie.title })).toBeVisible();
  await watch.ensurePlaying();
  await expect.poll(currentTime, { timeout: 30_000 }).toBeGreaterThan(6);

  // Pause (space), then leave through the player's Back link: the page unmounts, writes the final position and ends
  // the lease. (While playing, the controls fade out after 3 s without pointer movement.)
  const leftAt = await watch.pause();
  await watch.leave();
  // The final write goes out as the player unmounts (keepalive): the API shows where the viewer left.
  await expect
    .poll(async () => Math.abs(((await savedProgress(request, viewer.token, viewer.profile, movie.id)) ?? -100) - leftAt))
    .toBeLessThan(2);
  const saved = (await savedProgress(request, viewer.token, viewer.profile, movie.id))!;
  // The lease is ended by its own keepalive DELETE, which may land just after the final progress write.
  const liveStreams = async () =>
    (await (await request.get("/api/streams", { headers: { authorization: `Bearer ${viewer.token}` } })).json()).items;
  await expect.poll(liveStreams).toEqual([]);

  // Coming back starts within a few seconds of where it stopped: where the video first plays, recorded in the page
  // (reading it afterwards would include however long it has played since).
  await watch.recordFirstPlayingPosition();
  await page.goto(`/watch/movie/${movie.id}`);
  await watch.ensurePlaying();
  const resumedAt = await watch.firstPlayingPosition();
  expect(Math.abs(resumedAt - saved)).toBeLessThan(3);
  await expect.poll(currentTime).toBeGreaterThan(resumedAt + 1);

  // Keyboard: → skips 10 s ahead.
  const before = await currentTime();
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => currentTime()).toBeGreaterThan(before + 8);
});

test("an episode offers to skip its intro, and its credits bring up the next episode, which plays", async ({ page, request, viewer: _signedIn }) => {
  test.setTimeout(12 * 60_000);
  const { show, season, first, second } = await waitForPlayableEpisodes(request);
  // Demo episodes have an intro from 0 to 6 s and credits from 5 s before the end (db/seed/seed-demo.ts).
  const watch = new WatchPage(page);
  await page.goto(`/watch/show/${show.id}/${season}/${first.episode}`);
  await watch.ensurePlaying();
  const skipIntro = page.getByRole("button", { name: "Skip intro" });
  await skipIntro.click();
  await expect.poll(() => watch.currentTime()).toBeGreaterThanOrEqual(6);
  await expect(skipIntro).toBeHidden();

  // Into the credits: → twice (10 s each) from past the intro lands in the last 5 s.
  const upNext = page.getByRole("dialog", { name: "Up next" });
  await expect(upNext).toBeHidden();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect(upNext).toBeVisible();
  await expect(upNext).toContainText(second.title);
  await upNext.getByRole("button", { name: "Play now" }).click();
  await expect(page).toHaveURL(new RegExp(`/watch/show/${show.id}/${season}/${second.episode}$`));
  await watch.ensurePlaying();
  await watch.expectAdvancing(1);
});
