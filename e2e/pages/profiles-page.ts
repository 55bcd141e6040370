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

  /**
   * Adds a profile through "Add profile" (for the account's first, "Create your profile": it is chosen at once and the
   * browser goes on to the home page, or to `next` during sign-up).
   */
  async add(name: string, options: { kids?: boolean; rating?: string; avatar?: string; pin?: string; password?: string; first?: boolean } = {}) {
    if (!this.page.url().includes("/profiles/new")) await this.page.goto("/profiles/new");
    const form = this.page.getByRole("form", { name: options.first ? "Create your profile" : "Add profile" });
    await form.getByLabel("Name").fill(name);
    if (options.avatar) await form.getByRole("radio", { name: options.avatar }).check({ force: true });
    if (options.kids) await form.getByLabel("Kids profile").check();
    if (options.rating) await form.getByLabel("Maturity rating").selectOption(options.rating);
    if (options.pin) {
      await form.getByLabel("PIN", { exact: true }).fill(options.pin);
      await form.getByLabel("Account password").fill(options.password ?? "");
    }
    await form.getByRole("button", { name: options.first ? "Continue" : "Add profile" }).click();
    if (!options.first) await expect(this.page).toHaveURL(/\/profiles\/manage$/);
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
