ALTER TABLE "channel_ingests" ADD COLUMN "refused_pushes" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "channel_ingests" ADD COLUMN "last_refused_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "channel_ingests" ADD COLUMN "last_refused_address" text;--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "maturity_rating" text;--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "maturity_level" smallint;--> statement-breakpoint
ALTER TABLE "channels" ADD CONSTRAINT "channels_maturity_rated" CHECK (("channels"."maturity_rating" is null) = ("channels"."maturity_level" is null));