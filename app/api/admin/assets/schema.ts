import { z } from "zod";
import { endpoint } from "@/lib/api/endpoint";

const tag = "Admin: videos";
const assetId = z.object({ asset_id: z.guid() });
const marker = z.number().min(0).max(86_400);

const asset = z.object({
  id: z.guid(),
  status: z.enum(["pending", "processing", "ready", "failed"]),
  error: z.string().nullable(),
  duration_seconds: z.number().nullable(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  qualities: z.array(z.string()),
  intro_start_seconds: z.number().nullable(),
  intro_end_seconds: z.number().nullable(),
  credits_start_seconds: z.number().nullable(),
  subtitles: z.array(z.object({ language: z.string(), label: z.string() })),
  latest_job_id: z.guid().nullable(),
});

export const getAssetEndpoint = endpoint({
  method: "GET",
  path: "/api/admin/assets/{asset_id}",
  summary: "A video: transcode status, qualities, markers and subtitles",
  tag,
  auth: "admin",
  params: assetId,
  response: asset,
  errors: ["forbidden", "not_found", "validation_failed"],
});

export const setMarkersEndpoint = endpoint({
  method: "PUT",
  path: "/api/admin/assets/{asset_id}/markers",
  summary: "Set intro and credits markers (seconds)",
  description: "Players offer \"Skip intro\" between the intro marks and \"Next episode\" from the credits mark. Omitted marks stay as they are.",
  tag,
  auth: "admin",
  params: assetId,
  body: z.object({ intro_start_seconds: marker, intro_end_seconds: marker, credits_start_seconds: marker }).partial(),
  response: asset,
  errors: ["forbidden", "not_found", "validation_failed"],
});

export const putSubtitleEndpoint = endpoint({
  method: "PUT",
  path: "/api/admin/assets/{asset_id}/subtitles/{language}",
  summary: "Add or replace a WebVTT subtitle track",
  tag,
  auth: "admin",
  params: assetId.extend({ language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "a BCP 47 language tag, e.g. en or pt-BR") }),
  body: z.object({ label: z.string().trim().min(1).max(100).describe('Shown in the player, e.g. "English (CC)".'), vtt: z.string().min(6).describe("The WebVTT file's text.") }),
  response: asset,
  errors: ["forbidden", "not_found", "validation_failed", "payload_too_large"],
});
