import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { dataDir, env } from "@/lib/env";

let cached: string | undefined;

/**
 * AUTH_SECRET, or one generated on first use and kept in DATA_DIR/auth-secret so sessions survive restarts without
 * any configuration. Instances that share a database but not a DATA_DIR must set AUTH_SECRET to the same value.
 */
export function authSecret(): string {
  if (cached) return cached;
  if (env.AUTH_SECRET) return (cached = env.AUTH_SECRET);
  const file = path.join(dataDir, "auth-secret");
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    // "wx": whoever creates the file first wins; everyone else reads what it wrote.
    fs.writeFileSync(file, randomBytes(48).toString("base64url"), { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  const secret = fs.readFileSync(file, "utf8").trim();
  if (secret.length < 32) throw new Error(`${file} holds a secret shorter than 32 characters; delete it to make a new one`);
  return (cached = secret);
}
