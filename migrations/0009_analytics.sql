CREATE TABLE "analytics_contact_conversations" (
	"conversation_id" text PRIMARY KEY NOT NULL,
	"seller_id" text NOT NULL,
	"buyer_id" text NOT NULL,
	"listing_id" text,
	"first_message_at" timestamp with time zone,
	"last_message_at" timestamp with time zone,
	"contact_at" timestamp with time zone NOT NULL,
	"contact_message_id" text,
	"contact_kinds" text NOT NULL,
	"listing_status" text,
	"status_changed_at" timestamp with time zone,
	"orders_between" integer NOT NULL,
	"score" double precision NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analytics_conversation_facts" (
	"conversation_id" text PRIMARY KEY NOT NULL,
	"seller_id" text NOT NULL,
	"buyer_id" text NOT NULL,
	"listing_id" text,
	"first_message_at" timestamp with time zone,
	"last_message_at" timestamp with time zone,
	"message_count" integer NOT NULL,
	"contact_at" timestamp with time zone,
	"contact_message_id" text,
	"contact_kinds" text
);
--> statement-breakpoint
CREATE TABLE "analytics_refreshes" (
	"id" text PRIMARY KEY NOT NULL,
	"refreshed_at" timestamp with time zone NOT NULL,
	"window_from" timestamp with time zone NOT NULL,
	"window_to" timestamp with time zone NOT NULL,
	"window_days" integer NOT NULL,
	"status_change_days" integer NOT NULL,
	"conversion_days" integer NOT NULL,
	"facts_updated" bigint NOT NULL,
	"sellers" integer NOT NULL,
	"duration_ms" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analytics_seller_scores" (
	"seller_id" text PRIMARY KEY NOT NULL,
	"rank" integer NOT NULL,
	"name" text,
	"country" text,
	"category" text,
	"peer_level" text NOT NULL,
	"peer_size" integer NOT NULL,
	"conversations" integer NOT NULL,
	"converted" integer NOT NULL,
	"contact_conversations" integer NOT NULL,
	"vanished_listings" integer NOT NULL,
	"conversion_rate" double precision NOT NULL,
	"conversion_percentile" double precision NOT NULL,
	"conversion_z" double precision NOT NULL,
	"contact_share" double precision NOT NULL,
	"contact_percentile" double precision NOT NULL,
	"contact_z" double precision NOT NULL,
	"vanished_rate" double precision NOT NULL,
	"vanished_percentile" double precision NOT NULL,
	"vanished_z" double precision NOT NULL,
	"risk_score" double precision NOT NULL
);
--> statement-breakpoint
CREATE INDEX "analytics_contact_seller_idx" ON "analytics_contact_conversations" USING btree ("seller_id","score");--> statement-breakpoint
CREATE INDEX "analytics_facts_seller_idx" ON "analytics_conversation_facts" USING btree ("seller_id","first_message_at");--> statement-breakpoint
CREATE INDEX "analytics_facts_first_idx" ON "analytics_conversation_facts" USING btree ("first_message_at");--> statement-breakpoint
CREATE INDEX "analytics_scores_rank_idx" ON "analytics_seller_scores" USING btree ("rank");--> statement-breakpoint
-- Analytics reads other modules' tables only through these views (read-only; analytics never writes
-- the marketplace's tables). Hand-written below drizzle-kit's output: drizzle does not model them.
CREATE VIEW "analytics_src_sellers" AS SELECT s.id, s.name, s.country FROM sellers s;--> statement-breakpoint
CREATE VIEW "analytics_src_listings" AS SELECT l.id, l.seller_id, l.category, l.title FROM listings l;--> statement-breakpoint
CREATE VIEW "analytics_src_conversations" AS
  SELECT c.id, c.seller_id, c.buyer_id, c.listing_id, c.first_message_at, c.last_message_at, c.message_count FROM conversations c;--> statement-breakpoint
CREATE VIEW "analytics_src_orders" AS
  SELECT o.id, o.buyer_id, o.seller_id, o.listing_id, o.created_at, o.status FROM orders o;--> statement-breakpoint
CREATE VIEW "analytics_src_listing_status" AS
  SELECT e.listing_id, e.status, e.occurred_at FROM listing_events e
  WHERE e.type = 'status_changed' AND e.status IN ('sold', 'removed', 'on_hold');--> statement-breakpoint
-- Messages whose stored scan has a contact hit, with the contact kinds found (cleared hits count too:
-- a reviewer clearing a hit says it broke no rule, not that no contact changed hands).
CREATE VIEW "analytics_src_contact_messages" AS
  SELECT m.conversation_id, m.id, m.sent_at, k.kinds
  FROM messages m
  CROSS JOIN LATERAL (
    SELECT string_agg(DISTINCT h->>'kind', ',' ORDER BY h->>'kind') AS kinds
    FROM jsonb_array_elements(m.scan->'hits') h
    WHERE h->>'kind' IN ('phone', 'email', 'url', 'handle', 'iban', 'payment')
  ) k
  WHERE m.scan IS NOT NULL AND m.scan->'hits' <> '[]'::jsonb AND k.kinds IS NOT NULL;
