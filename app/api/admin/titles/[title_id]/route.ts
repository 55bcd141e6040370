// GET /api/admin/titles/<title_id> – one title with everything an editor needs
// PATCH /api/admin/titles/<title_id> – edit a title
// DELETE /api/admin/titles/<title_id> – delete a title
import { deleteTitle, getAdminTitle, updateTitle } from "@/lib/admin/catalog";
import { withApi } from "@/lib/api/with-api";
import { deleteTitleEndpoint, getTitleEndpoint, updateTitleEndpoint } from "../../catalog/schema";

export const GET = withApi(getTitleEndpoint, ({ principal, params }) => getAdminTitle(principal, params.title_id));

export const PATCH = withApi(updateTitleEndpoint, ({ principal, params, body }) => updateTitle(principal, params.title_id, body));

export const DELETE = withApi(deleteTitleEndpoint, async ({ principal, params }) => {
  await deleteTitle(principal, params.title_id);
  return {};
});
