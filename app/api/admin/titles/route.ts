// GET /api/admin/titles – every movie and show, drafts included
// POST /api/admin/titles – create a movie or show as a draft
import { createTitle, listAdminTitles } from "@/lib/admin/catalog";
import { withApi } from "@/lib/api/with-api";
import { createTitleEndpoint, listTitlesEndpoint } from "../catalog/schema";

export const GET = withApi(listTitlesEndpoint, ({ principal, query }) => listAdminTitles(principal, query));

export const POST = withApi(createTitleEndpoint, ({ principal, body }) => createTitle(principal, { ...body, kind: body.type }));
