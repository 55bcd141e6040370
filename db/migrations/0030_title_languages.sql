ALTER TABLE "titles" ADD COLUMN "original_language" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "titles" ADD COLUMN "audio_languages" text[] DEFAULT '{en}'::text[] NOT NULL;--> statement-breakpoint
CREATE INDEX "titles_audio_languages_idx" ON "titles" USING gin ("audio_languages");