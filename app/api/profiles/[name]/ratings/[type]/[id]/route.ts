// PUT /api/profiles/<name>/ratings/<type>/<id> – rate a title up or down, or remove the rating (null)
import { withApi } from "@/lib/api/with-api";
import { rateTitle } from "@/lib/profiles/lists";
import { rateEndpoint } from "../../../../lists-schema";

export const PUT = withApi(rateEndpoint, ({ principal, params, body }) => rateTitle(principal, params.name, params.type, params.id, body.rating));
