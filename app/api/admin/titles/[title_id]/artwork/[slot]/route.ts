// PUT /api/admin/titles/<title_id>/artwork/<poster|backdrop> – upload a poster or backdrop (the body is the image)
import { setArtwork } from "@/lib/admin/catalog";
import { readRawBody } from "@/lib/api/raw-body";
import { withApi } from "@/lib/api/with-api";
import { env } from "@/lib/env";
import { setArtworkEndpoint } from "../../../../catalog/schema";

export const PUT = withApi(setArtworkEndpoint, async ({ principal, params, req }) =>
  setArtwork(principal, params.title_id, params.slot, await readRawBody(req, env.MAX_BODY_BYTES)),
);
