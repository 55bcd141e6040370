// A watch page that cannot play answers the refusal's own status (as the stream API does), with the page that says why.
import { describe, expect, inject, it } from "vitest";
import { api, createAccount } from "@/test/http";
import { chooseProfileOnSite, signInToSite } from "@/test/web-session";

describe("watch pages that refuse", () => {
  it("answer 402 without a plan and 409 while the video is being prepared, as the API does", async () => {
    const base = inject("baseUrl");
    const account = await createAccount();
    await api("POST", "/api/profiles/Ada/new", { token: account.token });
    const cookie = await chooseProfileOnSite(base, await signInToSite(base, account.username, account.password), "Ada");
    const movies: { id: string }[] = (await api("GET", "/api/movies?limit=50")).body.items;
    const details = await Promise.all(movies.map(async (movie) => (await api("GET", `/api/movies/${movie.id}`)).body));
    const movie = details.find((detail) => detail.access === "subscription");
    expect(movie, "a subscription movie in the demo catalog").toBeDefined();
    const watch = (accept?: string) => fetch(`${base}/watch/movie/${movie.id}`, { headers: { cookie, ...(accept && { accept }) } });
    const stream = () => api("GET", `/api/movies/${movie.id}/stream?profile=Ada`, { token: account.token });

    const withoutPlan = await watch("text/html");
    expect(withoutPlan.status).toBe(402);
    expect(await withoutPlan.text()).toContain("Choose a plan to start watching");
    expect((await stream()).status).toBe(402);
    // Whatever the client accepts.
    expect((await watch()).status).toBe(402);

    await api("PUT", "/api/accounts/subscription", { token: account.token, body: { subscription: "basic" } });
    // The test server's demo catalog has no video (metadata only).
    const notReady = await watch("text/html");
    expect(notReady.status).toBe(409);
    expect(await notReady.text()).toContain("This video is still being prepared");
    expect((await stream()).body.error.code).toBe("media_not_ready");
  });
});
