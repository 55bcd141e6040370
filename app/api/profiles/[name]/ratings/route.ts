// GET /api/profiles/<name>/ratings – the profile's thumbs up and down, newest first
import { withApi } from "@/lib/api/with-api";
import { getRatings } from "@/lib/profiles/lists";
import { ratingsEndpoint } from "../../lists-schema";

export const GET = withApi(ratingsEndpoint, ({ viewer, query }) => getRatings(viewer, query.rating, query));
