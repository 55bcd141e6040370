import { expect, type Page } from "@playwright/test";

export class SignUpPage {
  constructor(readonly page: Page) {}

  async goto(query = "") {
    await this.page.goto(`/signup${query}`);
    await expect(this.page.getByRole("heading", { name: "Create your account" })).toBeVisible();
  }

  async signUp(account: { username: string; email: string; password: string }) {
    await this.page.getByLabel("Username").fill(account.username);
    await this.page.getByLabel("Email").fill(account.email);
    await this.page.getByLabel("Password").fill(account.password);
    await this.page.getByRole("button", { name: "Create account" }).click();
  }
}
