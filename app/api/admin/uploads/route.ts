// OPTIONS /api/admin/uploads – tus discovery
// POST /api/admin/uploads – start a resumable video upload (tus creation)
// GET /api/admin/uploads – recent uploads with their progress
import { byteCountHeader, discoveryHeaders, parseMetadata, requireTusVersion, tusHeaders } from "@/lib/admin/tus";
import { createUpload, listUploads } from "@/lib/admin/uploads";
import { ApiError } from "@/lib/api/errors";
import { withApi } from "@/lib/api/with-api";
import { createUploadEndpoint, discoverUploadsEndpoint, listUploadsEndpoint } from "./schema";

export const OPTIONS = withApi(discoverUploadsEndpoint, async () => new Response(null, { status: 204, headers: discoveryHeaders() }));

export const GET = withApi(listUploadsEndpoint, ({ principal }) => listUploads(principal));

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const POST = withApi(createUploadEndpoint, async ({ principal, req }) => {
  requireTusVersion(req);
  if (req.headers.has("upload-defer-length")) throw new ApiError("bad_request", "Send Upload-Length: this server needs the size up front.");
  const metadata = parseMetadata(req.headers.get("upload-metadata"));
  for (const key of ["title_id", "episode_id"]) {
    if (metadata[key] && !uuid.test(metadata[key])) throw new ApiError("validation_failed", `Upload-Metadata ${key} must be a UUID.`);
  }
  if (!metadata.filename) throw new ApiError("bad_request", "Upload-Metadata must include the filename.");
  const upload = await createUpload(principal, {
    length: byteCountHeader(req, "upload-length"),
    filename: metadata.filename,
    filetype: metadata.filetype || undefined,
    titleId: metadata.title_id || undefined,
    episodeId: metadata.episode_id || undefined,
  });
  return new Response(null, {
    status: 201,
    headers: tusHeaders({ Location: `/api/admin/uploads/${upload.id}`, "Upload-Offset": "0" }),
  });
});
