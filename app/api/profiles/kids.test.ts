// Kids profiles through the API and the site's server actions: the kids controls of PATCH /api/profiles/{name} (a
// strict body), and leaving a kids profile for a locked one, which takes that profile's PIN on the server whichever
// way the browser or client goes (the "Who's watching?" tile, its PIN pad posted without JavaScript, the API).
import { beforeAll, describe, expect, inject, it } from "vitest";
import { api, expectEnvelope, randomIp } from "@/test/http";
import { memberWithProfiles, profilePath } from "@/test/profiles";
import { chooseProfileOnSite, signInToSite } from "@/test/web-session";

const base = () => inject("baseUrl");
const path = profilePath;

type Title = { id: string; genres: { slug: string }[] };
let genre: string;
let inGenre: Title;
let outside: Title;

beforeAll(async () => {
  const movies: Title[] = (await api("GET", "/api/movies?limit=100&max_maturity_rating=PG")).body.items;
  const counts = new Map<string, number>();
  for (const movie of movies) for (const g of movie.genres) counts.set(g.slug, (counts.get(g.slug) ?? 0) + 1);
  genre = [...counts].sort((a, b) => b[1] - a[1])[0][0];
  inGenre = movies.find((m) => m.genres.some((g) => g.slug === genre))!;
  outside = movies.find((m) => !m.genres.some((g) => g.slug === genre))!;
  expect(inGenre && outside).toBeTruthy();
});

const member = memberWithProfiles;

describe("kids controls through PATCH /api/profiles/{name}", () => {
  it("takes blocked genres and a daily limit in a strict body, and hides the genre from the profile's catalog", async () => {
    const { token, username, password } = await member({ name: "Kid", settings: { kids: true } });
    const patch = (body: Record<string, unknown>) => api("PATCH", path("Kid"), { token, body });
    expectEnvelope(await patch({ blocked_genres: [genre], bedtime: "20:00" }), 422, "validation_failed");
    expectEnvelope(await patch({ blocked_genres: ["no-such-genre"] }), 422, "validation_failed");
    expectEnvelope(await patch({ blocked_genres: "horror" }), 422, "validation_failed");
    expectEnvelope(await patch({ daily_limit_minutes: 0 }), 422, "validation_failed");
    expectEnvelope(await patch({ daily_limit_minutes: 1441 }), 422, "validation_failed");
    expectEnvelope(await patch({ daily_limit_minutes: 12.5 }), 422, "validation_failed");
    expectEnvelope(await api("PATCH", path("Kid", "?dry_run=1"), { token, body: { daily_limit_minutes: 30 } }), 422);

    const before = (await api("GET", "/api/movies?profile=Kid&limit=100", { token })).body.items as Title[];
    expect(before.map((m) => m.id)).toContain(inGenre.id);
    const changed = await patch({ blocked_genres: [genre], daily_limit_minutes: 45 });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ kids: true, maturity_rating: "TV-Y7", blocked_genres: [genre], daily_limit_minutes: 45 });
    expect((await api("GET", "/api/profiles", { token })).body.items[0]).toMatchObject({ blocked_genres: [genre], daily_limit_minutes: 45 });

    const after = (await api("GET", "/api/movies?profile=Kid&limit=100", { token })).body.items as Title[];
    expect(after.map((m) => m.id)).not.toContain(inGenre.id);
    expect(after.map((m) => m.id)).toContain(outside.id);
    expectEnvelope(await api("GET", `/api/movies/${inGenre.id}?profile=Kid`, { token }), 404, "movie_not_found");
    expectEnvelope(await api("POST", `/api/movies/${inGenre.id}/stream`, { token, body: { profile: "Kid" } }), 403, "genre_blocked");
    // The site's home says how much of the day is left.
    const asKid = await chooseProfileOnSite(base(), await signInToSite(base(), username, password, randomIp()), "Kid");
    const home = await (await fetch(`${base()}/browse`, { headers: { cookie: asKid } })).text();
    expect(home.replaceAll("<!-- -->", "")).toContain("45 of today&#x27;s 45 minutes left to watch.");
    // Anonymous reads are not the profile's.
    expect((await api("GET", `/api/movies/${inGenre.id}`)).status).toBe(200);

    expect((await patch({ blocked_genres: [], daily_limit_minutes: null })).body).toMatchObject({ blocked_genres: [], daily_limit_minutes: null });
    expect((await api("GET", `/api/movies/${inGenre.id}?profile=Kid`, { token })).status).toBe(200);
  });
});

