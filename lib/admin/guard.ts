import { ApiError } from "@/lib/api/errors";
import type { Principal } from "@/lib/accounts/sessions";

export type AdminPrincipal = Principal & { role: "admin" };

/**
 * Every admin service function starts here, whatever called it (an API route, a server action, a page): the role is
 * read from the database with the session on each request, so a revoked admin loses access at once.
 */
export function requireAdmin(principal: Principal | undefined): asserts principal is AdminPrincipal {
  if (!principal) throw new ApiError("forbidden");
  if (principal.role !== "admin") throw new ApiError("forbidden", "This requires an administrator account.");
}
