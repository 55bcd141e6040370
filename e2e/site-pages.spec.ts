import { expectAccessible } from "./axe";
import { expect, test } from "./fixtures";

test("unknown addresses and watch ids get the site's own 404 page, with its navigation", async ({ page, viewer: _signedIn }) => {
  for (const path of ["/no-such-page", "/watch/movie/not-an-id", "/watch/movie/00000000-0000-4000-8000-000000000000", "/watch/show/00000000-0000-4000-8000-000000000000/1/1"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  }
  await expectAccessible(page);
  await page.getByRole("link", { name: "Back to browsing" }).click();
  await expect(page).toHaveURL(/\/browse$/);
});

test("the site is installable: a web app manifest with icons that load, a favicon and a theme colour", async ({ page }) => {
  await page.goto("/signin");
  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  expect(href).toBeTruthy();
  const manifest = await (await page.request.get(href!)).json();
  expect(manifest).toMatchObject({ name: "NormFlix", display: "standalone", start_url: "/browse", theme_color: "#141414" });
  const sizes = manifest.icons.map((icon: { sizes: string }) => icon.sizes);
  expect(sizes).toEqual(expect.arrayContaining(["192x192", "512x512"]));
  for (const icon of manifest.icons as { src: string; sizes: string; type: string }[]) {
    const response = await page.request.get(icon.src);
    expect(response.headers()["content-type"]).toBe(icon.type);
    // A PNG's IHDR holds its width and height: the file is the size the manifest says.
    const png = await response.body();
    expect(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`).toBe(icon.sizes);
  }
  expect((await page.request.get("/favicon.ico")).headers()["content-type"]).toBe("image/x-icon");
  await expect(page.locator('link[rel="icon"]').first()).toHaveAttribute("href", /icon|favicon/);
  await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute("content", "#141414");
});
