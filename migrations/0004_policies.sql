CREATE TABLE "policy_clauses" (
	"slug" text NOT NULL,
	"version" integer NOT NULL,
	"clause_id" text NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"text" text NOT NULL,
	CONSTRAINT "policy_clauses_slug_version_clause_id_pk" PRIMARY KEY("slug","version","clause_id")
);
--> statement-breakpoint
CREATE TABLE "policy_documents" (
	"slug" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy_versions" (
	"slug" text NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"effective_from" timestamp with time zone NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"published_by" text NOT NULL,
	CONSTRAINT "policy_versions_slug_version_pk" PRIMARY KEY("slug","version")
);
--> statement-breakpoint
ALTER TABLE "policy_clauses" ADD CONSTRAINT "policy_clauses_version_fk" FOREIGN KEY ("slug","version") REFERENCES "public"."policy_versions"("slug","version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_versions" ADD CONSTRAINT "policy_versions_slug_policy_documents_slug_fk" FOREIGN KEY ("slug") REFERENCES "public"."policy_documents"("slug") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "policy_clauses_clause_idx" ON "policy_clauses" USING btree ("clause_id","version");