// The nginx template is filled two ways — by the nginx image's envsubst in compose.yaml (not runnable here: no Docker
// daemon) and by scripts/cluster/nginx.ts for the loopback cluster. These keep the two in step with the template.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "@/test/server-process";
import { findNginx, NGINX_TEMPLATE, renderNginxTemplate, startNginx } from "./nginx";

const template = fs.readFileSync(NGINX_TEMPLATE, "utf8");
const placeholders = new Set([...template.matchAll(/\$\{([A-Z_]+)\}/g)].map((match) => match[1]));

/** The nginx service's `environment:` entries in compose.yaml (a two-level block: no YAML parser needed). */
function composeNginxEnvironment(): Map<string, string> {
  const compose = fs.readFileSync(path.join(projectRoot, "compose.yaml"), "utf8");
  const service = /^ {2}nginx:\n((?: {4}.*\n|\n)+)/m.exec(compose)?.[1] ?? "";
  const environment = /^ {4}environment:\n((?: {6}.*\n)+)/m.exec(service)?.[1] ?? "";
  return new Map([...environment.matchAll(/^ {6}([A-Z_]+): (.*)$/gm)].map((match) => [match[1], match[2].replace(/^"|"$/g, "")]));
}

const nginxInstalled = (() => {
  try {
    return Boolean(findNginx());
  } catch {
    return false;
  }
})();

const values = { listen: "127.0.0.1:8080", upstreams: ["127.0.0.1:3001", "127.0.0.1:3002"], mediaDir: "/srv/media", mediaSigningSecret: "s".repeat(40), cacheDir: "/var/cache/nginx/normflix" };

describe("deploy/nginx/normflix.conf.template", () => {
  it("has exactly the placeholders compose.yaml gives nginx, and its envsubst filter lets each through", () => {
    const environment = composeNginxEnvironment();
    expect([...placeholders].sort()).toEqual([...environment.keys()].filter((name) => name !== "NGINX_ENVSUBST_FILTER").sort());
    // compose writes `$$` for a literal `$`.
    const filter = new RegExp(environment.get("NGINX_ENVSUBST_FILTER")!.replaceAll("$$", "$"));
    for (const name of placeholders) expect(filter.test(name), name).toBe(true);
    expect(filter.test("HOSTNAME")).toBe(false);
  });

  it("is filled completely by the loopback renderer, leaving nginx's own variables alone", () => {
    const rendered = renderNginxTemplate(values);
    expect(rendered).not.toMatch(/\$\{[A-Z_]+\}/);
    expect(rendered).toContain('secure_link_md5 "$secure_link_expires$uri ' + values.mediaSigningSecret + '";');
    expect(rendered).toContain("alias /srv/media/assets/$asset/$file;");
    expect(rendered).toContain("server 127.0.0.1:3001 max_fails=1 fail_timeout=10s; server 127.0.0.1:3002 max_fails=1 fail_timeout=10s;");
  });

  it.skipIf(!nginxInstalled)("renders to a configuration nginx accepts", () => {
    const prefix = fs.mkdtempSync(path.join(os.tmpdir(), "normflix-nginx-test-"));
    try {
      fs.writeFileSync(path.join(prefix, "normflix.conf"), renderNginxTemplate({ ...values, cacheDir: path.join(prefix, "cache") }));
      fs.writeFileSync(
        path.join(prefix, "nginx.conf"),
        `pid ${prefix}/nginx.pid; error_log ${prefix}/error.log; events {} http { access_log off; proxy_temp_path ${prefix}/t; client_body_temp_path ${prefix}/t; include ${prefix}/normflix.conf; }\n`,
      );
      const test = spawnSync(findNginx(), ["-t", "-p", prefix, "-c", path.join(prefix, "nginx.conf")], { encoding: "utf8" });
      expect(test.stderr).toContain("test is successful");
    } finally {
      fs.rmSync(prefix, { recursive: true, force: true });
    }
  });

  it.skipIf(!nginxInstalled)("passes on the address it saw as X-Forwarded-For, never one the client wrote", async () => {
    // The upstream is a stand-in for an app instance that answers with the X-Forwarded-For it was given.
    const upstream = http.createServer((req, res) => res.end(JSON.stringify({ forwardedFor: req.headers["x-forwarded-for"] ?? null })));
    await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
    const free = http.createServer();
    await new Promise<void>((resolve) => free.listen(0, "127.0.0.1", resolve));
    const port = (free.address() as { port: number }).port;
    await new Promise((resolve) => free.close(resolve));
    const prefix = fs.mkdtempSync(path.join(os.tmpdir(), "normflix-nginx-xff-"));
    const nginx = await startNginx(
      { ...values, listen: `127.0.0.1:${port}`, upstreams: [`127.0.0.1:${(upstream.address() as { port: number }).port}`], mediaDir: prefix, cacheDir: path.join(prefix, "cache") },
      prefix,
    );
    try {
      const seen = async (headers: Record<string, string>) => ((await (await fetch(`${nginx.url}/api/ping`, { headers })).json()) as { forwardedFor: string | null }).forwardedFor;
      expect(await seen({})).toBe("127.0.0.1");
      expect(await seen({ "x-forwarded-for": "203.0.113.7" })).toBe("127.0.0.1");
      expect(await seen({ "x-forwarded-for": "203.0.113.7, 198.51.100.9" })).toBe("127.0.0.1");
    } finally {
      await nginx.stop();
      upstream.closeAllConnections();
      await new Promise((resolve) => upstream.close(resolve));
      fs.rmSync(prefix, { recursive: true, force: true });
    }
  });
});
