import { z } from "zod";
import { endpoint } from "@/lib/api/endpoint";

const tag = "Admin: uploads";
const uploadId = z.object({ upload_id: z.guid() });
const errors = ["forbidden", "not_found", "conflict", "bad_request", "precondition_failed", "validation_failed"] as const;

const upload = z.object({
  id: z.guid(),
  filename: z.string(),
  length: z.number().int(),
  offset: z.number().int().describe("Bytes the server has."),
  status: z.enum(["receiving", "complete", "failed"]),
  title_id: z.guid().nullable(),
  episode_id: z.guid().nullable(),
  asset_id: z.guid().nullable().describe("The video, once the upload is complete."),
  job_id: z.guid().nullable().describe("Its transcode job: follow it at GET /api/admin/jobs/{job_id}."),
  error: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
});

export const discoverUploadsEndpoint = endpoint({
  method: "OPTIONS",
  path: "/api/admin/uploads",
  summary: "tus discovery: versions, extensions and the size limit",
  tag,
  auth: "admin",
  errors: ["forbidden"],
});

export const createUploadEndpoint = endpoint({
  method: "POST",
  path: "/api/admin/uploads",
  summary: "Start a resumable video upload (tus creation)",
  description:
    "tus 1.0.0: send `Tus-Resumable: 1.0.0`, `Upload-Length` and `Upload-Metadata` (base64 `filename`, optional " +
    "`filetype`, `title_id` for a movie or `episode_id`). Answers 201 with `Location`; then PATCH the bytes there.",
  tag,
  auth: "admin",
  errors: [...errors, "payload_too_large", "unsupported_media_type"],
});

export const listUploadsEndpoint = endpoint({
  method: "GET",
  path: "/api/admin/uploads",
  summary: "Recent uploads with their progress",
  tag,
  auth: "admin",
  response: z.object({ items: z.array(upload) }),
  errors: ["forbidden"],
});

export const uploadOffsetEndpoint = endpoint({
  method: "HEAD",
  path: "/api/admin/uploads/{upload_id}",
  summary: "tus: the server's offset (Upload-Offset), to resume from",
  tag,
  auth: "admin",
  params: uploadId,
  errors,
});

export const getUploadEndpoint = endpoint({
  method: "GET",
  path: "/api/admin/uploads/{upload_id}",
  summary: "One upload's progress, and its video and job once complete",
  tag,
  auth: "admin",
  params: uploadId,
  response: upload,
  errors,
});

export const appendUploadEndpoint = endpoint({
  method: "PATCH",
  path: "/api/admin/uploads/{upload_id}",
  summary: "tus: send bytes from Upload-Offset",
  description:
    "Body: `application/offset+octet-stream`, any size up to what is left. A dropped connection keeps what arrived: " +
    "HEAD for the offset and continue. The last byte probes the file and queues its transcode (204 with " +
    "`NormFlix-Job-Id`); a file that is not a video answers 415.",
  tag,
  auth: "admin",
  params: uploadId,
  errors: [...errors, "payload_too_large", "unsupported_media_type"],
});

export const terminateUploadEndpoint = endpoint({
  method: "DELETE",
  path: "/api/admin/uploads/{upload_id}",
  summary: "tus termination: abandon an upload and delete its bytes",
  tag,
  auth: "admin",
  params: uploadId,
  errors,
});
