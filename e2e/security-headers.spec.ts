// The Content-Security-Policy lets the site work: no violation is reported on the main pages (signed out, browsing,
// a title, the player while it plays through hls.js's blob: MediaSource, the account page, the admin area).
import type { Page } from "@playwright/test";
import { expect, test, waitForPlayableMovie } from "./fixtures";
import { WatchPage } from "./pages/watch-page";

/** Starts recording CSP violations (the DOM event) and console errors that mention the policy, in every document. */
async function recordViolations(page: Page): Promise<() => Promise<string[]>> {
  const consoleErrors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /content security policy/i.test(message.text())) consoleErrors.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = ((window as unknown as { __cspViolations: string[] }).__cspViolations = []);
    document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  return async () => [...consoleErrors, ...(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations ?? []))];
}

test("no CSP violation on the main pages, and the player plays under the policy", async ({ page, request, viewer }) => {
  test.setTimeout(12 * 60_000); // the demo catalog may still be transcoding on a first start
  const violations = await recordViolations(page);
  const movie = await waitForPlayableMovie(request);

  for (const path of ["/browse", `/title/movie/${movie.id}`, "/account", "/admin", "/plans"]) {
    const response = await page.goto(path);
    expect(response?.headers()["content-security-policy"], path).toMatch(/'nonce-/);
    await page.waitForLoadState("networkidle");
    expect(await violations(), path).toEqual([]);
  }

  await page.goto(`/watch/movie/${movie.id}`);
  const watch = new WatchPage(page);
  await watch.ensurePlaying();
  await expect.poll(() => watch.currentTime(), { timeout: 30_000 }).toBeGreaterThan(2);
  expect(await violations(), "watch").toEqual([]);
});

test("signed-out pages load without CSP violations", async ({ page }) => {
  const violations = await recordViolations(page);
  for (const path of ["/", "/signin", "/signup", "/plans"]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    expect(await violations(), path).toEqual([]);
  }
});
