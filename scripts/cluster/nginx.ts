// nginx for the loopback cluster: the deployment's own deploy/nginx/normflix.conf.template, filled in the way the
// nginx image's envsubst fills it in compose.yaml, under a private prefix so it needs no root and no system config.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { projectRoot } from "../../test/server-process";

export const NGINX_TEMPLATE = path.join(projectRoot, "deploy", "nginx", "normflix.conf.template");

export type NginxValues = { listen: string; upstreams: string[]; mediaDir: string; mediaSigningSecret: string; cacheDir: string };

/** The template with its placeholders replaced; nginx's own `$variables` are left alone, as envsubst leaves them. */
export function renderNginxTemplate(values: NginxValues, template = fs.readFileSync(NGINX_TEMPLATE, "utf8")): string {
  const filled: Record<string, string> = {
    NORMFLIX_LISTEN: values.listen,
    NORMFLIX_UPSTREAM_SERVERS: values.upstreams.map((address) => `server ${address} max_fails=1 fail_timeout=10s;`).join(" "),
    NORMFLIX_MEDIA_DIR: values.mediaDir,
    MEDIA_SIGNING_SECRET: values.mediaSigningSecret,
    NORMFLIX_CACHE_DIR: values.cacheDir,
  };
  return template.replace(/\$\{([A-Z_]+)\}/g, (whole, name: string) => filled[name] ?? whole);
}

/** The nginx binary, or an error saying how to get it (this script installs nothing). */
export function findNginx(): string {
  for (const candidate of ["/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/local/nginx/sbin/nginx"]) {
    if (fs.existsSync(candidate)) return candidate;
  }
  const onPath = spawnSync("sh", ["-c", "command -v nginx"], { encoding: "utf8" }).stdout.trim();
  if (onPath) return onPath;
  throw new Error("nginx is not installed (Debian/Ubuntu: apt-get install -y nginx) or not on PATH.");
}

export type NginxHandle = { url: string; prefix: string; accessLog: () => string; errorLog: () => string; stop: () => Promise<void> };

/** Starts nginx in the foreground of a child process, with its pid, logs and temp files in `prefix`. */
export async function startNginx(values: NginxValues, prefix: string): Promise<NginxHandle> {
  const binary = findNginx();
  fs.mkdirSync(path.join(prefix, "temp"), { recursive: true });
  fs.writeFileSync(path.join(prefix, "normflix.conf"), renderNginxTemplate(values));
  // Run as root, nginx hands requests to workers running as `nobody`, who could not read the media the app wrote:
  // name the current user instead. As any other user the directive is ignored.
  const user = process.getuid?.() === 0 ? `user ${os.userInfo().username};` : "";
  const temp = (name: string) => `${name}_temp_path ${path.join(prefix, "temp", name)};`;
  fs.writeFileSync(
    path.join(prefix, "nginx.conf"),
    [
      user,
      "worker_processes 1;",
      `pid ${path.join(prefix, "nginx.pid")};`,
      `error_log ${path.join(prefix, "error.log")} warn;`,
      "events { worker_connections 4096; }",
      "http {",
      `  access_log ${path.join(prefix, "access.log")};`,
      ...["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((name) => `  ${temp(name)}`),
      `  include ${path.join(prefix, "normflix.conf")};`,
      "}",
      "",
    ].join("\n"),
  );
  const conf = ["-p", prefix, "-c", path.join(prefix, "nginx.conf")];
  const test = spawnSync(binary, ["-t", ...conf], { encoding: "utf8" });
  if (test.status !== 0) throw new Error(`nginx rejected the rendered configuration:\n${test.stderr}`);

  const child = spawn(binary, [...conf, "-g", "daemon off;"], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (chunk) => (stderr += chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://${values.listen}`;
  const deadline = Date.now() + 10_000;
  while (!(await fetch(`${url}/api/ping`).then(() => true, () => false))) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`nginx did not start:\n${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const read = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "");
  return {
    url,
    prefix,
    accessLog: () => read(path.join(prefix, "access.log")),
    errorLog: () => read(path.join(prefix, "error.log")),
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGQUIT"); // graceful: finish the requests in hand
      await exited;
    },
  };
}
