// GET /api/admin/assets/<asset_id> – a video's transcode status, markers and subtitles
import { describeAsset } from "@/lib/admin/assets";
import { withApi } from "@/lib/api/with-api";
import { getAssetEndpoint } from "../schema";

export const GET = withApi(getAssetEndpoint, ({ principal, params }) => describeAsset(principal, params.asset_id));
