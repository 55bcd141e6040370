ALTER TYPE "public"."security_event_kind" ADD VALUE 'sso_sign_in';--> statement-breakpoint
ALTER TYPE "public"."security_event_kind" ADD VALUE 'identity_linked';--> statement-breakpoint
ALTER TYPE "public"."security_event_kind" ADD VALUE 'identity_unlinked';--> statement-breakpoint
CREATE TABLE "account_identities" (
	"provider" text NOT NULL,
	"subject" text NOT NULL,
	"account_id" uuid NOT NULL,
	"email" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "account_identities_provider_subject_pk" PRIMARY KEY("provider","subject")
);
--> statement-breakpoint
ALTER TABLE "accounts" ALTER COLUMN "password_hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "security_events" ADD COLUMN "detail" text;--> statement-breakpoint
ALTER TABLE "account_identities" ADD CONSTRAINT "account_identities_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "account_identities_account_provider_key" ON "account_identities" USING btree ("account_id","provider");