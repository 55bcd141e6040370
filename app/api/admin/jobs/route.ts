// GET /api/admin/jobs – the transcode queue
import { listQueue } from "@/lib/admin/jobs";
import { withApi } from "@/lib/api/with-api";
import { listJobsEndpoint } from "./schema";

export const GET = withApi(listJobsEndpoint, ({ principal, query }) => listQueue(principal, query));
