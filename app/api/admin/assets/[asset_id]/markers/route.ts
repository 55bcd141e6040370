// PUT /api/admin/assets/<asset_id>/markers – intro and credits markers
import { updateMarkers } from "@/lib/admin/assets";
import { withApi } from "@/lib/api/with-api";
import { setMarkersEndpoint } from "../../schema";

export const PUT = withApi(setMarkersEndpoint, ({ principal, params, body }) => updateMarkers(principal, params.asset_id, body));
