// HEAD /api/admin/uploads/<upload_id> – tus: the offset to resume from
// GET /api/admin/uploads/<upload_id> – one upload's progress, video and job
// PATCH /api/admin/uploads/<upload_id> – tus: bytes from Upload-Offset
// DELETE /api/admin/uploads/<upload_id> – tus termination
import { byteCountHeader, requireTusVersion, tusHeaders } from "@/lib/admin/tus";
import { appendToUpload, describeUpload, getUpload, terminateUpload } from "@/lib/admin/uploads";
import { ApiError } from "@/lib/api/errors";
import { withApi } from "@/lib/api/with-api";
import { appendUploadEndpoint, getUploadEndpoint, terminateUploadEndpoint, uploadOffsetEndpoint } from "../schema";

export const HEAD = withApi(uploadOffsetEndpoint, async ({ principal, params, req }) => {
  requireTusVersion(req);
  const upload = await getUpload(principal, params.upload_id);
  return new Response(null, {
    status: 200,
    headers: tusHeaders({ "Upload-Offset": String(upload.receivedBytes), "Upload-Length": String(upload.length) }),
  });
});

export const GET = withApi(getUploadEndpoint, async ({ principal, params }) => describeUpload(await getUpload(principal, params.upload_id)));

export const PATCH = withApi(appendUploadEndpoint, async ({ principal, params, req }) => {
  requireTusVersion(req);
  if (req.headers.get("content-type") !== "application/offset+octet-stream") {
    throw new ApiError("unsupported_media_type", "PATCH bodies must be Content-Type: application/offset+octet-stream.");
  }
  const upload = await appendToUpload(principal, params.upload_id, byteCountHeader(req, "upload-offset"), req.body);
  const headers = tusHeaders({ "Upload-Offset": String(upload.receivedBytes) });
  if (upload.jobId) headers.set("NormFlix-Job-Id", upload.jobId);
  if (upload.assetId) headers.set("NormFlix-Asset-Id", upload.assetId);
  return new Response(null, { status: 204, headers });
});

export const DELETE = withApi(terminateUploadEndpoint, async ({ principal, params, req }) => {
  requireTusVersion(req);
  await terminateUpload(principal, params.upload_id);
  return new Response(null, { status: 204, headers: tusHeaders() });
});
