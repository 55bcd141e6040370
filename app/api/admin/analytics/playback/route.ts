// GET /api/admin/analytics/playback – startup time, rebuffering, bitrate and errors by day and rendition
import { playbackQuality } from "@/lib/analytics/playback-quality";
import { withApi } from "@/lib/api/with-api";
import { playbackQualityEndpoint } from "../schema";

export const GET = withApi(playbackQualityEndpoint, ({ principal, query }) => playbackQuality(principal, query.days));
