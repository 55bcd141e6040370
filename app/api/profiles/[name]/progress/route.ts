// GET /api/profiles/<name>/progress – read watch progress; POST – create it; PUT – update it
import { withApi } from "@/lib/api/with-api";
import { renewLease } from "@/lib/playback/streams";
import { createProgress, getProgress, setProgress } from "@/lib/profiles/progress";
import { createProgressEndpoint, getProgressEndpoint, updateProgressEndpoint } from "../../schema";

export const GET = withApi(getProgressEndpoint, ({ principal, params, body }) => getProgress(principal, params.name, body));

// Progress writes are the player's heartbeat: they renew the profile's stream lease on that item.
// TODO(progress branch): fold the renewal into the progress write's statement; until then it is a second query.
export const POST = withApi(createProgressEndpoint, async ({ principal, params, body }) => {
  const result = await createProgress(principal, params.name, body, body);
  await renewLease(principal, params.name, body);
  return result;
});

export const PUT = withApi(updateProgressEndpoint, async ({ principal, params, body }) => {
  const result = await setProgress(principal, params.name, body, body);
  await renewLease(principal, params.name, body);
  return result;
});
