// PUT /api/admin/collections/<collection_id>/items – replace a collection's titles, in order
import { withApi } from "@/lib/api/with-api";
import { setCollectionTitles } from "@/lib/admin/collections";
import { setCollectionItemsEndpoint } from "../../schema";

export const PUT = withApi(setCollectionItemsEndpoint, ({ principal, params, body }) => setCollectionTitles(principal, params.collection_id, body.title_ids));
