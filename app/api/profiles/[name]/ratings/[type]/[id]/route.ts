// PUT /api/profiles/<name>/ratings/<type>/<id> – rate a title up or down, or remove the rating (null)
import { withApi } from "@/lib/api/with-api";
import { rateTitle } from "@/lib/profiles/lists";
import { rateEndpoint } from "../../../../lists-schema";

export const PUT = withApi(rateEndpoint, ({ viewer, params, body }) => rateTitle(viewer, params.type, params.id, body.rating));
