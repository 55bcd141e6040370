// POST /api/admin/jobs/<job_id>/retry – queue a failed or canceled job again
import { retryQueuedJob } from "@/lib/admin/jobs";
import { withApi } from "@/lib/api/with-api";
import { retryJobEndpoint } from "../../schema";

export const POST = withApi(retryJobEndpoint, ({ principal, params }) => retryQueuedJob(principal, params.job_id));
