// GET /api/health – 200 when the database answers, 503 otherwise
import { withApi } from "@/lib/api/with-api";
import { checkHealth } from "@/lib/health";
import { healthEndpoint } from "./schema";

export const GET = withApi(healthEndpoint, () => checkHealth());
