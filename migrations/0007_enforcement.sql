CREATE TABLE "appeals" (
	"case_id" text PRIMARY KEY NOT NULL,
	"violation_id" text NOT NULL,
	"seller_id" text NOT NULL,
	"reason" text NOT NULL,
	"filed_by_type" text NOT NULL,
	"filed_by_id" text NOT NULL,
	"filed_at" timestamp with time zone NOT NULL,
	"outcome" text,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "notices" (
	"id" text PRIMARY KEY NOT NULL,
	"seller_id" text NOT NULL,
	"violation_id" text NOT NULL,
	"appeal_case_id" text,
	"kind" text NOT NULL,
	"step" integer,
	"lang" text NOT NULL,
	"to_email" text,
	"subject" text NOT NULL,
	"text" text NOT NULL,
	"html" text NOT NULL,
	"sor" jsonb,
	"email_id" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "restrictions" (
	"id" text PRIMARY KEY NOT NULL,
	"seller_id" text NOT NULL,
	"violation_id" text NOT NULL,
	"kind" text NOT NULL,
	"applied_at" timestamp with time zone NOT NULL,
	"effective_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone,
	"lifted_at" timestamp with time zone,
	"lifted_by" text
);
--> statement-breakpoint
CREATE TABLE "violations" (
	"id" text PRIMARY KEY NOT NULL,
	"seller_id" text NOT NULL,
	"clause_id" text NOT NULL,
	"policy_version" integer NOT NULL,
	"clause_title" text NOT NULL,
	"clause_text" text NOT NULL,
	"severity" text NOT NULL,
	"case_id" text NOT NULL,
	"conversation_id" text,
	"message_ids" jsonb NOT NULL,
	"excerpts" jsonb NOT NULL,
	"excerpts_sha256" text NOT NULL,
	"decided_by" text NOT NULL,
	"automated_detection" boolean NOT NULL,
	"automated_decision" boolean NOT NULL,
	"step" integer NOT NULL,
	"step_name" text NOT NULL,
	"decided_at" timestamp with time zone NOT NULL,
	"strike_expires_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"overturned_at" timestamp with time zone,
	"overturned_by" text
);
--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_violation_id_violations_id_fk" FOREIGN KEY ("violation_id") REFERENCES "public"."violations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_violation_id_violations_id_fk" FOREIGN KEY ("violation_id") REFERENCES "public"."violations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "restrictions" ADD CONSTRAINT "restrictions_violation_id_violations_id_fk" FOREIGN KEY ("violation_id") REFERENCES "public"."violations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "appeals_one_open_idx" ON "appeals" USING btree ("violation_id") WHERE outcome IS NULL;--> statement-breakpoint
CREATE INDEX "appeals_seller_idx" ON "appeals" USING btree ("seller_id");--> statement-breakpoint
CREATE INDEX "notices_seller_idx" ON "notices" USING btree ("seller_id","created_at");--> statement-breakpoint
CREATE INDEX "notices_violation_idx" ON "notices" USING btree ("violation_id");--> statement-breakpoint
CREATE INDEX "restrictions_seller_idx" ON "restrictions" USING btree ("seller_id");--> statement-breakpoint
CREATE INDEX "restrictions_violation_idx" ON "restrictions" USING btree ("violation_id");--> statement-breakpoint
CREATE INDEX "violations_seller_idx" ON "violations" USING btree ("seller_id","decided_at");--> statement-breakpoint
CREATE INDEX "violations_case_idx" ON "violations" USING btree ("case_id");