CREATE TYPE "public"."title_access" AS ENUM('subscription', 'rent_or_buy', 'premium_early_access', 'free');--> statement-breakpoint
CREATE TYPE "public"."offer_kind" AS ENUM('rent', 'buy');--> statement-breakpoint
CREATE TYPE "public"."purchase_status" AS ENUM('active', 'ended', 'refunded');--> statement-breakpoint
CREATE TABLE "purchases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"title_id" uuid NOT NULL,
	"kind" "offer_kind" NOT NULL,
	"status" "purchase_status" DEFAULT 'active' NOT NULL,
	"price_cents" integer NOT NULL,
	"currency" text NOT NULL,
	"rental_hours" integer,
	"start_by" timestamp with time zone,
	"rental_started_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"provider" text NOT NULL,
	"stripe_checkout_session_id" text,
	"stripe_payment_intent_id" text,
	"purchased_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	"refunded_at" timestamp with time zone,
	CONSTRAINT "purchases_stripe_checkout_session_id_unique" UNIQUE("stripe_checkout_session_id"),
	CONSTRAINT "purchases_rental_check" CHECK ("purchases"."kind" = 'buy' or ("purchases"."rental_hours" > 0 and "purchases"."start_by" is not null))
);
--> statement-breakpoint
CREATE TABLE "title_offers" (
	"title_id" uuid NOT NULL,
	"kind" "offer_kind" NOT NULL,
	"price_cents" integer NOT NULL,
	"currency" text DEFAULT 'usd' NOT NULL,
	"rental_hours" integer,
	"start_within_days" integer,
	CONSTRAINT "title_offers_title_id_kind_pk" PRIMARY KEY("title_id","kind"),
	CONSTRAINT "title_offers_price_check" CHECK ("title_offers"."price_cents" > 0),
	CONSTRAINT "title_offers_window_check" CHECK (case "title_offers"."kind" when 'rent' then "title_offers"."rental_hours" > 0 and "title_offers"."start_within_days" > 0 else "title_offers"."rental_hours" is null and "title_offers"."start_within_days" is null end)
);
--> statement-breakpoint
ALTER TABLE "titles" ADD COLUMN "access" "title_access" DEFAULT 'subscription' NOT NULL;--> statement-breakpoint
ALTER TABLE "billing_invoices" ADD COLUMN "purchase_id" uuid;--> statement-breakpoint
ALTER TABLE "purchases" ADD CONSTRAINT "purchases_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchases" ADD CONSTRAINT "purchases_title_id_titles_id_fk" FOREIGN KEY ("title_id") REFERENCES "public"."titles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "title_offers" ADD CONSTRAINT "title_offers_title_id_titles_id_fk" FOREIGN KEY ("title_id") REFERENCES "public"."titles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "purchases_one_active_key" ON "purchases" USING btree ("account_id","title_id") WHERE "purchases"."status" = 'active';--> statement-breakpoint
CREATE INDEX "purchases_account_idx" ON "purchases" USING btree ("account_id","purchased_at");--> statement-breakpoint
CREATE INDEX "purchases_payment_intent_idx" ON "purchases" USING btree ("stripe_payment_intent_id");--> statement-breakpoint
CREATE INDEX "purchases_purchased_idx" ON "purchases" USING btree ("purchased_at");--> statement-breakpoint
ALTER TABLE "billing_invoices" ADD CONSTRAINT "billing_invoices_purchase_id_purchases_id_fk" FOREIGN KEY ("purchase_id") REFERENCES "public"."purchases"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "titles_access_idx" ON "titles" USING btree ("access") WHERE "titles"."access" <> 'subscription';