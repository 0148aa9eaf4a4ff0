CREATE TABLE "emails" (
	"id" text PRIMARY KEY NOT NULL,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"text_body" text NOT NULL,
	"html_body" text NOT NULL,
	"lang" text,
	"ref_type" text NOT NULL,
	"ref_id" text NOT NULL,
	"status" text NOT NULL,
	"attempts" integer NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"lease_expires_at" timestamp with time zone,
	"last_error" text,
	"last_attempt_at" timestamp with time zone,
	"smtp_message_id" text,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "outbox_events" ADD COLUMN "after_email_id" text;--> statement-breakpoint
CREATE INDEX "emails_ref_idx" ON "emails" USING btree ("ref_type","ref_id","id");--> statement-breakpoint
CREATE INDEX "emails_due_idx" ON "emails" USING btree ("next_attempt_at") WHERE "emails"."status" IN ('queued', 'failed');--> statement-breakpoint
CREATE INDEX "emails_lease_idx" ON "emails" USING btree ("lease_expires_at") WHERE "emails"."status" = 'sending';--> statement-breakpoint
CREATE INDEX "emails_status_idx" ON "emails" USING btree ("status","id");