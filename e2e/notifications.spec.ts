// The notification bell, on a server of its own (the first account signed up there is the admin): an admin adds an
// episode to a show on a viewer's list, and the bell in the viewer's open page lights up without a reload; the panel
// links to the show and marks it read; "Mark all read" clears the count.
import fs from "node:fs";
import { expect, test as base } from "@playwright/test";
import { startServer, tempDataDir } from "../test/server-process";
import { expectAccessible } from "./axe";
import { chooseProfile, createProfile, signInBrowser } from "./fixtures";

type Account = { username: string; password: string; token: string };

const test = base.extend<{}, { server: { url: string; admin: Account } }>({
  server: [
    async ({}, use) => {
      const dataDir = tempDataDir("e2e-notify");
      // Started beside the suite's own server, which transcodes the demo catalog meanwhile: give it time.
      const server = await startServer({ DATA_DIR: dataDir, DATABASE_URL: "", DEMO_CATALOG: "off", WORKER_IN_PROCESS: "false", AUTH_SECRET: "" }, { startTimeoutMs: 180_000 });
      await use({ url: server.url, admin: await signUp(server.url, "e2e_notify_admin") });
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
    { scope: "worker", timeout: 240_000 },
  ],
  baseURL: async ({ server }, use) => use(server.url),
});

async function call(base: string, method: string, path: string, token?: string, body?: unknown) {
  const response = await fetch(base + path, {
    method,
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${await response.text()}`);
  return response.json();
}

async function signUp(base: string, username: string, plan?: string): Promise<Account> {
  const account = { username, password: "correct horse battery", email: `${username}@example.com` };
  await call(base, "POST", "/api/accounts/new", undefined, account);
  const { bearer_token: token } = await call(base, "POST", "/api/accounts/token", undefined, account);
  if (plan) await call(base, "PUT", "/api/accounts/subscription", token, { subscription: plan });
  return { ...account, token };
}

test("a new episode of a show on the viewer's list lights the bell in the open page, without a reload", async ({ page, server }) => {
  const { url, admin } = server;
  const show = await call(url, "POST", "/api/admin/titles", admin.token, { type: "show", title: "The Bell Tolls", year: 2025, maturity_rating: "TV-PG" });
  await call(url, "PUT", `/api/admin/titles/${show.id}/published`, admin.token, { published: true });
  const season = await call(url, "POST", `/api/admin/titles/${show.id}/seasons`, admin.token, { number: 1 });

  const viewer = await signUp(url, "e2e_notify_viewer", "standard");
  await createProfile(page.request, viewer.token, "Viewer");
  await call(url, "PUT", `/api/profiles/Viewer/watchlist/show/${show.id}`, viewer.token);
  await signInBrowser(page, viewer, "/profiles");
  await chooseProfile(page, "Viewer");

  // Signing in from this browser (the account's first sign-in was over the API) is already news.
  const bell = page.getByRole("button", { name: /^Notifications/ });
  await expect(bell).toHaveAccessibleName("Notifications, 1 unread");
  const loads: string[] = [];
  page.on("load", () => loads.push(page.url()));

  await call(url, "POST", `/api/admin/seasons/${season.id}/episodes`, admin.token, { number: 1, title: "Ring Once" });
  await expect(bell).toHaveAccessibleName("Notifications, 2 unread");
  await expect(page.getByTestId("unread-count")).toHaveText("2");
  expect(loads).toEqual([]);

  await bell.click();
  const link = page.getByRole("link", { name: /New episode of The Bell Tolls/ });
  await expect(link).toContainText("S1:E1 “Ring Once” is now on NormFlix.");
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/title/show/${show.id}$`));
  await expect(bell).toHaveAccessibleName("Notifications, 1 unread");
  await bell.click();
  await page.getByRole("button", { name: "Mark all read" }).click();
  await expect(bell).toHaveAccessibleName("Notifications");
  await expect(page.getByTestId("unread-count")).toHaveCount(0);
});

test("notification settings: channels per type and quiet hours, saved from the page and read back over the API", async ({ page, server }) => {
  const viewer = await signUp(server.url, "e2e_notify_settings", "standard");
  await createProfile(page.request, viewer.token, "Viewer");
  await signInBrowser(page, viewer, "/profiles");
  await chooseProfile(page, "Viewer");

  await page.getByRole("button", { name: /^Notifications/ }).click();
  await page.getByRole("link", { name: "Notification settings" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
  await expectAccessible(page);

  const newEpisodes = page.getByRole("group", { name: "New episodes" });
  await newEpisodes.getByLabel("On the site").uncheck();
  await newEpisodes.getByLabel("By email").check();
  await page.getByLabel("Hold email during quiet hours").check();
  await page.getByLabel("From").fill("23:00");
  await page.getByLabel("Until").fill("23:00");
  await page.getByLabel("Time zone").selectOption("Europe/Madrid");
  await page.getByRole("button", { name: "Save notification settings" }).click();
  await expect(page.getByText("Quiet hours end at another time than they start.")).toBeVisible();

  await page.getByLabel("Until").fill("06:30");
  await page.getByRole("button", { name: "Save notification settings" }).click();
  await expect(page.getByText("Notification settings saved.")).toBeVisible();
  const saved = await call(server.url, "GET", "/api/notifications/settings", viewer.token);
  expect(saved.types.new_episode).toEqual({ in_site: false, email: true });
  expect(saved.types.payment_failed).toEqual({ in_site: true, email: true });
  expect(saved.quiet_hours).toEqual({ start: "23:00", end: "06:30", time_zone: "Europe/Madrid" });

  await page.reload();
  await expect(newEpisodes.getByLabel("On the site")).not.toBeChecked();
  await expect(page.getByLabel("Until")).toHaveValue("06:30");
});
