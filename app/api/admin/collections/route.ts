// GET|POST /api/admin/collections – every collection with its titles; create one
import { withApi } from "@/lib/api/with-api";
import { createCollection, listAdminCollections } from "@/lib/admin/collections";
import { createCollectionEndpoint, listAdminCollectionsEndpoint } from "./schema";

export const GET = withApi(listAdminCollectionsEndpoint, ({ principal }) => listAdminCollections(principal));
export const POST = withApi(createCollectionEndpoint, ({ principal, body }) => createCollection(principal, body));
