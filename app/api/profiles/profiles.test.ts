import { describe, expect, it } from "vitest";
import { api, createAccount, expectEnvelope, type TestAccount } from "@/test/http";

const path = (name: string, rest = "") => `/api/profiles/${encodeURIComponent(name)}${rest}`;

async function subscribed(plan: "basic" | "standard" | "premium" = "premium"): Promise<TestAccount> {
  const account = await createAccount();
  expect((await api("PUT", "/api/accounts/subscription", { token: account.token, body: { subscription: plan } })).status).toBe(200);
  return account;
}

describe("POST /api/profiles/{name}/new", () => {
  it("creates a profile (200) and lists it", async () => {
    const { token } = await subscribed();
    const response = await api("POST", path("Ada", "/new"), { token });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ name: "Ada", kids: false, has_pin: false });
    expect((await api("GET", "/api/profiles", { token })).body.items.map((p: { name: string }) => p.name)).toEqual(["Ada"]);
    expect((await api("GET", "/api/accounts/me", { token })).body).toMatchObject({ profile_count: 1, profile_limit: 5 });
  });

  it("answers 409 for a name the account already has", async () => {
    const { token } = await subscribed();
    await api("POST", path("Twin", "/new"), { token });
    expectEnvelope(await api("POST", path("Twin", "/new"), { token }), 409, "profile_exists");
    expectEnvelope(await api("POST", path("  Twin  ", "/new"), { token }), 409, "profile_exists");
  });

  it("answers 426 at the plan's limit and past one profile without a plan, and frees the slot on delete", async () => {
    const plans = (await api("GET", "/api/plans")).body.items as Array<{ id: string; max_profiles: number }>;
    const basic = plans.find((p) => p.id === "basic")!;
    const account = await subscribed("basic");
    for (let i = 0; i < basic.max_profiles; i++) expect((await api("POST", path(`P${i}`, "/new"), { token: account.token })).status).toBe(200);
    const over = await api("POST", path("One too many", "/new"), { token: account.token });
    expectEnvelope(over, 426, "upgrade_required");
    expect(over.body.error.details).toMatchObject({ plan: "basic", max_profiles: basic.max_profiles });

    expect((await api("DELETE", path("P0"), { token: account.token })).status).toBe(200);
    expect((await api("POST", path("One too many", "/new"), { token: account.token })).status).toBe(200);

    await api("PUT", "/api/accounts/subscription", { token: account.token, body: { subscription: "premium" } });
    expect((await api("POST", path("After upgrade", "/new"), { token: account.token })).status).toBe(200);

    // Without a plan: one profile (free titles, rentals and purchases), no second.
    const unsubscribed = await createAccount();
    expect((await api("POST", path("Anyone", "/new"), { token: unsubscribed.token })).status).toBe(200);
    const second = await api("POST", path("Anyone else", "/new"), { token: unsubscribed.token });
    expectEnvelope(second, 426, "upgrade_required");
    expect(second.body.error.details).toEqual({ plan: null, max_profiles: 1 });
  });

  it("never lets concurrent creations pass the limit", async () => {
    const { token } = await subscribed("basic");
    const responses = await Promise.all(Array.from({ length: 8 }, (_, i) => api("POST", path(`Racer ${i}`, "/new"), { token })));
    const basicLimit = (await api("GET", "/api/plans")).body.items[0].max_profiles;
    expect(responses.filter((r) => r.status === 200)).toHaveLength(basicLimit);
    expect(responses.filter((r) => r.status === 426)).toHaveLength(8 - basicLimit);
    expect((await api("GET", "/api/profiles", { token })).body.items).toHaveLength(basicLimit);
  });

  it("matches URL-encoded names exactly: spaces, accents, emoji", async () => {
    const { token } = await subscribed();
    for (const name of ["Grand-mère Zoë", "Kid 🎬", "with space", "A/B?"]) {
      const created = await api("POST", path(name, "/new"), { token });
      expect(created.status, name).toBe(200);
      expect(created.body.name).toBe(name);
    }
    const names = (await api("GET", "/api/profiles", { token })).body.items.map((p: { name: string }) => p.name);
    expect(names.sort()).toEqual(["A/B?", "Grand-mère Zoë", "Kid 🎬", "with space"].sort());
    expect((await api("PUT", path("Kid 🎬", "/name"), { token, body: { name: "Kid 🍿" } })).status).toBe(200);
    expectEnvelope(await api("DELETE", path("kid 🍿"), { token }), 404, "profile_not_found");
    expect((await api("DELETE", path("Kid 🍿"), { token })).status).toBe(200);
  });

  it.each([["   "], ["x".repeat(51)], ["bell\u0007"]])("rejects the name %j with 422", async (name) => {
    const { token } = await subscribed();
    expectEnvelope(await api("POST", path(name, "/new"), { token }), 422, "validation_failed");
  });
});

