// GET|PATCH|DELETE /api/admin/collections/<collection_id> – read, change or delete a collection
import { withApi } from "@/lib/api/with-api";
import { editCollection, getAdminCollection, removeCollection } from "@/lib/admin/collections";
import { deleteCollectionEndpoint, getAdminCollectionEndpoint, updateCollectionEndpoint } from "../schema";

export const GET = withApi(getAdminCollectionEndpoint, ({ principal, params }) => getAdminCollection(principal, params.collection_id));
export const PATCH = withApi(updateCollectionEndpoint, ({ principal, params, body }) => editCollection(principal, params.collection_id, body));
export const DELETE = withApi(deleteCollectionEndpoint, ({ principal, params }) => removeCollection(principal, params.collection_id));
