// Reviews on a title page: write, change and delete one's own; mark another profile's helpful; the average follows.
import { expectAccessible } from "./axe";
import { createAccount, createProfile, expect, test } from "./fixtures";

test("a viewer reviews a film, finds another review helpful, and deletes their own", async ({ page, request, viewer }) => {
  const auth = { authorization: `Bearer ${viewer.token}` };
  const [movie] = (await (await request.get("/api/movies?limit=1&sort=title&max_maturity_rating=PG", { headers: auth })).json()).items;
  const other = await createAccount(request, "basic");
  await createProfile(request, other.token, "Critic");
  const written = await request.put(`/api/profiles/Critic/reviews/movie/${movie.id}`, { headers: { authorization: `Bearer ${other.token}` }, data: { stars: 2, title: "Not for me", text: "Too slow.\nBut pretty." } });
  expect(written.status()).toBe(200);

  await page.goto(`/title/movie/${movie.id}`);
  const reviews = page.getByRole("region", { name: "Reviews" });
  await expect(reviews.getByText("2.0 out of 5 · 1 review")).toBeVisible();
  const critic = reviews.getByRole("article", { name: "Review by Critic" });
  await expect(critic.getByRole("heading", { name: "Not for me" })).toBeVisible();
  await expect(critic.getByRole("img", { name: "2 out of 5 stars" })).toBeVisible();
  await critic.getByRole("button", { name: "Helpful" }).click();
  await expect(critic.getByText("1 found this helpful")).toBeVisible();

  const form = reviews.getByRole("form", { name: "Write a review" });
  await form.getByLabel("Stars").selectOption("4");
  await form.getByLabel("Headline (optional)").fill("A quiet gem");
  await form.getByLabel("Review (optional, plain text)").fill("<b>Lovely</b> photography.");
  await form.getByRole("button", { name: "Post review" }).click();
  await expect(reviews.getByText("3.0 out of 5 · 2 reviews")).toBeVisible();
  await expect(reviews.getByRole("form", { name: "Your review" }).getByLabel("Review (optional, plain text)")).toHaveValue("<b>Lovely</b> photography.");
  await expectAccessible(page);

  // Over the API, the same review, the text kept as text.
  const mine = await (await request.get(`/api/profiles/${viewer.profile}/reviews/movie/${movie.id}`, { headers: auth })).json();
  expect(mine.review).toMatchObject({ stars: 4, title: "A quiet gem", text: "<b>Lovely</b> photography." });

  await reviews.getByRole("button", { name: "Delete review" }).click();
  await expect(reviews.getByText("2.0 out of 5 · 1 review")).toBeVisible();
  await expect(reviews.getByRole("form", { name: "Write a review" })).toBeVisible();
});
