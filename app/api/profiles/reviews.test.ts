// Reviews over HTTP, on a server of its own (its first account is the admin): one per profile and title, plain text,
// the title's list with average, count and distribution, helpful marks, admins hiding, and what is refused.
import { describe, expect, it } from "vitest";
import { useAdminServer } from "../admin/test-server";

const server = useAdminServer();

async function viewer(username: string, profile = "Main") {
  const account = await server.signUp(username);
  expect((await server.call("PUT", "/api/accounts/subscription", { token: account.token, body: { subscription: "standard" } })).status).toBe(200);
  expect((await server.call("POST", `/api/profiles/${profile}/new`, { token: account.token })).status).toBe(200);
  return account.token;
}

describe("reviews", () => {
  it("writes one per profile and title, lists them with the average, counts helpful marks, and lets admins hide one", async () => {
    const admin = (await server.signUp("reviews_admin")).token;
    const movie = (await server.call("POST", "/api/admin/titles", { token: admin, body: { type: "movie", title: "Reviewed Film", year: 2024, maturity_rating: "PG" } })).body;
    const mature = (await server.call("POST", "/api/admin/titles", { token: admin, body: { type: "movie", title: "Grown-up Film", year: 2024, maturity_rating: "R" } })).body;
    for (const id of [movie.id, mature.id]) await server.call("PUT", `/api/admin/titles/${id}/published`, { token: admin, body: { published: true } });
    const ana = await viewer("reviews_ana");
    const ben = await viewer("reviews_ben");
    const own = (token: string, method: string, body?: unknown, id = movie.id) => server.call(method, `/api/profiles/Main/reviews/movie/${id}`, { token, body });

    expect((await own(ana, "GET")).body).toEqual({ review: null });
    const written = await own(ana, "PUT", { stars: 4, title: "  Worth it ", text: "Loved\u0007 it.\r\n\r\n\r\n\r\nTruly." });
    expect(written.status).toBe(200);
    expect(written.body.review).toMatchObject({ profile: "Main", stars: 4, title: "Worth it", text: "Loved it.\n\nTruly.", helpful_count: 0, yours: true });
    // Writing again changes the one review.
    expect((await own(ana, "PUT", { stars: 5, title: "Worth it" })).body.review).toMatchObject({ stars: 5, text: null, id: written.body.review.id });
    const bens = (await own(ben, "PUT", { stars: 2, text: "Slow." })).body.review;

    const list = async (query = "", token?: string) => (await server.call("GET", `/api/movies/${movie.id}/reviews${query}`, { token })).body;
    const all = await list();
    expect(all).toMatchObject({ count: 2, average_stars: 3.5, distribution: { 1: 0, 2: 1, 3: 0, 4: 0, 5: 1 }, total: 2, sort: "newest" });
    expect(all.items.map((r: { stars: number }) => r.stars)).toEqual([2, 5]);

    // Ben finds Ana's helpful (twice is once); nobody marks their own.
    const helpful = (token: string, method: string, id: string) => server.call(method, `/api/profiles/Main/helpful/${id}`, { token });
    expect((await helpful(ben, "PUT", written.body.review.id)).body).toMatchObject({ marked_helpful: true, helpful_count: 1 });
    expect((await helpful(ben, "PUT", written.body.review.id)).body.helpful_count).toBe(1);
    expect((await helpful(ana, "PUT", written.body.review.id)).status).toBe(403);
    const byHelpful = await list("?sort=helpful&profile=Main", ben);
    expect(byHelpful.items.map((r: { stars: number; marked_helpful: boolean; yours: boolean }) => [r.stars, r.marked_helpful, r.yours])).toEqual([
      [5, true, false],
      [2, false, true],
    ]);
    expect((await helpful(ben, "DELETE", written.body.review.id)).body.helpful_count).toBe(0);

    // An admin hides Ben's review: out of the list and the average; its author still sees it, marked hidden.
    expect((await server.call("PUT", `/api/admin/reviews/${bens.id}/hidden`, { token: ana, body: { hidden: true } })).status).toBe(403);
    expect((await server.call("PUT", `/api/admin/reviews/${bens.id}/hidden`, { token: admin, body: { hidden: true } })).body).toEqual({ review_id: bens.id, hidden: true });
    expect(await list()).toMatchObject({ count: 1, average_stars: 5 });
    expect((await own(ben, "GET")).body.review).toMatchObject({ hidden: true, stars: 2 });
    expect((await helpful(ana, "PUT", bens.id)).status).toBe(404);

    // Delete: gone, and a second delete is 404.
    expect((await own(ana, "DELETE")).status).toBe(200);
    expect((await own(ana, "DELETE")).body.error.code).toBe("review_not_found");
    expect((await list()).count).toBe(0);

    // A title the profile may not see cannot be reviewed or read through it.
    await server.call("PATCH", "/api/profiles/Main", { token: ana, body: { maturity_rating: "PG-13" } });
    expect((await own(ana, "PUT", { stars: 3 }, mature.id)).body.error.code).toBe("movie_not_found");
  });

  it("takes exactly the documented fields, in range", async () => {
    const token = await viewer("reviews_strict");
    const notAdmin = (await server.signUp("reviews_not_admin")).token;
    const path = `/api/profiles/Main/reviews/movie/${(await server.call("GET", "/api/movies?limit=1", { token })).body.items[0]?.id ?? "00000000-0000-4000-8000-000000000000"}`;
    for (const body of [{ stars: 0 }, { stars: 6 }, { stars: 4.5 }, { stars: 4, extra: 1 }, { stars: 4, text: "x".repeat(2001) }, { stars: 4, title: "x".repeat(101) }, {}]) {
      expect((await server.call("PUT", path, { token, body })).status, JSON.stringify(body)).toBe(422);
    }
    expect((await server.call("GET", `${path}?x=1`, { token })).body.error.code).toBe("unknown_parameter");
    expect((await server.call("GET", "/api/movies/00000000-0000-4000-8000-000000000000/reviews?sort=best")).status).toBe(422);
    expect((await server.call("GET", "/api/movies/00000000-0000-4000-8000-000000000000/reviews")).body.error.code).toBe("movie_not_found");
    expect((await server.call("PUT", "/api/admin/reviews/00000000-0000-4000-8000-000000000000/hidden", { token: notAdmin, body: { hidden: true } })).status).toBe(403);
  });
});
