import { expect, type Locator, type Page } from "@playwright/test";

/** The browse home: the featured title and the rows under it. */
export class BrowsePage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto("/browse");
    // Always there (Trending Now only once someone has watched something); a kids profile's home has its own rows.
    await expect(this.row("New on NormFlix").or(this.page.locator("[data-kids-home]"))).toBeVisible();
  }

  /** A row by its heading ("Trending Now", "My List", "Continue Watching", a genre…). */
  row(name: string): Locator {
    return this.page.getByRole("region", { name, exact: true });
  }

  /** Every card on the page whose title id is `id` (cards carry data-title-card). */
  cardsFor(id: string): Locator {
    return this.page.locator(`[data-title-card="${id}"]`);
  }

  /** The links of a row's cards, in order. */
  cardLinks(rowName: string): Locator {
    return this.row(rowName).getByRole("listitem").getByRole("link");
  }

  featuredHeading(): Locator {
    return this.page.getByRole("heading", { level: 1 });
  }

  /** Waits until every streamed row has replaced its skeleton. */
  async waitForRows() {
    await expect(this.page.locator("[data-skeleton]")).toHaveCount(0);
  }
}
