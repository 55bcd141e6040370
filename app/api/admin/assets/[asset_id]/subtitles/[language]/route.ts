// PUT /api/admin/assets/<asset_id>/subtitles/<language> – add or replace a WebVTT track
import { uploadSubtitle } from "@/lib/admin/assets";
import { withApi } from "@/lib/api/with-api";
import { putSubtitleEndpoint } from "../../../schema";

export const PUT = withApi(putSubtitleEndpoint, ({ principal, params, body }) => uploadSubtitle(principal, params.asset_id, params.language, body));
