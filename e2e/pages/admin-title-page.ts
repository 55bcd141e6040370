import { expect, type Page } from "@playwright/test";

/** The admin's "New title" form and a title's edit page. */
export class AdminTitlePage {
  constructor(readonly page: Page) {}

  async createMovie(title: string) {
    await this.page.goto("/admin/titles");
    const form = this.page.getByRole("form", { name: "New title" });
    await form.getByLabel("Type").selectOption("movie");
    await form.getByLabel("Title").fill(title);
    await form.getByLabel("Year").fill("2025");
    await form.getByLabel("Maturity rating").selectOption("PG");
    await form.getByRole("button", { name: "Create draft" }).click();
    await expect(this.page).toHaveURL(/\/admin\/titles\/[0-9a-f-]{36}$/);
    await expect(this.page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
    return this.page.url().split("/").at(-1)!;
  }

  async uploadVideo(file: string) {
    await this.page.getByLabel("Upload the video").setInputFiles(file);
  }

  uploadProgress() {
    return this.page.getByRole("progressbar", { name: "Upload progress" });
  }

  job() {
    return this.page.getByRole("listitem", { name: /^Job / });
  }

  /** Adds a credit: a new person typed in, or an existing one found with the people search. */
  async addCredit(credit: { newPerson?: string; search?: string; pick?: string; role: "Cast" | "Director" | "Creator"; character?: string }) {
    if (credit.search) {
      await this.page.getByRole("searchbox", { name: "Search people" }).fill(credit.search);
      await this.page.getByRole("search", { name: "Find people" }).getByRole("button", { name: "Search" }).click();
      await expect(this.page.getByLabel(`Person matching "${credit.search}"`)).toBeVisible();
    }
    const form = this.page.getByRole("form", { name: "Add credit" });
    if (credit.pick) await form.getByLabel(/^Person/).selectOption({ label: credit.pick });
    if (credit.newPerson) await form.getByLabel("Or a new person").fill(credit.newPerson);
    await form.getByLabel("Role").selectOption({ label: credit.role });
    if (credit.character) await form.getByLabel("Character (cast only)").fill(credit.character);
    await form.getByRole("button", { name: "Add credit" }).click();
    await expect(form.getByRole("status")).toHaveText(`${credit.newPerson ?? credit.pick} added.`);
  }

  /** The title's credits in billing order, as "Name, role" labels. */
  credits() {
    return this.page.getByRole("list", { name: "Credits" }).getByRole("listitem");
  }

  async publish() {
    await this.page.getByRole("button", { name: "Publish" }).click();
    await expect(this.page.getByRole("form", { name: "Publishing" }).getByRole("status")).toHaveText("Published: viewers can see it now.");
  }
}
