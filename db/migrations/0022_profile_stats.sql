CREATE TABLE "viewing_hours" (
	"profile_id" uuid NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	"title_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"seconds_watched" real DEFAULT 0 NOT NULL,
	CONSTRAINT "viewing_hours_profile_id_hour_title_id_pk" PRIMARY KEY("profile_id","hour","title_id")
);
--> statement-breakpoint
CREATE INDEX "viewing_hours_account_idx" ON "viewing_hours" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "ratings_title_idx" ON "ratings" USING btree ("title_id");--> statement-breakpoint
CREATE INDEX "watchlist_title_idx" ON "watchlist" USING btree ("title_id","added_at");--> statement-breakpoint
CREATE INDEX "streams_title_started_idx" ON "streams" USING btree ("title_id","started_at");