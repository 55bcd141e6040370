import "server-only";
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { once } from "node:events";
import { findEpisodeById, findTitleKind, saveEpisode, saveTitle } from "@/db/queries/admin-catalog";
import * as q from "@/db/queries/admin-uploads";
import type { Upload } from "@/db/schema";
import type { Principal } from "@/lib/accounts/sessions";
import { ApiError } from "@/lib/api/errors";
import { env, mediaDir } from "@/lib/env";
import { createAssetFromFile } from "@/lib/media/assets";
import { PermanentMediaError, probeSource } from "@/lib/media/probe";
import { requireAdmin } from "./guard";

// Resumable video uploads, stored the tus way: an upload is created with its length, then filled by PATCH requests
// from an offset that must equal what the server has. Bytes stream straight to MEDIA_DIR/uploads/<id>.part through a
// file write stream (memory stays flat whatever the size); on the last byte the file is probed, moved into the media
// library and its transcode queued.

export const VIDEO_EXTENSIONS = [".mp4", ".m4v", ".mov", ".mkv", ".webm", ".avi", ".mpg", ".mpeg", ".ts", ".m2ts", ".wmv", ".flv", ".3gp"];
const LEASE_SECONDS = 120;
const IDLE_TIMEOUT_MS = 60_000;
const ABANDONED_AFTER_DAYS = 7;

const uploadsDir = () => path.join(mediaDir, "uploads");
const partFile = (id: string) => path.join(uploadsDir(), `${id}.part`);

export function describeUpload(upload: Upload) {
  return {
    id: upload.id,
    filename: upload.filename,
    length: upload.length,
    offset: upload.receivedBytes,
    status: upload.status,
    title_id: upload.titleId,
    episode_id: upload.episodeId,
    asset_id: upload.assetId,
    job_id: upload.jobId,
    error: upload.error,
    created_at: upload.createdAt.toISOString(),
    updated_at: upload.updatedAt.toISOString(),
  };
}

export type NewUpload = { length: number; filename: string; filetype?: string; titleId?: string; episodeId?: string };

/** Checks what can be checked before a byte is sent: size, file type, and where the video will go. */
export async function createUpload(principal: Principal | undefined, input: NewUpload): Promise<Upload> {
  requireAdmin(principal);
  if (!Number.isSafeInteger(input.length) || input.length <= 0) throw new ApiError("bad_request", "Upload-Length must be a positive whole number of bytes.");
  if (input.length > env.UPLOAD_MAX_BYTES) {
    throw new ApiError("payload_too_large", `Uploads are limited to ${env.UPLOAD_MAX_BYTES} bytes (UPLOAD_MAX_BYTES).`);
  }
  const filename = path.basename(input.filename.replaceAll("\\", "/")).slice(0, 255);
  const ext = path.extname(filename).toLowerCase();
  if (!VIDEO_EXTENSIONS.includes(ext)) {
    throw new ApiError("unsupported_media_type", `"${filename}" is not a video file this server takes (${VIDEO_EXTENSIONS.join(", ")}).`);
  }
  if (input.filetype && !/^video\/|^application\/(octet-stream|x-matroska|mp4)$/.test(input.filetype)) {
    throw new ApiError("unsupported_media_type", `Uploads must be video; this file says it is ${input.filetype}.`);
  }
  if (input.episodeId && !(await findEpisodeById(input.episodeId))) throw new ApiError("validation_failed", "No episode with that episode_id.");
  if (input.titleId) {
    const kind = await findTitleKind(input.titleId);
    if (!kind) throw new ApiError("validation_failed", "No title with that title_id.");
    if (kind !== "movie") throw new ApiError("validation_failed", "A show's video belongs to an episode: send episode_id instead.");
  }

  await removeAbandoned();
  await fsp.mkdir(uploadsDir(), { recursive: true });
  const upload = await q.insertUpload({
    accountId: principal.accountId,
    filename,
    contentType: input.filetype ?? null,
    length: input.length,
    titleId: input.titleId ?? null,
    episodeId: input.episodeId ?? null,
  });
  await fsp.writeFile(partFile(upload.id), "");
  return upload;
}

async function removeAbandoned() {
  for (const id of await q.deleteAbandonedUploads(ABANDONED_AFTER_DAYS)) await fsp.rm(partFile(id), { force: true });
}

export async function getUpload(principal: Principal | undefined, id: string): Promise<Upload> {
  requireAdmin(principal);
  const upload = await q.findUpload(id);
  if (!upload) throw new ApiError("not_found", "No upload with that id.");
  // The file on disk is the truth while bytes arrive (a request may be streaming right now).
  if (upload.status === "receiving") {
    const size = (await fsp.stat(partFile(id)).catch(() => undefined))?.size;
    if (size === undefined) throw new ApiError("not_found", "This upload's data is gone; start it again.");
    return { ...upload, receivedBytes: size };
  }
  return upload;
}

export async function listUploads(principal: Principal | undefined) {
  requireAdmin(principal);
  return { items: (await q.listRecentUploads(50)).map(describeUpload) };
}

