import { expect, type Locator, type Page } from "@playwright/test";

/** A movie's or show's page: play, My List, thumbs, seasons and episodes. */
export class TitlePage {
  constructor(readonly page: Page) {}

  async goto(kind: "movie" | "show", id: string, query = "") {
    return this.page.goto(`/title/${kind}/${id}${query}`);
  }

  heading(): Locator {
    return this.page.getByRole("heading", { level: 1 });
  }

  /** The My List toggle, whichever state it is in. */
  myListButton(title: string): Locator {
    return this.page.getByRole("button", { name: new RegExp(`^(Add ${escape(title)} to|Remove ${escape(title)} from) My List$`) });
  }

  async addToMyList(title: string) {
    await this.page.getByRole("button", { name: `Add ${title} to My List` }).click();
    await expect(this.page.getByRole("button", { name: `Remove ${title} from My List` })).toHaveAttribute("aria-pressed", "true");
  }

  async removeFromMyList(title: string) {
    await this.page.getByRole("button", { name: `Remove ${title} from My List` }).click();
    await expect(this.page.getByRole("button", { name: `Add ${title} to My List` })).toHaveAttribute("aria-pressed", "false");
  }

  thumbsUp(title: string): Locator {
    return this.page.getByRole("button", { name: new RegExp(`^(I like ${escape(title)}|Remove your thumbs up for ${escape(title)})$`) });
  }

  thumbsDown(title: string): Locator {
    return this.page.getByRole("button", { name: new RegExp(`^(Not for me: ${escape(title)}|Remove your thumbs down for ${escape(title)})$`) });
  }

  seasons(): Locator {
    return this.page.getByRole("navigation", { name: "Seasons" });
  }

  /** The episode list's item for episode `number` of the shown season. */
  episode(number: number): Locator {
    return this.page.locator(`li[data-episode="${number}"]`);
  }

  notFoundHeading(): Locator {
    return this.page.getByRole("heading", { name: "Not available on this profile" });
  }
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
