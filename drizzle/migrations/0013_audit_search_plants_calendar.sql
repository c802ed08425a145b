CREATE TABLE "claim_calendar" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"work_days" jsonb NOT NULL,
	"open_minute" smallint NOT NULL,
	"close_minute" smallint NOT NULL,
	"public_holidays" boolean NOT NULL,
	"extra_holidays" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"extra_working_days" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_by_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "claim_calendar_single_row" CHECK ("claim_calendar"."id" = 1),
	CONSTRAINT "claim_calendar_hours" CHECK ("claim_calendar"."open_minute" between 0 and 1439 and "claim_calendar"."close_minute" > "claim_calendar"."open_minute" and "claim_calendar"."close_minute" <= 1440)
);
--> statement-breakpoint
ALTER TABLE "claim_calendar" ADD CONSTRAINT "claim_calendar_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "plants_one_main_key" ON "plants" USING btree ("is_main") WHERE "plants"."is_main";--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at","id");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_action_idx" ON "audit_log" USING btree ("action","at");