// POST /api/admin/jobs/<job_id>/cancel – cancel a queued or running job
import { cancelQueuedJob } from "@/lib/admin/jobs";
import { withApi } from "@/lib/api/with-api";
import { cancelJobEndpoint } from "../../schema";

export const POST = withApi(cancelJobEndpoint, ({ principal, params }) => cancelQueuedJob(principal, params.job_id));
