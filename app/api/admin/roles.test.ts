// Roles: the first account is the admin; every /api/admin endpoint refuses everyone else with 403 before it looks at
// the request; disabling an account ends its sessions at once.
import { describe, expect, it } from "vitest";
import { endpoints } from "@/app/api/endpoints";
import { signInToSite } from "@/test/web-session";
import { useAdminServer } from "./test-server";

const server = useAdminServer();

const adminEndpoints = endpoints.filter((e) => e.path.startsWith("/api/admin/"));
const concretePath = (path: string) => path.replace(/\{(\w+)\}/g, "00000000-0000-4000-8000-000000000000");

describe("roles", () => {
  it("makes the first account an admin and later ones viewers", async () => {
    // Several sign-ups at once on an empty database: exactly one of them may become the admin.
    const accounts = await Promise.all(["root", "second", "third", "fourth"].map((name) => server.signUp(name)));
    const roles = await Promise.all(
      accounts.map(async (a) => (await server.call("GET", "/api/accounts/me", { token: a.token })).body.role),
    );
    expect(roles.filter((role) => role === "admin")).toHaveLength(1);
    expect(roles.filter((role) => role === "viewer")).toHaveLength(3);
  });

  it("lists admin endpoints in the API reference", () => {
    expect(adminEndpoints.length).toBeGreaterThan(5);
    for (const e of adminEndpoints) expect(e.auth, `${e.method} ${e.path}`).toBe("admin");
  });

  it("answers 403 on every admin endpoint to viewers, revoked admins and callers without a token", async () => {
    const viewer = await server.signUp("viewer_a");
    const admin = await server.signUp("admin_b");
    const list = await server.call("GET", "/api/admin/users?q=root", { token: (await server.signUp("helper_c")).token });
    expect(list.status).toBe(403);

    const root = await findAdmin();
    expect((await server.call("PUT", `/api/admin/users/${admin.id}/role`, { token: root, body: { role: "admin" } })).status).toBe(200);
    expect((await server.call("GET", "/api/admin/users", { token: admin.token })).status).toBe(200);
    expect((await server.call("PUT", `/api/admin/users/${admin.id}/role`, { token: root, body: { role: "viewer" } })).status).toBe(200);

    for (const e of adminEndpoints) {
      for (const token of [viewer.token, admin.token, undefined]) {
        const response = await server.call(e.method, concretePath(e.path), { token, body: e.body ? {} : undefined });
        expect(response.status, `${e.method} ${e.path} with ${token ? "a non-admin token" : "no token"}`).toBe(403);
        if (e.method !== "HEAD") expect(response.body?.error?.code).toBe("forbidden");
      }
    }
  });
});

async function findAdmin(): Promise<string> {
  for (const name of ["root", "second", "third", "fourth"]) {
    const signedIn = await server.call("POST", "/api/accounts/token", { body: { username: name, password: "correct horse battery" } });
    const me = await server.call("GET", "/api/accounts/me", { token: signedIn.body.bearer_token });
    if (me.body.role === "admin") return signedIn.body.bearer_token;
  }
  throw new Error("no admin account");
}

describe("users", () => {
  it("finds accounts with their plan and sessions, and disabling one ends its sessions at once", async () => {
    const root = await findAdmin();
    const target = await server.signUp("disable_me");
    await server.call("PUT", "/api/accounts/subscription", { token: target.token, body: { subscription: "standard" } });

    const found = await server.call("GET", "/api/admin/users?q=disable_", { token: root });
    expect(found.status).toBe(200);
    expect(found.body.total).toBe(1);
    expect(found.body.items[0]).toMatchObject({ username: "disable_me", plan: "standard", live_sessions: 1, disabled: false });

    const detail = await server.call("GET", `/api/admin/users/${target.id}`, { token: root });
    expect(detail.body.sessions).toHaveLength(1);

    const disabled = await server.call("POST", `/api/admin/users/${target.id}/disable`, { token: root });
    expect(disabled.status).toBe(200);
    expect(disabled.body).toMatchObject({ disabled: true, ended_sessions: 1, live_sessions: 0, sessions: [] });
    expect((await server.call("GET", "/api/accounts/me", { token: target.token })).status).toBe(403);
    // Refused as a wrong password is, word for word: the answer must not confirm that the password was right.
    const signIn = await server.call("POST", "/api/accounts/token", { body: { username: "disable_me", password: target.password } });
    const wrong = await server.call("POST", "/api/accounts/token", { body: { username: "disable_me", password: "not the password" } });
    expect(signIn.status).toBe(401);
    expect(signIn.body).toEqual(wrong.body);
    expect(signIn.body.error.code).toBe("invalid_credentials");
    // The site's sign-in form too: the same redirect for the right password as for a wrong one.
    const siteRefusal = (password: string) => signInToSite(server.url, "disable_me", password, "10.98.0.1").then(() => "signed in", (error: Error) => error.message);
    const [siteRight, siteWrong] = [await siteRefusal(target.password), await siteRefusal("not the password")];
    expect(siteRight).toContain("code=invalid_credentials");
    expect(siteRight).toBe(siteWrong);

    expect((await server.call("POST", `/api/admin/users/${target.id}/enable`, { token: root })).body.disabled).toBe(false);
    const again = await server.call("POST", "/api/accounts/token", { body: { username: "disable_me", password: target.password } });
    expect(again.status).toBe(200);
  });

  it("keeps at least one admin and refuses to disable oneself", async () => {
    const root = await findAdmin();
    const me = await server.call("GET", "/api/accounts/me", { token: root });
    const demote = await server.call("PUT", `/api/admin/users/${me.body.id}/role`, { token: root, body: { role: "viewer" } });
    expect(demote.status).toBe(409);
    expect((await server.call("POST", `/api/admin/users/${me.body.id}/disable`, { token: root })).status).toBe(409);
    expect((await server.call("GET", "/api/admin/users/00000000-0000-4000-8000-000000000000", { token: root })).status).toBe(404);
  });
});

describe("deleting a user", () => {
  it("lets an admin delete an account and its data, but not their own", async () => {
    const root = await findAdmin();
    const rootId = (await server.call("GET", "/api/accounts/me", { token: root })).body.id;
    const doomed = await server.signUp("doomed_d");
    expect((await server.call("DELETE", `/api/admin/users/${doomed.id}`, { token: root })).body).toEqual({ deleted: true });
    expect((await server.call("GET", "/api/accounts/me", { token: doomed.token })).status).toBe(403);
    expect((await server.call("GET", `/api/admin/users/${doomed.id}`, { token: root })).status).toBe(404);
    expect((await server.call("DELETE", `/api/admin/users/${doomed.id}`, { token: root })).status).toBe(404);
    expect((await server.call("DELETE", `/api/admin/users/${rootId}`, { token: root })).status).toBe(409);
  });
});
