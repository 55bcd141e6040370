import { z } from "zod";
import { endpoint } from "@/lib/api/endpoint";
import { listOf, pagination } from "@/lib/api/query-schemas";
import { PLAN_IDS } from "@/lib/billing/plans";

const tag = "Admin: users";
const accountId = z.object({ account_id: z.guid() });

const account = z.object({
  id: z.guid(),
  username: z.string(),
  email: z.string(),
  role: z.enum(["viewer", "admin"]),
  disabled: z.boolean(),
  disabled_at: z.string().nullable(),
  created_at: z.string(),
  plan: z.enum(PLAN_IDS).nullable(),
  subscription_status: z.string(),
  live_sessions: z.number().int().describe("Signed-in devices and API tokens still valid."),
  last_seen_at: z.string().nullable(),
});

const accountDetail = account.extend({
  sessions: z.array(
    z.object({
      id: z.guid(),
      kind: z.enum(["api", "web"]),
      user_agent: z.string().nullable(),
      ip: z.string().nullable(),
      created_at: z.string(),
      last_seen_at: z.string(),
      expires_at: z.string(),
    }),
  ),
});

export const listUsersEndpoint = endpoint({
  method: "GET",
  path: "/api/admin/users",
  summary: "List and search accounts",
  tag,
  auth: "admin",
  query: z.object({
    q: z.string().trim().min(1).max(254).optional().describe("Part of the username or email."),
    ...pagination,
  }),
  response: listOf(account),
  errors: ["forbidden", "validation_failed"],
});

export const getUserEndpoint = endpoint({
  method: "GET",
  path: "/api/admin/users/{account_id}",
  summary: "One account with its plan and live sessions",
  tag,
  auth: "admin",
  params: accountId,
  response: accountDetail,
  errors: ["forbidden", "not_found", "validation_failed"],
});

export const disableUserEndpoint = endpoint({
  method: "POST",
  path: "/api/admin/users/{account_id}/disable",
  summary: "Disable an account: its sessions end at once and sign-in is refused",
  tag,
  auth: "admin",
  params: accountId,
  response: accountDetail.extend({ ended_sessions: z.number().int() }),
  errors: ["forbidden", "not_found", "conflict", "validation_failed"],
});

export const enableUserEndpoint = endpoint({
  method: "POST",
  path: "/api/admin/users/{account_id}/enable",
  summary: "Enable a disabled account (it signs in again)",
  tag,
  auth: "admin",
  params: accountId,
  response: accountDetail,
  errors: ["forbidden", "not_found", "validation_failed"],
});

export const setUserRoleEndpoint = endpoint({
  method: "PUT",
  path: "/api/admin/users/{account_id}/role",
  summary: "Grant or take the admin role",
  description: "The last enabled admin keeps the role (409): grant it to someone else first.",
  tag,
  auth: "admin",
  params: accountId,
  body: z.object({ role: z.enum(["viewer", "admin"]) }),
  response: accountDetail,
  errors: ["forbidden", "not_found", "conflict", "validation_failed"],
});

export const deleteUserEndpoint = endpoint({
  method: "DELETE",
  path: "/api/admin/users/{account_id}",
  summary: "Delete an account and all its data",
  description: "Its paid subscription is cancelled at once first. An admin cannot delete their own account here (409).",
  tag,
  auth: "admin",
  params: accountId,
  response: z.object({ deleted: z.literal(true) }),
  errors: ["forbidden", "not_found", "conflict", "validation_failed", "service_unavailable"],
});
