import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgEnum, pgTable, real, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

export const assetStatus = pgEnum("asset_status", ["pending", "processing", "ready", "failed"]);

export type Rendition = {
  name: string; // "360p"
  width: number;
  height: number;
  bandwidth: number; // peak bits per second, for the master playlist
  averageBandwidth: number;
  codecs: string; // e.g. "avc1.64001f,mp4a.40.2"
  playlist: string; // relative to the asset directory, e.g. "360p/index.m3u8"
};

/**
 * One audio track of an asset (lib/media/audio-tracks.ts). A single-audio asset has one, muxed into every video
 * rendition (`playlist` null), as assets always had. With several, the default one stays muxed in the video renditions
 * and each other one is an audio-only HLS rendition, so the master lists them as an `EXT-X-MEDIA TYPE=AUDIO` group.
 * Assets transcoded before audio tracks were recorded have none.
 */
export type AudioTrack = {
  language: string; // BCP 47, "und" when the source did not say
  label: string; // the NAME players show, e.g. "Español"
  default: boolean;
  /** The audio-only playlist, relative to the asset directory; null: muxed into the video renditions. */
  playlist: string | null;
  codecs: string; // "mp4a.40.2"
  channels: number;
  /** Peak and average bits per second of its playlist (0 for a muxed track: counted in the video renditions). */
  bandwidth: number;
  averageBandwidth: number;
};

// One playable video: its HLS ladder, thumbnails and markers, all under MEDIA_DIR/<directory>.
export const mediaAssets = pgTable("media_assets", {
  id: uuid("id").primaryKey().defaultRandom(),
  status: assetStatus("status").notNull().default("pending"),
  /** The uploaded or generated source, relative to MEDIA_DIR. */
  sourcePath: text("source_path"),
  /** Where the HLS output lives, relative to MEDIA_DIR. */
  directory: text("directory").notNull(),
  durationSeconds: real("duration_seconds"),
  width: integer("width"),
  height: integer("height"),
  renditions: jsonb("renditions").$type<Rendition[]>().notNull().default([]),
  audioTracks: jsonb("audio_tracks").$type<AudioTrack[]>().notNull().default([]),
  /** WebVTT map of the thumbnail sprite, relative to the asset directory. */
  thumbnailsVtt: text("thumbnails_vtt"),
  introStartSeconds: real("intro_start_seconds"),
  introEndSeconds: real("intro_end_seconds"),
  creditsStartSeconds: real("credits_start_seconds"),
  error: text("error"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const subtitles = pgTable(
  "subtitles",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    assetId: uuid("asset_id")
      .notNull()
      .references(() => mediaAssets.id, { onDelete: "cascade" }),
    language: text("language").notNull(), // BCP 47, e.g. "en", "es"
    label: text("label").notNull(), // "English"
    /** WebVTT file, relative to the asset directory. */
    path: text("path").notNull(),
  },
  (t) => [uniqueIndex("subtitles_asset_language_key").on(t.assetId, t.language)],
);

export const jobStage = pgEnum("job_stage", ["queued", "probing", "encoding", "thumbnails", "ready", "failed", "canceled"]);

// Transcoding work, taken by workers with FOR UPDATE SKIP LOCKED; a job whose heartbeat stops is retried.
export const transcodeJobs = pgTable(
  "transcode_jobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    assetId: uuid("asset_id")
      .notNull()
      .references(() => mediaAssets.id, { onDelete: "cascade" }),
    stage: jobStage("stage").notNull().default("queued"),
    percent: real("percent").notNull().default(0),
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull().default(3),
    workerId: text("worker_id"),
    heartbeatAt: timestamp("heartbeat_at", { withTimezone: true }),
    error: text("error"),
    log: text("log"),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("transcode_jobs_queue_idx").on(t.createdAt).where(sql`${t.stage} = 'queued'`),
    index("transcode_jobs_asset_idx").on(t.assetId),
  ],
);

export type MediaAsset = typeof mediaAssets.$inferSelect;
export type Subtitle = typeof subtitles.$inferSelect;
export type TranscodeJob = typeof transcodeJobs.$inferSelect;
