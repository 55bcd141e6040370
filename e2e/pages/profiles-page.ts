import { expect, type Page } from "@playwright/test";

/** "Who's watching?", "Manage profiles", and the add/edit profile forms. */
export class ProfilesPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto("/profiles");
    await expect(this.page.getByRole("heading", { name: "Who's watching?" })).toBeVisible();
  }

  profile(name: string) {
    return this.page.getByRole("button", { name, exact: true });
  }

  async add(name: string, options: { kids?: boolean; rating?: string; avatar?: string } = {}) {
    await this.page.goto("/profiles/new");
    const form = this.page.getByRole("form", { name: "Add profile" });
    await form.getByLabel("Name").fill(name);
    if (options.avatar) await form.getByRole("radio", { name: options.avatar }).check({ force: true });
    if (options.kids) await form.getByLabel("Kids profile").check();
    if (options.rating) await form.getByLabel("Maturity rating").selectOption(options.rating);
    await form.getByRole("button", { name: "Add profile" }).click();
    await expect(this.page).toHaveURL(/\/profiles\/manage$/);
  }

  async edit(name: string) {
    await this.page.goto(`/profiles/${encodeURIComponent(name)}/edit`);
    await expect(this.page.getByRole("heading", { name: "Edit profile" })).toBeVisible();
  }

  async setPin(name: string, pin: string, password: string) {
    await this.edit(name);
    const form = this.page.getByRole("form", { name: "Profile lock" });
    await form.getByLabel("PIN").fill(pin);
    await form.getByLabel("Account password").fill(password);
    await form.getByRole("button", { name: /Set PIN|Change PIN/ }).click();
    await expect(form.getByRole("status")).toContainText("PIN saved");
  }

  async enterPin(pin: string) {
    for (const digit of pin) await this.page.getByRole("group", { name: "Keypad" }).getByRole("button", { name: digit, exact: true }).click();
  }
}