/** The hidden inputs of the first form on `html` that contains `marker` (React's no-JavaScript action fields included). */
function formFields(html: string, marker: string): FormData {
  const form = html.split("<form").slice(1).find((text) => text.includes(marker));
  if (!form) throw new Error(`no form with ${marker}`);
  const body = new FormData();
  for (const input of form.split("</form>")[0].matchAll(/<input([^>]*)>/g)) {
    const attrs = input[1];
    const name = attrs.match(/name="([^"]*)"/)?.[1];
    if (!name || !/type="hidden"/.test(attrs)) continue;
    const value = attrs.match(/value="([^"]*)"/)?.[1] ?? "";
    body.set(name.replace(/&amp;/g, "&"), value.replace(/&quot;/g, '"').replace(/&amp;/g, "&"));
  }
  return body;
}

const profileCookie = (response: Response) => response.headers.getSetCookie().find((line) => line.startsWith("nf_profile="));

describe("leaving a kids profile for a locked one", () => {
  it("takes the locked profile's PIN on the site: the tile leads to its PIN pad, and only the right PIN switches", async () => {
    const account = await member({ name: "Dad", settings: { pin: "2468" } }, { name: "Pip", settings: { kids: true } });
    const signedIn = await signInToSite(base(), account.username, account.password, randomIp());
    const asPip = await chooseProfileOnSite(base(), signedIn, "Pip");

    // The "Who's watching?" tile for Dad (its server action, as a browser without JavaScript posts it): no switch,
    // only the way to the PIN pad.
    const picker = await (await fetch(`${base()}/profiles`, { headers: { cookie: asPip } })).text();
    const tile = formFields(picker, 'name="name" value="Dad"');
    const chosen = await fetch(`${base()}/profiles`, { method: "POST", redirect: "manual", headers: { cookie: asPip, origin: base() }, body: tile });
    expect(chosen.status).toBe(303);
    expect(chosen.headers.get("location")).toMatch(/\/profiles\?pin=Dad&callbackUrl=%2Fbrowse$/);
    expect(profileCookie(chosen)).toBeUndefined();
    expectEnvelope(await api("GET", path("Dad", "/watchlist"), { headers: { cookie: asPip } }), 403, "kids_profile");

    // The PIN pad's own action.
    const pad = await (await fetch(`${base()}/profiles?pin=Dad&callbackUrl=%2Fbrowse`, { headers: { cookie: asPip } })).text();
    expect(pad).toContain("Enter your PIN to watch as");
    const submit = async (pin: string) => {
      const body = formFields(pad, 'name="callbackUrl"');
      body.set("pin", pin);
      return fetch(`${base()}/profiles?pin=Dad&callbackUrl=%2Fbrowse`, { method: "POST", redirect: "manual", headers: { cookie: asPip, origin: base() }, body });
    };
    const wrong = await submit("1111");
    expect(profileCookie(wrong)).toBeUndefined();
    expect(await wrong.text()).toContain("That PIN is not right");
    expectEnvelope(await api("GET", path("Dad", "/watchlist"), { headers: { cookie: asPip } }), 403, "kids_profile");

    const right = await submit("2468");
    expect([303, 307]).toContain(right.status);
    expect(right.headers.get("location")).toMatch(/\/browse$/);
    const selection = profileCookie(right)!;
    expect(selection).toBeTruthy();
    const asDad = asPip.replace(/nf_profile=[^;]+/, selection.split(";")[0]);
    expect((await api("GET", path("Dad", "/watchlist"), { headers: { cookie: asDad } })).status).toBe(200);
  });

  it("an unlocked grown-up profile needs no PIN from the site, and the API takes the locked one's PIN token", async () => {
    const account = await member({ name: "Mum" }, { name: "Dad", settings: { pin: "1357" } }, { name: "Pip", settings: { kids: true } });
    const signedIn = await signInToSite(base(), account.username, account.password, randomIp());
    const asPip = await chooseProfileOnSite(base(), signedIn, "Pip");
    // No PIN on Mum: the tile switches at once (as before; the lock is the parent's choice).
    const asMum = await chooseProfileOnSite(base(), asPip, "Mum");
    expect((await api("GET", path("Mum", "/watchlist"), { headers: { cookie: asMum } })).status).toBe(200);

    // The API with the kids browser's cookie: Dad only with the token his PIN gives.
    const kids = { cookie: asPip, origin: base() };
    expectEnvelope(await api("GET", path("Dad", "/watchlist"), { headers: kids }), 403, "kids_profile");
    expectEnvelope(await api("POST", path("Dad", "/unlock"), { headers: kids, body: { pin: "0000" } }), 403, "pin_incorrect");
    const unlocked = await api("POST", path("Dad", "/unlock"), { headers: kids, body: { pin: "1357" } });
    expect(unlocked.status).toBe(200);
    const withToken = { ...kids, "x-profile-token": unlocked.body.profile_token };
    expect((await api("GET", path("Dad", "/watchlist"), { headers: withToken })).status).toBe(200);
    // The token is Dad's only: Mum (no PIN) stays out of the kids session's reach through the API.
    expectEnvelope(await api("GET", path("Mum", "/watchlist"), { headers: withToken }), 403, "kids_profile");
  });
});
