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
    database: z.object({ kind: z.enum(["pglite", "postgres"]), latency_ms: z.number() }),
  }),
  errors: ["service_unavailable"],
});
