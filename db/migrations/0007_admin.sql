CREATE TYPE "public"."upload_status" AS ENUM('receiving', 'complete', 'failed');--> statement-breakpoint
CREATE TABLE "uploads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid,
	"filename" text NOT NULL,
	"content_type" text,
	"length" bigint NOT NULL,
	"received_bytes" bigint DEFAULT 0 NOT NULL,
	"status" "upload_status" DEFAULT 'receiving' NOT NULL,
	"title_id" uuid,
	"episode_id" uuid,
	"asset_id" uuid,
	"job_id" uuid,
	"error" text,
	"lease_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "viewing_days" (
	"day" date NOT NULL,
	"profile_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"kind" "progress_kind" NOT NULL,
	"title_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"seconds_watched" real DEFAULT 0 NOT NULL,
	"completed" boolean DEFAULT false NOT NULL,
	CONSTRAINT "viewing_days_day_profile_id_item_id_pk" PRIMARY KEY("day","profile_id","item_id")
);
--> statement-breakpoint
CREATE TABLE "viewing_positions" (
	"profile_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"position_seconds" real NOT NULL,
	"watched" boolean NOT NULL,
	"seen_updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "viewing_positions_profile_id_item_id_pk" PRIMARY KEY("profile_id","item_id")
);
--> statement-breakpoint
ALTER TABLE "uploads" ADD CONSTRAINT "uploads_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "uploads_stale_idx" ON "uploads" USING btree ("updated_at") WHERE "uploads"."status" = 'receiving';--> statement-breakpoint
CREATE INDEX "viewing_days_title_idx" ON "viewing_days" USING btree ("title_id","day");