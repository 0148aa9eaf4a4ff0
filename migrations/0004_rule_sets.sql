CREATE TABLE "rule_sets" (
	"version" text PRIMARY KEY NOT NULL,
	"body" jsonb NOT NULL,
	"sha256" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" text NOT NULL,
	"active" boolean DEFAULT false NOT NULL,
	"activated_at" timestamp with time zone
);
--> statement-breakpoint
CREATE UNIQUE INDEX "rule_sets_one_active_idx" ON "rule_sets" USING btree ("active") WHERE "rule_sets"."active";