CREATE TABLE "title_trending" (
	"title_id" uuid PRIMARY KEY NOT NULL,
	"starts" integer DEFAULT 0 NOT NULL,
	"watch_seconds" double precision DEFAULT 0 NOT NULL,
	"day_score" double precision NOT NULL,
	"week_score" double precision NOT NULL,
	"month_score" double precision NOT NULL,
	"last_viewed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
DROP INDEX "titles_kind_popularity_idx";--> statement-breakpoint
ALTER TABLE "title_trending" ADD CONSTRAINT "title_trending_title_id_titles_id_fk" FOREIGN KEY ("title_id") REFERENCES "public"."titles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "title_trending_day_idx" ON "title_trending" USING btree ("day_score" desc);--> statement-breakpoint
CREATE INDEX "title_trending_week_idx" ON "title_trending" USING btree ("week_score" desc);--> statement-breakpoint
CREATE INDEX "title_trending_month_idx" ON "title_trending" USING btree ("month_score" desc);--> statement-breakpoint
CREATE INDEX "title_trending_last_viewed_idx" ON "title_trending" USING btree ("last_viewed_at");--> statement-breakpoint
ALTER TABLE "titles" DROP COLUMN "popularity";--> statement-breakpoint
-- Trending from the viewing kept so far (as db/queries/trending.ts rebuildTrending does): stream starts, and each
-- progress row's position as seconds watched at its last write.
WITH events AS (
  SELECT title_id, started_at AS at, 1 AS starts, 0::float8 AS seconds FROM streams
  UNION ALL
  SELECT title_id, updated_at, 0, position_seconds::float8 FROM watch_progress WHERE position_seconds > 0),
weighted AS (
  SELECT e.title_id, e.at, e.starts, e.seconds, extract(epoch FROM e.at)::float8 / 3600 AS h,
    (e.starts + e.seconds / 600.0)::float8 AS w,
    max(extract(epoch FROM e.at)::float8 / 3600) OVER (PARTITION BY e.title_id) AS top
  FROM events e)
INSERT INTO "title_trending" ("title_id", "starts", "watch_seconds", "day_score", "week_score", "month_score", "last_viewed_at")
SELECT title_id, sum(starts)::int, sum(seconds),
  max(h) / 6 + ln(sum(w * power(2::float8, greatest((h - top) / 6, -1000)))) / ln(2::float8),
  max(h) / 42 + ln(sum(w * power(2::float8, greatest((h - top) / 42, -1000)))) / ln(2::float8),
  max(h) / 180 + ln(sum(w * power(2::float8, greatest((h - top) / 180, -1000)))) / ln(2::float8),
  max(at)
FROM weighted GROUP BY title_id;
