import { expect, type Page } from "@playwright/test";

/** The account page: plan, email, password and devices. */
export class AccountPage {
  constructor(readonly page: Page) {}

  async goto(query = "") {
    await this.page.goto(`/account${query}`);
    await expect(this.page.getByRole("heading", { name: "Account", level: 1 })).toBeVisible();
  }

  plan() {
    return this.page.getByRole("form", { name: "Change plan" });
  }

  async choosePlan(name: "Basic" | "Standard" | "Premium") {
    await this.plan().getByRole("button", { name: new RegExp(`(Choose|Upgrade to|Switch to|Restart with) ${name}$`) }).click();
    await expect(this.plan().getByRole("status")).toHaveText(`You are on the ${name} plan.`);
  }

  devices() {
    return this.page.getByRole("list", { name: "Signed-in devices" }).getByRole("listitem");
  }

  async changePassword(current: string, next: string) {
    const form = this.page.getByRole("form", { name: "Change password" });
    await form.getByLabel("Current password").fill(current);
    await form.getByLabel("New password", { exact: true }).fill(next);
    await form.getByLabel("Confirm new password").fill(next);
    await form.getByRole("button", { name: "Change password" }).click();
    return form;
  }
}
