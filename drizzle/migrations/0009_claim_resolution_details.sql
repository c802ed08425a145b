ALTER TABLE "claims" ADD COLUMN "resolution_visit_date" date;--> statement-breakpoint
ALTER TABLE "claims" ADD COLUMN "resolution_scope" text;--> statement-breakpoint
ALTER TABLE "claims" ADD COLUMN "resolution_partial" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_resolution_scope" CHECK ("claims"."resolution_scope" is null or "claims"."resolution_scope" in ('part', 'whole'));