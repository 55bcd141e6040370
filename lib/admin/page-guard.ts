import "server-only";
import { forbidden } from "next/navigation";
import { requireAccountHolder } from "@/lib/site/session";
import type { AdminPrincipal } from "./guard";

/**
 * For admin pages: signed-out visitors go to sign-in (and come back), a kids profile to "Who's watching?", and
 * signed-in non-admins get a 403 page.
 */
export async function requireAdminPage(returnTo: string): Promise<AdminPrincipal> {
  const principal = await requireAccountHolder(returnTo);
  if (principal.role !== "admin") forbidden();
  return principal as AdminPrincipal;
}
