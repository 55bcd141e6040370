// PATCH /api/admin/people/<person_id> – edit a person
// DELETE /api/admin/people/<person_id> – delete a person
import { deletePerson, savePerson } from "@/lib/admin/catalog";
import { withApi } from "@/lib/api/with-api";
import { deletePersonEndpoint, updatePersonEndpoint } from "../../catalog/schema";

export const PATCH = withApi(updatePersonEndpoint, ({ principal, params, body }) => savePerson(principal, params.person_id, body));

export const DELETE = withApi(deletePersonEndpoint, async ({ principal, params }) => {
  await deletePerson(principal, params.person_id);
  return {};
});