describe("PUT /api/profiles/{name}/name and DELETE /api/profiles/{name}", () => {
  it("renames (200), clashes (409), and answers 404 for an unknown profile", async () => {
    const { token } = await subscribed();
    await api("POST", path("Old", "/new"), { token });
    await api("POST", path("Taken", "/new"), { token });
    expect((await api("PUT", path("Old", "/name"), { token, body: { name: "New" } })).body.name).toBe("New");
    expectEnvelope(await api("PUT", path("New", "/name"), { token, body: { name: "Taken" } }), 409, "profile_exists");
    expectEnvelope(await api("PUT", path("Old", "/name"), { token, body: { name: "Whatever" } }), 404, "profile_not_found");
    expectEnvelope(await api("PUT", path("New", "/name"), { token, body: { name: "" } }), 422, "validation_failed");
    expectEnvelope(await api("PUT", path("New", "/name"), { token, body: {} }), 422, "validation_failed");
  });

  it("deleting frees the name and takes the profile's progress with it", async () => {
    const { token } = await subscribed();
    const movie = (await api("GET", "/api/movies?limit=1")).body.items[0];
    await api("POST", path("Temp", "/new"), { token });
    await api("POST", path("Temp", "/progress"), { token, body: { kind: "movie_watch_progress", movie_id: movie.id, progress: 7 } });
    expect((await api("DELETE", path("Temp"), { token })).status).toBe(200);
    expectEnvelope(await api("DELETE", path("Temp"), { token }), 404, "profile_not_found");
    await api("POST", path("Temp", "/new"), { token });
    const progress = await api("GET", path("Temp", `/progress?kind=movie_watch_progress&movie_id=${movie.id}`), { token });
    expect(progress.body.progress).toBeNull();
  });
});

describe("isolation between accounts", () => {
  it("another account's profile is invisible: 404, never 200", async () => {
    const mine = await subscribed();
    const theirs = await subscribed();
    await api("POST", path("Private", "/new"), { token: theirs.token });
    const movie = (await api("GET", "/api/movies?limit=1")).body.items[0];
    const target = { kind: "movie_watch_progress", movie_id: movie.id };
    expectEnvelope(await api("PUT", path("Private", "/name"), { token: mine.token, body: { name: "Stolen" } }), 404);
    expectEnvelope(await api("PATCH", path("Private"), { token: mine.token, body: { kids: true } }), 404);
    expectEnvelope(await api("DELETE", path("Private"), { token: mine.token }), 404);
    expectEnvelope(await api("POST", path("Private", "/progress"), { token: mine.token, body: { ...target, progress: 1 } }), 404);
    expectEnvelope(await api("GET", path("Private", `/progress?kind=movie_watch_progress&movie_id=${movie.id}`), { token: mine.token }), 404);
    // Same name in my own account is mine alone.
    expect((await api("POST", path("Private", "/new"), { token: mine.token })).status).toBe(200);
    expect((await api("GET", "/api/profiles", { token: theirs.token })).body.items).toHaveLength(1);
  });
});

describe("PATCH /api/profiles/{name}", () => {
  it("sets kids, maturity, avatar and a hashed PIN, and removes the PIN", async () => {
    const { token } = await subscribed();
    await api("POST", path("Junior", "/new"), { token });
    const kids = await api("PATCH", path("Junior"), { token, body: { kids: true, avatar: "teal", pin: "1234" } });
    expect(kids.body).toMatchObject({ kids: true, maturity_rating: "TV-Y7", avatar: "teal", has_pin: true });
    expect(kids.text).not.toContain("1234");
    expect((await api("PATCH", path("Junior"), { token, body: { pin: null } })).body.has_pin).toBe(false);
    expect((await api("PATCH", path("Junior"), { token, body: { maturity_rating: "G" } })).body.maturity_rating).toBe("G");
    expect((await api("PATCH", path("Junior"), { token, body: {} })).status).toBe(200);
    expectEnvelope(await api("PATCH", path("Junior"), { token, body: { pin: "12" } }), 422);
    expectEnvelope(await api("PATCH", path("Junior"), { token, body: { maturity_rating: "XXX" } }), 422);
    // Avatars are pictures now; the colours chosen before stay accepted (above: "teal"), anything else is refused.
    expect((await api("PATCH", path("Junior"), { token, body: { avatar: "octopus" } })).body.avatar).toBe("octopus");
    expectEnvelope(await api("PATCH", path("Junior"), { token, body: { avatar: "magenta" } }), 422);
    expectEnvelope(await api("PATCH", path("Junior"), { token, body: { kids: true, maturity_rating: "R" } }), 422);
  });
});

