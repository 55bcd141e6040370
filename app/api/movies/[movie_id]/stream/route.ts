// GET|POST /api/movies/<movie_id>/stream – entitlement checks, a stream lease and a signed manifest URL
import { withApi, type ApiContext } from "@/lib/api/with-api";
import { startStream } from "@/lib/playback/streams";
import { movieStreamEndpoint, movieStreamPostEndpoint } from "@/app/api/streams/schema";

const start = ({ viewer, params, userAgent, ip }: ApiContext<typeof movieStreamEndpoint | typeof movieStreamPostEndpoint>) =>
  startStream(viewer, { kind: "movie", movieId: params.movie_id }, { userAgent, ip });

export const GET = withApi(movieStreamEndpoint, start);
export const POST = withApi(movieStreamPostEndpoint, start);
