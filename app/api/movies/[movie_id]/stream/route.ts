// GET /api/movies/<movie_id>/stream – entitlement checks, a stream lease and a signed manifest URL
import { withApi } from "@/lib/api/with-api";
import { startStream } from "@/lib/playback/streams";
import { movieStreamEndpoint } from "@/app/api/streams/schema";

export const GET = withApi(movieStreamEndpoint, ({ principal, params, body, userAgent, ip }) =>
  startStream(principal, { kind: "movie", movieId: params.movie_id }, { profile: body.profile, userAgent, ip }),
);