describe("a profile's languages", () => {
  it("sets the profile's language (canonical BCP 47) and remembers its audio choice, a kids profile's too", async () => {
    const { token } = await subscribed();
    await api("POST", path("Polyglot", "/new"), { token });
    const set = await api("PATCH", path("Polyglot"), { token, body: { language: "PT-br" } });
    expect(set.body).toMatchObject({ language: "pt-BR", audio_language: null });
    expect((await api("GET", path("Polyglot", "/preferences"), { token })).body).toEqual({ language: "pt-BR", audio_language: null });

    const chosen = await api("PATCH", path("Polyglot", "/preferences"), { token, body: { audio_language: "ES" } });
    expect(chosen.status).toBe(200);
    expect(chosen.body).toEqual({ language: "pt-BR", audio_language: "es" });
    expect((await api("GET", "/api/profiles", { token })).body.items[0]).toMatchObject({ language: "pt-BR", audio_language: "es" });
    expect((await api("PATCH", path("Polyglot", "/preferences"), { token, body: { audio_language: null } })).body.audio_language).toBeNull();
    expect((await api("PATCH", path("Polyglot"), { token, body: { language: null } })).body.language).toBeNull();

    expectEnvelope(await api("PATCH", path("Polyglot", "/preferences"), { token, body: { audio_language: "not a language" } }), 422, "validation_failed");
    expectEnvelope(await api("PATCH", path("Polyglot", "/preferences"), { token, body: { audio_language: "es", language: "fr" } }), 422);
    expectEnvelope(await api("PATCH", path("Polyglot", "/preferences"), { token, body: {} }), 422, "validation_failed");
    expectEnvelope(await api("GET", path("Polyglot", "/preferences?verbose=1"), { token }), 422, "unknown_parameter");
    expectEnvelope(await api("PATCH", path("Polyglot"), { token, body: { language: "xx-invalid-!" } }), 422, "validation_failed");
    expectEnvelope(await api("GET", path("Nobody", "/preferences"), { token }), 404, "profile_not_found");

    // Any profile picks its own audio; another account's profile does not exist for the caller.
    await api("POST", path("Little", "/new"), { token });
    await api("PATCH", path("Little"), { token, body: { kids: true } });
    expect((await api("PATCH", path("Little", "/preferences"), { token, body: { audio_language: "fr" } })).body.audio_language).toBe("fr");
    const other = await subscribed();
    expectEnvelope(await api("PATCH", path("Little", "/preferences"), { token: other.token, body: { audio_language: "de" } }), 404, "profile_not_found");
  });
});

describe("every profile endpoint answers 403 without a valid token", () => {
  it.each([
    ["GET", "/api/profiles"],
    ["POST", "/api/profiles/x/new"],
    ["DELETE", "/api/profiles/x"],
    ["PATCH", "/api/profiles/x"],
    ["PUT", "/api/profiles/x/name"],
    ["GET", "/api/profiles/x/progress"],
    ["POST", "/api/profiles/x/progress"],
    ["PUT", "/api/profiles/x/progress"],
    ["GET", "/api/profiles/x/preferences"],
    ["PATCH", "/api/profiles/x/preferences"],
  ])("%s %s", async (method, url) => {
    const body = method === "GET" ? undefined : { name: "y" };
    expectEnvelope(await api(method, url, { body }), 403, "forbidden");
    expectEnvelope(await api(method, url, { token: "nf_bogus", body }), 403, "forbidden");
  });
});

describe("a restricted profile's view of the catalog", () => {
  it("never sees, finds or opens a title above its rating", async () => {
    const { token } = await subscribed();
    await api("POST", path("Little one", "/new"), { token });
    await api("PATCH", path("Little one"), { token, body: { kids: true, maturity_rating: "PG" } });
    const viewer = `profile=${encodeURIComponent("Little one")}`;
    const restricted = (await api("GET", "/api/movies?maturity_rating=R&limit=1")).body.items[0];

    const movies = (await api("GET", `/api/movies?limit=100&${viewer}`, { token })).body.items as Array<{ maturity_rating: string }>;
    expect(movies.length).toBeGreaterThan(0);
    expect(movies.every((m) => ["G", "PG"].includes(m.maturity_rating))).toBe(true);
    const trending = (await api("GET", `/api/browse/trending?limit=100&${viewer}`, { token })).body.items as Array<{ maturity_rating: string }>;
    expect(trending.every((t) => ["G", "PG", "TV-Y", "TV-Y7", "TV-G", "TV-PG"].includes(t.maturity_rating))).toBe(true);
    const found = (await api("GET", `/api/search?q=${encodeURIComponent(restricted.title)}&${viewer}`, { token })).body.items;
    expect(found.map((hit: { id: string }) => hit.id)).not.toContain(restricted.id);
    expectEnvelope(await api("GET", `/api/movies/${restricted.id}?${viewer}`, { token }), 404, "movie_not_found");
    expect((await api("GET", `/api/movies/${restricted.id}`, { token })).status).toBe(200);

    // Browsing as a profile needs the account's token, and the profile must be the account's.
    expectEnvelope(await api("GET", `/api/movies?${viewer}`), 403, "forbidden");
    expectEnvelope(await api("GET", `/api/movies?${viewer}`, { token: (await subscribed()).token }), 404, "profile_not_found");
  });
});
