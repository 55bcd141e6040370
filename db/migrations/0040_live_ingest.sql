CREATE TYPE "public"."ingest_state" AS ENUM('off_air', 'on_air');--> statement-breakpoint
CREATE TABLE "channel_ingests" (
	"channel_id" uuid PRIMARY KEY NOT NULL,
	"worker_id" text,
	"heartbeat_at" timestamp with time zone,
	"state" "ingest_state" DEFAULT 'off_air' NOT NULL,
	"since" timestamp with time zone DEFAULT now() NOT NULL,
	"width" integer,
	"height" integer,
	"fps" real,
	"bitrate_kbps" integer,
	"video_codec" text,
	"audio_codec" text,
	"renditions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"last_error" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "streams" ALTER COLUMN "kind" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "streams" ALTER COLUMN "item_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "streams" ALTER COLUMN "title_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "streams" ALTER COLUMN "asset_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "stream_key" text;--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "rtmp_port" integer;--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "source_url" text;--> statement-breakpoint
ALTER TABLE "channel_ingests" ADD CONSTRAINT "channel_ingests_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "channels_rtmp_port_key" ON "channels" USING btree ("rtmp_port");--> statement-breakpoint
CREATE UNIQUE INDEX "channels_stream_key_key" ON "channels" USING btree ("stream_key");--> statement-breakpoint
ALTER TABLE "streams" ADD CONSTRAINT "streams_item_or_channel" CHECK ("streams"."channel_id" is not null or ("streams"."kind" is not null and "streams"."item_id" is not null and "streams"."title_id" is not null and "streams"."asset_id" is not null));--> statement-breakpoint
ALTER TABLE "channels" ADD CONSTRAINT "channels_rtmp_port_range" CHECK ("channels"."rtmp_port" between 1 and 65535);