CREATE TABLE "case_evidence" (
	"id" text PRIMARY KEY NOT NULL,
	"case_id" text NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"added_by_type" text NOT NULL,
	"added_by_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_notes" (
	"id" text PRIMARY KEY NOT NULL,
	"case_id" text NOT NULL,
	"author_type" text NOT NULL,
	"author_id" text NOT NULL,
	"body" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_timeline" (
	"id" text PRIMARY KEY NOT NULL,
	"case_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_type" text NOT NULL,
	"actor_id" text NOT NULL,
	"kind" text NOT NULL,
	"data" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" text PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"status" text NOT NULL,
	"priority" smallint NOT NULL,
	"queue" text NOT NULL,
	"assignee_id" text,
	"seller_id" text,
	"buyer_id" text,
	"listing_id" text,
	"order_id" text,
	"conversation_id" text,
	"message_id" text,
	"title" text NOT NULL,
	"jurisdiction" text NOT NULL,
	"sla_due_at" timestamp with time zone NOT NULL,
	"first_response_due_at" timestamp with time zone NOT NULL,
	"first_response_at" timestamp with time zone,
	"opened_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"idempotency_key" text
);
--> statement-breakpoint
CREATE TABLE "queue_grants" (
	"queue" text NOT NULL,
	"vendor_org_id" text NOT NULL,
	"granted_at" timestamp with time zone NOT NULL,
	"granted_by_type" text NOT NULL,
	"granted_by_id" text NOT NULL,
	CONSTRAINT "queue_grants_queue_vendor_org_id_pk" PRIMARY KEY("queue","vendor_org_id")
);
--> statement-breakpoint
ALTER TABLE "case_evidence" ADD CONSTRAINT "case_evidence_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_notes" ADD CONSTRAINT "case_notes_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_timeline" ADD CONSTRAINT "case_timeline_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_evidence_case_idx" ON "case_evidence" USING btree ("case_id","at");--> statement-breakpoint
CREATE INDEX "case_notes_case_idx" ON "case_notes" USING btree ("case_id","at");--> statement-breakpoint
CREATE INDEX "case_timeline_case_idx" ON "case_timeline" USING btree ("case_id","at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_idempotency_key_idx" ON "cases" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "cases_opened_idx" ON "cases" USING btree ("opened_at","id");--> statement-breakpoint
CREATE INDEX "cases_sla_idx" ON "cases" USING btree ("sla_due_at","id");--> statement-breakpoint
CREATE INDEX "cases_priority_idx" ON "cases" USING btree ("priority","id");--> statement-breakpoint
CREATE INDEX "cases_queue_idx" ON "cases" USING btree ("queue","opened_at");--> statement-breakpoint
CREATE INDEX "cases_type_status_idx" ON "cases" USING btree ("type","status");--> statement-breakpoint
CREATE INDEX "cases_assignee_idx" ON "cases" USING btree ("assignee_id");--> statement-breakpoint
CREATE INDEX "cases_open_idx" ON "cases" USING btree ("queue","sla_due_at") WHERE "cases"."closed_at" IS NULL;--> statement-breakpoint
CREATE INDEX "cases_seller_idx" ON "cases" USING btree ("seller_id");--> statement-breakpoint
CREATE INDEX "cases_buyer_idx" ON "cases" USING btree ("buyer_id");--> statement-breakpoint
CREATE INDEX "cases_listing_idx" ON "cases" USING btree ("listing_id");--> statement-breakpoint
CREATE INDEX "cases_order_idx" ON "cases" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "cases_conversation_idx" ON "cases" USING btree ("conversation_id");--> statement-breakpoint
CREATE INDEX "cases_message_idx" ON "cases" USING btree ("message_id");--> statement-breakpoint
CREATE INDEX "queue_grants_org_idx" ON "queue_grants" USING btree ("vendor_org_id");