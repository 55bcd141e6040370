// GET /api/admin/jobs/<job_id> – one transcode job with its log
import { getJobStatus } from "@/lib/admin/jobs";
import { withApi } from "@/lib/api/with-api";
import { getJobEndpoint } from "../schema";

export const GET = withApi(getJobEndpoint, ({ principal, params }) => getJobStatus(principal, params.job_id));
