// Catalog look-ups and viewer set-up for the browse, title and search specs, through the public API.
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { SearchPage } from "./pages/search-page";
import { TitlePage } from "./pages/title-page";

export type Item = { id: string; title: string; maturity_rating: string; availability: string; access: string; runtime_seconds?: number };

async function json(request: APIRequestContext, path: string, init: { method?: string; token?: string; data?: unknown } = {}) {
  const method = init.method ?? "GET";
  const send = () => request.fetch(path, { method, data: init.data, headers: init.token ? { authorization: `Bearer ${init.token}` } : {} });
  // A kept-alive connection the server closes just as it is reused resets; like browsers, retry an idempotent GET once.
  const response = await send().catch((error: Error) => {
    if (method !== "GET" || !/ECONNRESET/.test(error.message)) throw error;
    return send();
  });
  expect(response.ok(), `${method} ${path} → ${response.status()} ${await response.text()}`).toBe(true);
  return response.json();
}

export async function listTitles(request: APIRequestContext, kind: "movies" | "shows", query = ""): Promise<Item[]> {
  return (await json(request, `/api/${kind}?limit=100&sort=title${query}`)).items;
}

export async function getShow(request: APIRequestContext, id: string) {
  return json(request, `/api/shows/${id}`) as Promise<
    Item & { seasons: Array<{ season: number; episodes: Array<{ episode: number; title: string; availability: string }> }> }
  >;
}

export async function setProfile(request: APIRequestContext, token: string, name: string, settings: Record<string, unknown>) {
  await json(request, `/api/profiles/${encodeURIComponent(name)}`, { method: "PATCH", token, data: settings });
}

export async function postProgress(request: APIRequestContext, token: string, profile: string, body: Record<string, unknown>) {
  await json(request, `/api/profiles/${encodeURIComponent(profile)}/progress`, { method: "POST", token, data: body });
}

/** Watches `seconds` of a movie (at most about two seconds per second the test waits: seeks are not watching). */
export async function watchSeconds(request: APIRequestContext, token: string, profile: string, movieId: string, seconds: number) {
  const target = { kind: "movie_watch_progress", movie_id: movieId };
  await postProgress(request, token, profile, { ...target, progress: 0 });
  await new Promise((resolve) => setTimeout(resolve, Math.ceil(seconds / 2) * 1000 + 200));
  await json(request, `/api/profiles/${encodeURIComponent(profile)}/progress`, { method: "PUT", token, data: { ...target, progress: seconds } });
}

/** The browser's profile finds the movie neither by searching its exact name nor by opening its page (a 404). */
export async function expectMovieHidden(page: Page, movie: { id: string; title: string }) {
  const search = new SearchPage(page);
  await search.goto(movie.title);
  await expect(search.summary()).toBeVisible();
  await expect(page.locator(`[data-title-card="${movie.id}"]`)).toHaveCount(0);
  const title = new TitlePage(page);
  expect((await title.goto("movie", movie.id))?.status()).toBe(404);
  await expect(title.notFoundHeading()).toBeVisible();
  // The player says it is not available here, and neither it nor the tab names it.
  await page.goto(`/watch/movie/${movie.id}`);
  await expect(page.getByText(/not available on this profile/i)).toBeVisible();
  expect(await page.title()).not.toContain(movie.title);
  await expect(page.getByText(movie.title)).toHaveCount(0);
  // Back to a page with the site's header, as callers expect.
  await page.getByRole("link", { name: "Back" }).click();
  await expect(page).toHaveURL(/\/browse$/);
}

/** A demo show whose first two episodes of a season are transcoded (minutes after a first start on two cores). */
export async function waitForPlayableEpisodes(request: APIRequestContext, timeoutMs = 10 * 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const item of await listTitles(request, "shows")) {
      const show = await getShow(request, item.id);
      for (const season of show.seasons) {
        const [first, second] = season.episodes;
        if (first?.availability === "ready" && second?.availability === "ready") return { show, season: season.season, first, second };
      }
    }
    if (Date.now() > deadline) throw new Error("no demo show had two playable episodes in time");
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}
