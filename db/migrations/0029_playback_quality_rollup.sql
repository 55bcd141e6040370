CREATE TABLE "playback_error_counts" (
	"day" date NOT NULL,
	"rendition" text NOT NULL,
	"code" text NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "playback_error_counts_day_rendition_code_pk" PRIMARY KEY("day","rendition","code")
);
--> statement-breakpoint
CREATE TABLE "playback_quality_days" (
	"day" date NOT NULL,
	"rendition" text NOT NULL,
	"starts" integer DEFAULT 0 NOT NULL,
	"rebuffer_ms" bigint DEFAULT 0 NOT NULL,
	"played_ms" bigint DEFAULT 0 NOT NULL,
	"bitrate_ms" double precision DEFAULT 0 NOT NULL,
	"bitrate_weight_ms" bigint DEFAULT 0 NOT NULL,
	"errors" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "playback_quality_days_day_rendition_pk" PRIMARY KEY("day","rendition")
);
--> statement-breakpoint
CREATE TABLE "playback_quality_fold" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"folded_until" timestamp with time zone DEFAULT '-infinity' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "playback_startup_times" (
	"day" date NOT NULL,
	"rendition" text NOT NULL,
	"duration_ms" integer NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "playback_startup_times_day_rendition_duration_ms_pk" PRIMARY KEY("day","rendition","duration_ms")
);
--> statement-breakpoint
INSERT INTO "playback_quality_fold" ("id") VALUES (1);
--> statement-breakpoint
-- The fold and the report read events by arrival: a BRIN index (tiny, next to free to keep up as events append in
-- arrival order). Ranges not yet summarised are read whole, so each filled range is summarised as the next begins.
CREATE INDEX "playback_events_received_brin" ON "playback_events" USING brin ("received_at") WITH (pages_per_range = 32, autosummarize = on);
