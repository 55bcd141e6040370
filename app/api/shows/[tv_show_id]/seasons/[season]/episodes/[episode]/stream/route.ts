// GET /api/shows/<tv_show_id>/seasons/<season>/episodes/<episode>/stream – like the movie stream, for one episode
import { withApi } from "@/lib/api/with-api";
import { startStream } from "@/lib/playback/streams";
import { episodeStreamEndpoint } from "@/app/api/streams/schema";

export const GET = withApi(episodeStreamEndpoint, ({ principal, params, body, userAgent, ip }) =>
  startStream(
    principal,
    { kind: "episode", showId: params.tv_show_id, season: params.season, episode: params.episode },
    { profile: body.profile, userAgent, ip },
  ),
);
