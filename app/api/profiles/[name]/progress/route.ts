// GET /api/profiles/<name>/progress – read watch progress; POST – create it; PUT – update it
import { withApi } from "@/lib/api/with-api";
import { createProgress, getProgress, setProgress } from "@/lib/profiles/progress";
import { createProgressEndpoint, getProgressEndpoint, updateProgressEndpoint } from "../../schema";

export const GET = withApi(getProgressEndpoint, ({ viewer, body }) => getProgress(viewer, body));

// Writes also renew the profile's stream lease on the item, in the same statement (db/queries/progress.ts).
export const POST = withApi(createProgressEndpoint, ({ viewer, body }) => createProgress(viewer, body, body));

export const PUT = withApi(updateProgressEndpoint, ({ viewer, body }) => setProgress(viewer, body, body));
