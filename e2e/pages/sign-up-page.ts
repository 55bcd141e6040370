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

  /** From the plans page: "Choose <plan>" keeps the plan through the form, which leads to the account page to pay. */
  async signUpFromPlans(plan: "Basic" | "Standard" | "Premium", account: { username: string; email: string; password: string }) {
    const slug = plan.toLowerCase();
    await this.page.goto("/plans");
    await this.page.getByRole("link", { name: `Choose ${plan}` }).click();
    await expect(this.page).toHaveURL(new RegExp(`/signup\\?plan=${slug}$`));
    await this.signUp(account);
    await expect(this.page).toHaveURL(new RegExp(`/account\\?welcome=1&plan=${slug}#plan$`));
  }
}
