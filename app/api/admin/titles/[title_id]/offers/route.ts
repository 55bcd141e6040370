// PUT /api/admin/titles/<title_id>/offers – set a title's access and its rent and buy offers
import { setOffers } from "@/lib/admin/offers";
import { withApi } from "@/lib/api/with-api";
import { setOffersEndpoint } from "../../../catalog/schema";

export const PUT = withApi(setOffersEndpoint, ({ principal, params, body }) => setOffers(principal, params.title_id, body));
