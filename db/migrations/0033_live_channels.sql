CREATE TYPE "public"."channel_kind" AS ENUM('linear', 'live');--> statement-breakpoint
CREATE TABLE "channel_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"channel_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" "progress_kind" NOT NULL,
	"title_id" uuid NOT NULL,
	"episode_id" uuid,
	CONSTRAINT "channel_items_episode_kind" CHECK (("channel_items"."kind" = 'episode') = ("channel_items"."episode_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "channels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" integer NOT NULL,
	"name" text NOT NULL,
	"kind" "channel_kind" DEFAULT 'linear' NOT NULL,
	"logo_url" text,
	"schedule_starts_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "channels_number_positive" CHECK ("channels"."number" between 1 and 9999)
);
--> statement-breakpoint
ALTER TABLE "streams" ADD COLUMN "channel_id" uuid;--> statement-breakpoint
ALTER TABLE "channel_items" ADD CONSTRAINT "channel_items_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_items" ADD CONSTRAINT "channel_items_title_id_titles_id_fk" FOREIGN KEY ("title_id") REFERENCES "public"."titles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_items" ADD CONSTRAINT "channel_items_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "channel_items_position_key" ON "channel_items" USING btree ("channel_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "channels_number_key" ON "channels" USING btree ("number");--> statement-breakpoint
ALTER TABLE "streams" ADD CONSTRAINT "streams_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE cascade ON UPDATE no action;