import { z } from "zod";
import { endpoint } from "@/lib/api/endpoint";

export const healthEndpoint = endpoint({
  method: "GET",
  path: "/api/health",
  summary: "Liveness and database reachability",
  tag: "Service",
  auth: "none",
  limit: "none",
  response: z.object({
    status: z.literal("ok"),
    database: z.object({
      kind: z.enum(["pglite", "postgres"]),
      latency_ms: z.number(),
      notifications: z
        .enum(["idle", "listening", "reconnecting"])
        .describe("Whether this instance hears session revocations made elsewhere (idle: nothing has asked yet)"),
    }),
  }),
  errors: ["service_unavailable"],
});
