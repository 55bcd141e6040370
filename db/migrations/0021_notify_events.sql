-- Client playback events (POST /api/analytics/events), partitioned by month of occurred_at: queries over a window
-- read only its months, and old months are dropped whole. The DEFAULT partition catches rows for a month whose
-- partition was not made yet; the server makes this month's and the next ones ahead at startup and twice a day.
CREATE TABLE "playback_events" (
	"occurred_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"account_id" uuid NOT NULL,
	"profile_id" uuid,
	"stream_id" uuid,
	"title_id" uuid,
	"item_id" uuid,
	"type" text NOT NULL,
	"rendition" text,
	"bitrate" integer,
	"position_seconds" real,
	"duration_ms" integer,
	"error_code" text,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL
) PARTITION BY RANGE ("occurred_at");
--> statement-breakpoint
CREATE TABLE "playback_events_default" PARTITION OF "playback_events" DEFAULT;
--> statement-breakpoint
CREATE INDEX "playback_events_occurred_idx" ON "playback_events" USING brin ("occurred_at");
--> statement-breakpoint
CREATE INDEX "playback_events_title_idx" ON "playback_events" ("title_id", "occurred_at");
--> statement-breakpoint
CREATE INDEX "playback_events_type_idx" ON "playback_events" ("type", "occurred_at");
--> statement-breakpoint
-- Makes the partitions of the months from `around` before this one to `around` after it (in UTC), where missing.
CREATE FUNCTION playback_events_ensure_partitions(around integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
	first date := date_trunc('month', now() AT TIME ZONE 'UTC')::date;
	month date;
BEGIN
	FOR step IN -around..around LOOP
		month := (first + make_interval(months => step))::date;
		EXECUTE format(
			'CREATE TABLE IF NOT EXISTS %I PARTITION OF playback_events FOR VALUES FROM (%L) TO (%L)',
			'playback_events_' || to_char(month, 'YYYY_MM'),
			(month::timestamp AT TIME ZONE 'UTC'),
			((month + interval '1 month')::timestamp AT TIME ZONE 'UTC')
		);
	END LOOP;
END
$$;
--> statement-breakpoint
SELECT playback_events_ensure_partitions(2);
