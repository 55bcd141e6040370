import { z } from "zod";
import { endpoint } from "@/lib/api/endpoint";
import { eventBatch, MAX_EVENTS_PER_BATCH } from "@/lib/analytics/event-schema";

export const postEventsEndpoint = endpoint({
  method: "POST",
  path: "/api/analytics/events",
  summary: "Report playback events (startup time, stalls, rendition switches, errors, heartbeats)",
  description:
    `A batch of 1–${MAX_EVENTS_PER_BATCH} events, each validated by its type. A batch with any invalid event is refused ` +
    "whole (422, every problem in details) and nothing of it is stored. Events must have happened in the last 7 days.",
  tag: "Analytics",
  auth: "required",
  limit: "analytics",
  query: z.strictObject({}),
  body: eventBatch,
  status: 202,
  response: z.object({ accepted: z.number().int() }),
  errors: ["forbidden", "validation_failed", "invalid_json", "payload_too_large", "rate_limited"],
});
