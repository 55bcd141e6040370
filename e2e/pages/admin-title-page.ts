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

  async publish() {
    await this.page.getByRole("button", { name: "Publish" }).click();
    await expect(this.page.getByRole("status")).toHaveText("Published: viewers can see it now.");
  }
}
