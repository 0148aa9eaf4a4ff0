CREATE TABLE "review_auto_cleared" (
	"message_id" text PRIMARY KEY NOT NULL,
	"conversation_id" text NOT NULL,
	"score" real NOT NULL,
	"rules" jsonb NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_cases" (
	"case_id" text PRIMARY KEY NOT NULL,
	"conversation_id" text NOT NULL,
	"seller_id" text NOT NULL,
	"buyer_id" text NOT NULL,
	"open" boolean NOT NULL,
	"lang" text NOT NULL,
	"max_score" real NOT NULL,
	"kinds" jsonb NOT NULL,
	"rules" jsonb NOT NULL,
	"message_ids" jsonb NOT NULL,
	"first_flagged_at" timestamp with time zone NOT NULL,
	"last_flagged_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_decisions" (
	"id" text PRIMARY KEY NOT NULL,
	"case_id" text NOT NULL,
	"conversation_id" text NOT NULL,
	"seller_id" text NOT NULL,
	"buyer_id" text NOT NULL,
	"reviewer_id" text NOT NULL,
	"reviewer_role" text NOT NULL,
	"vendor_org_id" text,
	"decision" text NOT NULL,
	"clause_id" text,
	"reason" text,
	"note" text,
	"rules" jsonb NOT NULL,
	"rule_set_version" text,
	"automated" boolean NOT NULL,
	"recommendation" boolean NOT NULL,
	"confirmed_by" text,
	"reversed_by" text,
	"resolved_at" timestamp with time zone,
	"resolved_decision_id" text,
	"at" timestamp with time zone NOT NULL,
	"fence" integer
);
--> statement-breakpoint
CREATE TABLE "review_leases" (
	"case_id" text PRIMARY KEY NOT NULL,
	"fence" bigint NOT NULL,
	"token" text NOT NULL,
	"reviewer_id" text NOT NULL,
	"reviewer_kind" text NOT NULL,
	"vendor_org_id" text,
	"claimed_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"released_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "review_auto_cleared_at_idx" ON "review_auto_cleared" USING btree ("at");--> statement-breakpoint
CREATE UNIQUE INDEX "review_cases_one_open_idx" ON "review_cases" USING btree ("conversation_id") WHERE "review_cases"."open";--> statement-breakpoint
CREATE INDEX "review_cases_seller_idx" ON "review_cases" USING btree ("seller_id","open");--> statement-breakpoint
CREATE INDEX "review_cases_open_lang_idx" ON "review_cases" USING btree ("open","lang");--> statement-breakpoint
CREATE INDEX "review_decisions_case_idx" ON "review_decisions" USING btree ("case_id","at");--> statement-breakpoint
CREATE INDEX "review_decisions_seller_idx" ON "review_decisions" USING btree ("seller_id","at");--> statement-breakpoint
CREATE INDEX "review_decisions_pair_idx" ON "review_decisions" USING btree ("seller_id","buyer_id");--> statement-breakpoint
CREATE INDEX "review_decisions_vendor_idx" ON "review_decisions" USING btree ("vendor_org_id","at");