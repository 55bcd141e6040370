// GET|POST /api/shows/<tv_show_id>/seasons/<season>/episodes/<episode>/stream – like the movie stream, for one episode
import { withApi, type ApiContext } from "@/lib/api/with-api";
import { startStream } from "@/lib/playback/streams";
import { episodeStreamEndpoint, episodeStreamPostEndpoint } from "@/app/api/streams/schema";

const start = ({ viewer, params, userAgent, ip }: ApiContext<typeof episodeStreamEndpoint | typeof episodeStreamPostEndpoint>) =>
  startStream(viewer, { kind: "episode", showId: params.tv_show_id, season: params.season, episode: params.episode }, { userAgent, ip });

export const GET = withApi(episodeStreamEndpoint, start);
export const POST = withApi(episodeStreamPostEndpoint, start);
