// GET /api/admin/jobs/events – the transcode queue, live (server-sent events)
import { streamJobEvents } from "@/lib/admin/job-events";
import { withApi } from "@/lib/api/with-api";
import { jobEventsEndpoint } from "../schema";

export const dynamic = "force-dynamic";

export const GET = withApi(jobEventsEndpoint, ({ principal, query, req }) => streamJobEvents(principal, query, req.signal));
