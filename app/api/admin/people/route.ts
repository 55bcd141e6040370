// GET /api/admin/people – people by name
// POST /api/admin/people – add a person
import { listPeople, savePerson } from "@/lib/admin/catalog";
import { withApi } from "@/lib/api/with-api";
import { createPersonEndpoint, listPeopleEndpoint } from "../catalog/schema";

export const GET = withApi(listPeopleEndpoint, ({ principal, query }) => listPeople(principal, query));

export const POST = withApi(createPersonEndpoint, ({ principal, body }) => savePerson(principal, undefined, body));
