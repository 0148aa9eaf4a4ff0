CREATE TABLE "analytics_seen_listings" (
	"listing_id" text PRIMARY KEY NOT NULL,
	"status_changes" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analytics_seen_orders" (
	"buyer_id" text NOT NULL,
	"seller_id" text NOT NULL,
	"orders" bigint NOT NULL,
	CONSTRAINT "analytics_seen_orders_buyer_id_seller_id_pk" PRIMARY KEY("buyer_id","seller_id")
);
--> statement-breakpoint
CREATE TABLE "analytics_seen_sellers" (
	"seller_id" text PRIMARY KEY NOT NULL,
	"conversations" bigint NOT NULL,
	"messages" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analytics_seller_weeks" (
	"seller_id" text NOT NULL,
	"week" integer NOT NULL,
	"conversations" integer NOT NULL,
	"converted" integer NOT NULL,
	"contact_conversations" integer NOT NULL,
	"vanished_listings" integer NOT NULL,
	CONSTRAINT "analytics_seller_weeks_seller_id_week_pk" PRIMARY KEY("seller_id","week")
);
--> statement-breakpoint
ALTER TABLE "analytics_conversation_facts" ADD COLUMN "converted" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "analytics_conversation_facts" ADD COLUMN "listing_status" text;--> statement-breakpoint
ALTER TABLE "analytics_conversation_facts" ADD COLUMN "status_changed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "analytics_conversation_facts" ADD COLUMN "orders_between" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "analytics_conversation_facts" ADD COLUMN "score" double precision;--> statement-breakpoint
CREATE INDEX "analytics_facts_parties_idx" ON "analytics_conversation_facts" USING btree ("buyer_id","seller_id");--> statement-breakpoint
CREATE INDEX "analytics_facts_listing_idx" ON "analytics_conversation_facts" USING btree ("listing_id");