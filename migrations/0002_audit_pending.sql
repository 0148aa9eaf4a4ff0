CREATE TABLE "audit_pending" (
	"pos" bigserial PRIMARY KEY NOT NULL,
	"id" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_type" text NOT NULL,
	"actor_id" text NOT NULL,
	"action" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text NOT NULL,
	"fields" jsonb NOT NULL,
	"data_hash" text NOT NULL,
	CONSTRAINT "audit_pending_id_unique" UNIQUE("id")
);
