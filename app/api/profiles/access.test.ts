// Who may act as which profile, and what it may see: each case is an attack that worked before lib/access/ owned the
// rule (a locked profile read through the API, a kids browser changing the account, a kids profile raised to R, …).
import { beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { api, expectEnvelope, randomIp, signIn } from "@/test/http";
import { memberWithProfiles, profilePath } from "@/test/profiles";
import { chooseProfileOnSite, signInToSite } from "@/test/web-session";

const base = () => inject("baseUrl");
const path = profilePath;

type Movie = { id: string; maturity_rating: string };
let pgMovie: Movie;
let rMovie: Movie;

beforeAll(async () => {
  const movies: Movie[] = (await api("GET", "/api/movies?limit=100")).body.items;
  pgMovie = movies.find((m) => m.maturity_rating === "PG")!;
  rMovie = movies.find((m) => m.maturity_rating === "R")!;
  expect(pgMovie && rMovie).toBeTruthy();
});

const member = memberWithProfiles;

const progress = (movie: Movie) => ({ kind: "movie_watch_progress", movie_id: movie.id, progress: 3 });

describe("locked profiles, through the API", () => {
  it("refuse every call acting as them until unlocked with the PIN, and the token is tied to the session and the PIN", async () => {
    const { token, username, password } = await member({ name: "Dad", settings: { pin: "1234" } }, { name: "Open" });
    const asDad = (headers: Record<string, string> = {}) => [
      api("GET", path("Dad", "/watchlist"), { token, headers }),
      api("POST", path("Dad", "/progress"), { token, headers, body: progress(pgMovie) }),
      api("GET", `/api/movies?profile=Dad`, { token, headers }),
      api("GET", `/api/search?q=the&profile=Dad`, { token, headers }),
      api("POST", `/api/movies/${pgMovie.id}/stream`, { token, headers, body: { profile: "Dad" } }),
    ];
    for (const response of await Promise.all(asDad())) expectEnvelope(response, 403, "profile_locked");
    // An unlocked profile of the same account needs nothing.
    expect((await api("GET", path("Open", "/watchlist"), { token })).status).toBe(200);

    expectEnvelope(await api("POST", path("Dad", "/unlock"), { token, body: { pin: "9999" } }), 403, "pin_incorrect");
    expectEnvelope(await api("POST", path("Dad", "/unlock"), { token, body: { pin: "1234", extra: 1 } }), 422, "validation_failed");
    expectEnvelope(await api("POST", path("Dad", "/unlock?ttl=99999"), { token, body: { pin: "1234" } }), 422, "unknown_parameter");
    expectEnvelope(await api("POST", path("Nobody", "/unlock"), { token, body: { pin: "1234" } }), 404, "profile_not_found");
    const unlocked = await api("POST", path("Dad", "/unlock"), { token, body: { pin: "1234" } });
    expect(unlocked.status).toBe(200);
    expect(unlocked.body.expires_in).toBeGreaterThan(0);
    const headers = { "x-profile-token": unlocked.body.profile_token };
    const [list, write, movies, search, stream] = await Promise.all(asDad(headers));
    expect([list.status, write.status, movies.status, search.status]).toEqual([200, 200, 200, 200]);
    // Past the lock: the demo catalog of the test server has no video.
    expectEnvelope(stream, 409, "media_not_ready");

    // Another token of the same account cannot use it, nor can the token act as another locked profile.
    const otherToken = await signIn(username, password, randomIp());
    expectEnvelope(await api("GET", path("Dad", "/watchlist"), { token: otherToken, headers }), 403, "profile_locked");
    expectEnvelope(await api("GET", path("Dad", "/watchlist"), { token, headers: { "x-profile-token": "nfp_1.forged" } }), 403, "profile_locked");
    // A new PIN ends every token given for the old one.
    expect((await api("PATCH", path("Dad"), { token, body: { pin: "4321" } })).status).toBe(200);
    expectEnvelope(await api("GET", path("Dad", "/watchlist"), { token, headers }), 403, "profile_locked");
  });

  it("throttle wrong PINs, even sent all at once, and then refuse the right one too", async () => {
    const { token } = await member({ name: "Safe", settings: { pin: "2468" } });
    const guesses = await Promise.all(
      Array.from({ length: 12 }, (_, i) => api("POST", path("Safe", "/unlock"), { token, body: { pin: String(1000 + i) } })),
    );
    const wrong = guesses.filter((r) => r.status === 403);
    for (const response of wrong) expectEnvelope(response, 403, "pin_incorrect");
    expect(wrong.length).toBeLessThanOrEqual(5);
    for (const response of guesses.filter((r) => r.status !== 403)) expectEnvelope(response, 429, "rate_limited");
    const right = await api("POST", path("Safe", "/unlock"), { token, body: { pin: "2468" } });
    expectEnvelope(right, 429, "rate_limited");
    expect(Number(right.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});

describe("kids profiles", () => {
  it("are never rated above PG-13, whatever the order or the combination of the fields", async () => {
    const { token } = await member({ name: "Kid" });
    const patch = (body: Record<string, unknown>) => api("PATCH", path("Kid"), { token, body });
    expect((await patch({ kids: true })).body).toMatchObject({ kids: true, maturity_rating: "TV-Y7" });
    // The rating alone, on a profile that is kids already (this was accepted).
    expectEnvelope(await patch({ maturity_rating: "R" }), 422, "validation_failed");
    expectEnvelope(await patch({ maturity_rating: "TV-MA", kids: true }), 422, "validation_failed");
    expect((await patch({ maturity_rating: "TV-14" })).body).toMatchObject({ kids: true, maturity_rating: "TV-14" });
    expect((await patch({ kids: false, maturity_rating: "R" })).body).toMatchObject({ kids: false, maturity_rating: "R" });
    // Made kids again without a rating: the kids default, as on the site.
    expect((await patch({ kids: true })).body).toMatchObject({ kids: true, maturity_rating: "TV-Y7" });

    // Two devices at once, one ticking kids and one raising the rating: never both.
    for (let round = 0; round < 5; round++) {
      await patch({ kids: false, maturity_rating: "PG" });
      const answers = await Promise.all([patch({ kids: true }), patch({ maturity_rating: "NC-17" })]);
      for (const answer of answers) expect([200, 409, 422]).toContain(answer.status);
      const [profile] = (await api("GET", "/api/profiles", { token })).body.items;
      expect(profile.kids && profile.maturity_rating === "NC-17", JSON.stringify(profile)).toBe(false);
    }
  });

  it("cannot write progress for a title above their rating (it does not exist for them)", async () => {
    const { token } = await member({ name: "Pip", settings: { kids: true } });
    expectEnvelope(await api("POST", path("Pip", "/progress"), { token, body: progress(rMovie) }), 404, "movie_not_found");
    expectEnvelope(await api("PUT", path("Pip", "/progress"), { token, body: progress(rMovie) }), 404, "movie_not_found");
    expect((await api("POST", path("Pip", "/progress"), { token, body: progress(pgMovie) })).status).toBe(200);
    expect((await api("GET", path("Pip", "/history"), { token })).body.items.map((i: Movie) => i.id)).toEqual([pgMovie.id]);
  });
});

describe("the site's session cookie", () => {
  it("needs the current password to change the password, the email or a PIN; a bearer token does not", async () => {
    const account = await member({ name: "Ada" });
    const cookie = await signInToSite(base(), account.username, account.password, randomIp());
    const site = { cookie, origin: base() };
    const put = (url: string, body: Record<string, unknown>, headers: Record<string, string> = site) => api("PUT", url, { body, headers });

    expectEnvelope(await put("/api/accounts/password", { password: "a new password 1" }), 403, "current_password_incorrect");
    expectEnvelope(await put("/api/accounts/password", { password: "a new password 1", current_password: "wrong one" }), 403, "current_password_incorrect");
    expectEnvelope(await put("/api/accounts/email", { email: `x_${account.email}` }), 403, "current_password_incorrect");
    expectEnvelope(await api("PATCH", path("Ada"), { body: { pin: "1111" }, headers: site }), 403, "current_password_incorrect");
    // Nothing changed.
    expect((await api("GET", "/api/accounts/me", { token: account.token })).body.email).toBe(account.email);
    expect((await api("GET", "/api/profiles", { token: account.token })).body.items[0].has_pin).toBe(false);

    expect((await api("PATCH", path("Ada"), { body: { pin: "1111", current_password: account.password }, headers: site })).status).toBe(200);
    expect((await put("/api/accounts/email", { email: `y_${account.email}`, current_password: account.password })).status).toBe(200);
    expect((await api("PUT", "/api/accounts/email", { token: account.token, body: { email: `z_${account.email}` } })).status).toBe(200);
    expect((await put("/api/accounts/password", { password: "a new password 1", current_password: account.password })).status).toBe(200);
  });

  it("cannot start a stream from another site's link; a POST start works with a bearer token", async () => {
    const account = await member({ name: "Ada" });
    const cookie = await signInToSite(base(), account.username, account.password, randomIp());
    const url = `/api/movies/${pgMovie.id}/stream?profile=Ada`;
    expectEnvelope(await api("GET", url, { headers: { cookie, "sec-fetch-site": "cross-site" } }), 403, "forbidden");
    expectEnvelope(await api("POST", url, { headers: { cookie, "sec-fetch-site": "cross-site", origin: "https://evil.example" } }), 403, "forbidden");
    // From the site itself, the start goes through to the media check.
    expectEnvelope(await api("GET", url, { headers: { cookie, "sec-fetch-site": "same-origin" } }), 409, "media_not_ready");
    expectEnvelope(await api("POST", `/api/movies/${pgMovie.id}/stream`, { token: account.token, body: { profile: "Ada" } }), 409, "media_not_ready");
    // The POST start takes exactly its documented body.
    expectEnvelope(await api("POST", `/api/movies/${pgMovie.id}/stream?profile=Ada`, { token: account.token, body: { profile: "Ada" } }), 422, "unknown_parameter");
    expectEnvelope(await api("POST", `/api/movies/${pgMovie.id}/stream`, { token: account.token, body: { profile: "Ada", quality: "4k" } }), 422, "validation_failed");
  });

  it("acting as a locked profile needs it chosen in this browser (with its PIN)", async () => {
    const account = await member({ name: "Ada" }, { name: "Dad", settings: { pin: "1357" } });
    const cookie = await signInToSite(base(), account.username, account.password, randomIp());
    const asAda = await chooseProfileOnSite(base(), cookie, "Ada");
    expectEnvelope(await api("GET", path("Dad", "/watchlist"), { headers: { cookie: asAda } }), 403, "profile_locked");
    expect((await api("GET", path("Ada", "/watchlist"), { headers: { cookie: asAda } })).status).toBe(200);
  });

  it("on a kids profile, cannot change the account, its profiles or its plan, nor act as another profile", async () => {
    const account = await member({ name: "Dad" }, { name: "Pip", settings: { kids: true } });
    const cookie = await signInToSite(base(), account.username, account.password, randomIp());
    const kids = { cookie: await chooseProfileOnSite(base(), cookie, "Pip"), origin: base() };
    const refused = [
      await api("PUT", "/api/accounts/password", { headers: kids, body: { password: "taken over 123", current_password: account.password } }),
      await api("PUT", "/api/accounts/email", { headers: kids, body: { email: `kid_${account.email}`, current_password: account.password } }),
      await api("PUT", "/api/accounts/subscription", { headers: kids, body: { subscription: "basic" } }),
      await api("DELETE", "/api/accounts/subscription", { headers: kids }),
      await api("GET", "/api/accounts/me", { headers: kids }),
      await api("GET", "/api/accounts/sessions", { headers: kids }),
      await api("POST", "/api/billing/checkout", { headers: kids, body: { plan: "basic" } }),
      await api("POST", path("Pip2", "/new"), { headers: kids }),
      await api("PATCH", path("Pip"), { headers: kids, body: { kids: false, maturity_rating: "NC-17" } }),
      await api("PUT", path("Dad", "/name"), { headers: kids, body: { name: "Bob" } }),
      await api("DELETE", path("Dad"), { headers: kids }),
      await api("GET", path("Dad", "/watchlist"), { headers: kids }),
      await api("GET", `/api/movies?profile=Dad`, { headers: kids }),
    ];
    for (const response of refused) expectEnvelope(response, 403, "kids_profile");
    // Nothing changed, and the kids profile still watches as itself.
    const profiles = (await api("GET", "/api/profiles", { token: account.token })).body.items;
    expect(profiles.map((p: { name: string; kids: boolean }) => [p.name, p.kids])).toEqual([["Dad", false], ["Pip", true]]);
    const me = (await api("GET", "/api/accounts/me", { token: account.token })).body;
    expect([me.email, me.subscription.plan]).toEqual([account.email, "premium"]);
    expect((await api("GET", path("Pip", "/watchlist"), { headers: kids })).status).toBe(200);
    const movies = (await api("GET", "/api/movies?profile=Pip&limit=100", { headers: kids })).body.items as Movie[];
    expect(movies.some((m) => m.id === rMovie.id)).toBe(false);
    expect(movies.some((m) => m.id === pgMovie.id)).toBe(true);
  });
});
