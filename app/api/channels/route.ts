// GET /api/channels – the channel guide, with what is on now and next
import { withApi } from "@/lib/api/with-api";
import { catalogAudience } from "@/lib/catalog/audience";
import { getChannels } from "@/lib/channels/channels";
import { listChannelsEndpoint } from "./schema";

export const GET = withApi(listChannelsEndpoint, async ({ query, viewer }) => {
  const { items } = await getChannels(catalogAudience(viewer, query));
  return { items: items.slice(query.offset, query.offset + query.limit), total: items.length, limit: query.limit, offset: query.offset };
});
