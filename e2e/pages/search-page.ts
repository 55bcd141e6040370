import { expect, type Locator, type Page } from "@playwright/test";

/** Search: one field, results grouped by kind as you type. */
export class SearchPage {
  constructor(readonly page: Page) {}

  async goto(query?: string) {
    await this.page.goto(query ? `/search?q=${encodeURIComponent(query)}` : "/search");
    await expect(this.input()).toBeVisible();
  }

  input(): Locator {
    return this.page.getByRole("searchbox", { name: "Search movies, shows, episodes and people" });
  }

  /** Types like a person (one key at a time), so the debounced as-you-type search runs. */
  async type(text: string) {
    await this.input().fill("");
    await this.input().pressSequentially(text, { delay: 40 });
  }

  /** A result group: "Movies", "Shows", "Episodes" or "People" (headings carry a count). */
  group(name: "Movies" | "Shows" | "Episodes" | "People"): Locator {
    return this.page.getByRole("region", { name: new RegExp(`^${name} \\(\\d+\\)$`) });
  }

  summary(): Locator {
    return this.page.getByRole("status").filter({ hasText: /result|No matches/ });
  }
}

/** "Dustwalker" → "Dustwaker": a letter dropped from the title's longest word, as people mistype. */
export function misspell(title: string) {
  const word = title.split(/\s+/).sort((a, b) => b.length - a.length)[0];
  return word.slice(0, -2) + word.slice(-1);
}
