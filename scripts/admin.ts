// `npm run admin -- grant|revoke <username>` and `npm run admin -- list`: who administers this NormFlix.
// `npm run admin -- reset-link <username>`: a password reset link to hand to a user who cannot receive mail.
// On PostgreSQL it works beside running servers. The embedded database belongs to one process at a time, so with
// PGlite this takes the DATA_DIR lock like the server does: stop the server first (it says so if you forget).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { closeDatabase, openDatabase } from "../db/client";
import { DataDirLockedError } from "../db/data-dir-lock";
import { createPasswordResetLink } from "../lib/accounts/password-reset";
import { describeAdmins, grantAdminByUsername } from "../lib/admin/users";

process.chdir(path.resolve(path.dirname(fileURLToPath(import.meta.url)), ".."));

const usage = "usage: npm run admin -- grant <username> | revoke <username> | list | reset-link <username>";

async function run(args: string[]): Promise<string> {
  const [command, username, ...rest] = args;
  if (command === "list" && !username) {
    const admins = await describeAdmins();
    return admins.length ? admins.join("\n") : "No admin accounts yet: the first account created becomes one.";
  }
  if ((command === "grant" || command === "revoke") && username && rest.length === 0) {
    return grantAdminByUsername(username, command === "grant" ? "admin" : "viewer");
  }
  if (command === "reset-link" && username && rest.length === 0) {
    const { link, expiresInMinutes } = await createPasswordResetLink(username);
    return `${link}\nIt works once, within ${expiresInMinutes} minutes, and signs the account out everywhere.`;
  }
  throw new Error(usage);
}

async function main() {
  try {
    await openDatabase();
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    throw new Error(`${error.message}\nThe admin command needs the embedded database to itself: stop the server, run it, start the server again.`);
  }
  try {
    console.log(await run(process.argv.slice(2)));
  } finally {
    await closeDatabase();
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
