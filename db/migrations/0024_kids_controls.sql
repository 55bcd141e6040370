ALTER TABLE "profiles" ADD COLUMN "blocked_genres" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "profiles" ADD COLUMN "daily_limit_minutes" smallint;--> statement-breakpoint
CREATE INDEX "streams_profile_seen_idx" ON "streams" USING btree ("profile_id","last_seen_at");--> statement-breakpoint
ALTER TABLE "profiles" ADD CONSTRAINT "profiles_daily_limit_check" CHECK ("profiles"."daily_limit_minutes" between 1 and 1440);