/**
 * Appends `body` at `offset`. Whatever arrives is kept when the connection drops, so the client resumes from the
 * server's offset. Returns the upload as it stands after this request (complete, with its job, after the last byte).
 */
export async function appendToUpload(
  principal: Principal | undefined,
  id: string,
  offset: number,
  body: ReadableStream<Uint8Array> | null,
): Promise<Upload> {
  requireAdmin(principal);
  const leased = await q.takeUploadLease(id, LEASE_SECONDS);
  if (!leased) {
    const upload = await q.findUpload(id);
    if (!upload) throw new ApiError("not_found", "No upload with that id.");
    if (upload.status !== "receiving") throw new ApiError("conflict", `This upload is already ${upload.status}.`);
    throw new ApiError("conflict", "Another request is writing to this upload; try again shortly.");
  }
  const file = partFile(id);
  let received = 0;
  let overflow = false;
  try {
    const size = (await fsp.stat(file).catch(() => undefined))?.size;
    if (size === undefined) throw new ApiError("not_found", "This upload's data is gone; start it again.");
    if (offset !== size) throw new ApiError("conflict", `Upload-Offset ${offset} does not match the server's offset ${size}.`, { offset: size });
    const result = await streamToFile(body, file, size, leased.length - size, (bytes) => {
      received = bytes;
      void q.renewUploadLease(id, LEASE_SECONDS, size + bytes).catch(() => undefined);
    });
    received = result.written;
    overflow = result.overflow;
  } finally {
    const size = (await fsp.stat(file).catch(() => undefined))?.size ?? offset + received;
    await q.updateUpload(id, { receivedBytes: size, leaseUntil: null });
  }
  if (overflow) {
    const message = `The client sent more than the declared ${leased.length} bytes.`;
    await q.updateUpload(id, { status: "failed", error: message });
    await fsp.rm(file, { force: true });
    throw new ApiError("payload_too_large", `${message} Start the upload again.`);
  }
  const upload = (await q.findUpload(id))!;
  return upload.receivedBytes === upload.length ? finish(upload) : upload;
}

/** Writes the stream at `start`, at most `room` bytes, honouring backpressure; stops when the client goes quiet. */
async function streamToFile(
  body: ReadableStream<Uint8Array> | null,
  file: string,
  start: number,
  room: number,
  onProgress: (written: number) => void,
): Promise<{ written: number; overflow: boolean }> {
  if (!body) return { written: 0, overflow: false };
  const out = fs.createWriteStream(file, { flags: "r+", start });
  const reader = body.getReader();
  let written = 0;
  let overflow = false;
  let lastReport = Date.now();
  try {
    for (;;) {
      let idle: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        idle = setTimeout(() => reject(new Error("upload connection idle")), IDLE_TIMEOUT_MS);
      });
      const { done, value } = await Promise.race([reader.read(), timeout]).finally(() => clearTimeout(idle));
      if (done) break;
      const chunk = value.byteLength > room - written ? value.subarray(0, room - written) : value;
      if (chunk.byteLength < value.byteLength) overflow = true;
      if (chunk.byteLength && !out.write(chunk)) await once(out, "drain");
      written += chunk.byteLength;
      if (overflow) {
        await reader.cancel().catch(() => undefined);
        break;
      }
      if (Date.now() - lastReport > 30_000) {
        lastReport = Date.now();
        onProgress(written);
      }
    }
  } catch {
    // The client went away or stalled: keep what arrived, the client resumes from the server's offset.
    await reader.cancel().catch(() => undefined);
  } finally {
    out.end();
    await once(out, "close").catch(() => undefined);
  }
  return { written, overflow };
}

/** The last byte is in: probe it, move it into the media library, queue the transcode, link it where it belongs. */
async function finish(upload: Upload): Promise<Upload> {
  const part = partFile(upload.id);
  const named = path.join(uploadsDir(), `${upload.id}${path.extname(upload.filename).toLowerCase()}`);
  try {
    await probeSource(part);
  } catch (error) {
    const message = error instanceof PermanentMediaError ? error.message : "The file could not be read as a video.";
    await q.updateUpload(upload.id, { status: "failed", error: message });
    await fsp.rm(part, { force: true });
    throw new ApiError("unsupported_media_type", message);
  }
  await fsp.rename(part, named);
  const { assetId, jobId } = await createAssetFromFile(named, { move: true });
  if (upload.episodeId) await saveEpisode(upload.episodeId, { mediaAssetId: assetId });
  else if (upload.titleId) await saveTitle(upload.titleId, { mediaAssetId: assetId });
  await q.updateUpload(upload.id, { status: "complete", assetId, jobId, error: null });
  return (await q.findUpload(upload.id))!;
}

/** tus termination: the upload and its bytes are gone (a finished upload's video stays in the library). */
export async function terminateUpload(principal: Principal | undefined, id: string): Promise<void> {
  requireAdmin(principal);
  const upload = await q.findUpload(id);
  if (!upload) throw new ApiError("not_found", "No upload with that id.");
  if (upload.leaseUntil && upload.leaseUntil > new Date()) throw new ApiError("conflict", "A request is writing to this upload right now.");
  await q.deleteUpload(id);
  await fsp.rm(partFile(id), { force: true });
}
