import { expect, type Page } from "@playwright/test";

/** The player page (/watch/movie/<id>, /watch/show/<id>/<season>/<episode>): one <video> under custom controls. */
export class WatchPage {
  constructor(readonly page: Page) {}

  video() {
    return this.page.locator("video");
  }

  currentTime(): Promise<number> {
    return this.video().evaluate((video: HTMLVideoElement) => video.currentTime);
  }

  /** From the next page load on, remembers where the video first starts playing: the position a viewer sees first. */
  async recordFirstPlayingPosition() {
    await this.page.addInitScript(() => {
      // Media events do not bubble, but a capturing listener on the document sees them.
      document.addEventListener("playing", (event) => {
        const page = window as unknown as { firstPlayingAt?: number };
        page.firstPlayingAt ??= (event.target as HTMLVideoElement).currentTime;
      }, true);
    });
  }

  /** Where the video first started playing (after recordFirstPlayingPosition, once it plays). */
  async firstPlayingPosition(): Promise<number> {
    const position = await this.page.waitForFunction(() => (window as unknown as { firstPlayingAt?: number }).firstPlayingAt);
    return position.jsonValue() as Promise<number>;
  }

  /** Starts playback if the browser held autoplay back (the player then shows a big Play button). */
  async ensurePlaying() {
    const video = this.video();
    await expect(video).toBeAttached();
    await expect
      .poll(async () => {
        const { paused, currentTime } = await video.evaluate((v: HTMLVideoElement) => ({ paused: v.paused, currentTime: v.currentTime }));
        if (!paused && currentTime > 0) return true;
        // Only a paused video is started: a click while it is still starting would pause it again.
        const play = this.page.getByRole("button", { name: "Play", exact: true });
        if (paused && (await play.isVisible())) {
          // A phone's viewer taps: a mouse click there would switch the player to its desktop layout. Briefly: if the
          // video starts by itself meanwhile, the button becomes Pause and the press would wait for a Play button
          // that never comes back (the whole poll hung on it once, while the video played to its end).
          const press = { timeout: 2_000 };
          if (await this.page.evaluate(() => matchMedia("(pointer: coarse)").matches)) await play.tap(press).catch(() => undefined);
          else await play.click(press).catch(() => undefined);
        }
        return false;
      }, { timeout: 30_000 })
      .toBe(true);
  }

  /** Waits until playback has moved `seconds` on from where the video is now: it plays, not just sits at a position. */
  async expectAdvancing(seconds: number, timeout = 30_000) {
    const from = await this.currentTime();
    await expect.poll(() => this.currentTime(), { timeout }).toBeGreaterThan(from + seconds);
  }

  /** Pauses with the keyboard (space) and returns where the video stopped. */
  async pause(): Promise<number> {
    await this.page.keyboard.press("Space");
    await expect.poll(() => this.video().evaluate((v: HTMLVideoElement) => v.paused)).toBe(true);
    return this.currentTime();
  }

  /** Leaves through the player's Back link; the player writes the final position as it unmounts. */
  async leave() {
    await this.page.getByRole("link", { name: "Back" }).click();
    await expect(this.page).not.toHaveURL(/\/watch\//);
  }
}
