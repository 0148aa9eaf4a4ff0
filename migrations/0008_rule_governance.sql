CREATE TABLE "automatic_violations" (
	"case_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"rules" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "automation_circuit" (
	"id" text PRIMARY KEY NOT NULL,
	"open" boolean NOT NULL,
	"opened_at" timestamp with time zone,
	"reason" text,
	"closed_by" text,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "rule_firings" (
	"day" date NOT NULL,
	"rule_id" text NOT NULL,
	"shadow" boolean NOT NULL,
	"hits" integer NOT NULL,
	"messages" integer NOT NULL,
	CONSTRAINT "rule_firings_day_rule_id_shadow_pk" PRIMARY KEY("day","rule_id","shadow")
);
--> statement-breakpoint
CREATE TABLE "rule_outcomes" (
	"case_id" text NOT NULL,
	"rule_id" text NOT NULL,
	"outcome" text NOT NULL,
	"reviewer_id" text NOT NULL,
	"vendor" boolean NOT NULL,
	"decided_at" timestamp with time zone NOT NULL,
	CONSTRAINT "rule_outcomes_case_id_rule_id_pk" PRIMARY KEY("case_id","rule_id")
);
--> statement-breakpoint
CREATE TABLE "rule_set_activation_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"version" text NOT NULL,
	"status" text NOT NULL,
	"reason" text NOT NULL,
	"requested_by" text NOT NULL,
	"requested_by_name" text NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"decision_note" text
);
--> statement-breakpoint
CREATE TABLE "rule_set_activations" (
	"seq" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "rule_set_activations_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"version" text NOT NULL,
	"previous_version" text NOT NULL,
	"how" text NOT NULL,
	"request_id" text,
	"by" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rule_switches" (
	"rule_id" text PRIMARY KEY NOT NULL,
	"disabled" boolean NOT NULL,
	"reason" text NOT NULL,
	"changed_by" text NOT NULL,
	"changed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "automatic_violations_at_idx" ON "automatic_violations" USING btree ("at");--> statement-breakpoint
CREATE INDEX "rule_outcomes_rule_at_idx" ON "rule_outcomes" USING btree ("rule_id","decided_at");--> statement-breakpoint
CREATE INDEX "rule_set_activation_requests_status_idx" ON "rule_set_activation_requests" USING btree ("status","requested_at");