import { expect, type Page } from "@playwright/test";

/** The account page: plan, billing history, email, password and devices. */
export class AccountPage {
  constructor(readonly page: Page) {}

  async goto(query = "") {
    await this.page.goto(`/account${query}`);
    await expect(this.page.getByRole("heading", { name: "Account", level: 1 })).toBeVisible();
  }

  plan() {
    return this.page.getByRole("form", { name: "Change plan" });
  }

  /** Chooses a plan; a change to a running plan is confirmed after its charge is shown. */
  async choosePlan(name: "Basic" | "Standard" | "Premium") {
    await this.planButton(name).click();
    const done = this.plan().getByRole("status");
    await expect(done.or(this.confirmation())).toBeVisible();
    if (await this.confirmation().isVisible()) await this.confirmation().getByRole("button", { name: /^Confirm/ }).click();
    await expect(done).toHaveText(`You are on the ${name} plan.`);
  }

  /** The step showing what a plan change will charge, before it is confirmed. */
  confirmation() {
    return this.page.getByRole("region", { name: "Confirm plan change" });
  }

  /** A new member's first plan: it leads straight on to creating their first profile. */
  async chooseFirstPlan(name: "Basic" | "Standard" | "Premium") {
    await this.plan().getByRole("button", { name: new RegExp(`Choose ${name}$`) }).click();
    await expect(this.page).toHaveURL(/\/profiles\/new\?welcome=1/);
    await expect(this.page.getByRole("heading", { name: "Create your profile" })).toBeVisible();
  }

  /** The plan button for `name` ("Choose Standard", "Upgrade to Premium", …), without waiting for the outcome. */
  planButton(name: "Basic" | "Standard" | "Premium") {
    return this.plan().getByRole("button", { name: new RegExp(`(Choose|Upgrade to|Switch to|Restart with) ${name}$`) });
  }

  /** The plan section's summary line, e.g. "Standard · $15.49 / month Active". */
  planSummary() {
    return this.page.locator("#plan").getByText(/^(Basic|Standard|Premium) · .+ \/ month/);
  }

  async cancelMembership() {
    await this.page.locator("#plan summary", { hasText: "Cancel membership" }).click();
    const form = this.page.getByRole("form", { name: "Cancel membership" });
    await form.getByLabel("Yes, cancel my membership").check();
    await form.getByRole("button", { name: "Cancel membership" }).click();
  }

  /** The rows of the billing history table (without its header). */
  invoices() {
    return this.page.locator("#billing").getByRole("table").locator("tbody").getByRole("row");
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
