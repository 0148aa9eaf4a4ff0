CREATE TABLE "commission_disputes" (
	"case_id" text PRIMARY KEY NOT NULL,
	"commission_order_id" text NOT NULL,
	"reason" text NOT NULL,
	"filed_by_type" text NOT NULL,
	"filed_by_id" text NOT NULL,
	"filed_at" timestamp with time zone NOT NULL,
	"outcome" text,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"previous_commission_minor" bigint
);
--> statement-breakpoint
CREATE TABLE "commission_orders" (
	"id" text PRIMARY KEY NOT NULL,
	"case_id" text NOT NULL,
	"seller_id" text NOT NULL,
	"buyer_id" text NOT NULL,
	"listing_id" text,
	"conversation_id" text NOT NULL,
	"lead_first_seen_at" timestamp with time zone NOT NULL,
	"sale_date" timestamp with time zone,
	"price_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"price_source" text NOT NULL,
	"tier" text NOT NULL,
	"rate_bps" integer NOT NULL,
	"commission_minor" bigint NOT NULL,
	"status" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"violation_id" text,
	"notice_email_id" text,
	"cancel_reason" text,
	"idempotency_key" text,
	"issued_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "investigation_artefacts" (
	"evidence_id" text PRIMARY KEY NOT NULL,
	"case_id" text NOT NULL,
	"artefact_type" text NOT NULL,
	"declared_by_type" text NOT NULL,
	"declared_by_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "investigations" (
	"case_id" text PRIMARY KEY NOT NULL,
	"conversation_id" text NOT NULL,
	"seller_id" text NOT NULL,
	"buyer_id" text NOT NULL,
	"listing_id" text,
	"open" boolean NOT NULL,
	"score" real NOT NULL,
	"signals" jsonb NOT NULL,
	"first_contact_at" timestamp with time zone,
	"outcome" text,
	"dismiss_reason" text,
	"opened_at" timestamp with time zone NOT NULL,
	"scored_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "commission_disputes_order_idx" ON "commission_disputes" USING btree ("commission_order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "commission_disputes_one_open_idx" ON "commission_disputes" USING btree ("commission_order_id") WHERE "commission_disputes"."outcome" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "commission_orders_case_idx" ON "commission_orders" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "commission_orders_idempotency_idx" ON "commission_orders" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "commission_orders_listing_buyer_idx" ON "commission_orders" USING btree ("listing_id","buyer_id");--> statement-breakpoint
CREATE INDEX "commission_orders_seller_idx" ON "commission_orders" USING btree ("seller_id");--> statement-breakpoint
CREATE INDEX "investigation_artefacts_case_idx" ON "investigation_artefacts" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "investigations_one_open_idx" ON "investigations" USING btree ("conversation_id") WHERE "investigations"."open";--> statement-breakpoint
CREATE INDEX "investigations_seller_idx" ON "investigations" USING btree ("seller_id");--> statement-breakpoint
CREATE INDEX "investigations_buyer_idx" ON "investigations" USING btree ("buyer_id");--> statement-breakpoint
CREATE INDEX "investigations_score_idx" ON "investigations" USING btree ("open","score");