CREATE TABLE "finance_settings" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"lookback_months" smallint NOT NULL,
	"grace_days" smallint NOT NULL,
	"hesitant_avg_days" smallint NOT NULL,
	"hesitant_late_percent" smallint NOT NULL,
	"unreliable_avg_days" smallint NOT NULL,
	"unreliable_late_percent" smallint NOT NULL,
	"updated_by_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "finance_settings_single_row" CHECK ("finance_settings"."id" = 1),
	CONSTRAINT "finance_settings_ranges" CHECK ("finance_settings"."lookback_months" between 1 and 36 and "finance_settings"."grace_days" between 0 and 60
        and "finance_settings"."hesitant_avg_days" between 0 and 365 and "finance_settings"."unreliable_avg_days" between "finance_settings"."hesitant_avg_days" and 365
        and "finance_settings"."hesitant_late_percent" between 0 and 100 and "finance_settings"."unreliable_late_percent" between "finance_settings"."hesitant_late_percent" and 100)
);
--> statement-breakpoint
CREATE TABLE "payment_reminders" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "payment_reminders_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"dealer_id" bigint NOT NULL,
	"sent_by_id" uuid NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"overdue" numeric(14, 2) NOT NULL,
	"currency" text NOT NULL,
	"oldest_due_date" date,
	"recipients" smallint NOT NULL,
	"notified" smallint NOT NULL,
	"locale" "locale" NOT NULL,
	"title" text NOT NULL,
	"text" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "finance_settings" ADD CONSTRAINT "finance_settings_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_reminders" ADD CONSTRAINT "payment_reminders_dealer_id_dealers_id_fk" FOREIGN KEY ("dealer_id") REFERENCES "public"."dealers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_reminders" ADD CONSTRAINT "payment_reminders_sent_by_id_users_id_fk" FOREIGN KEY ("sent_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "payment_reminders_dealer_sent_idx" ON "payment_reminders" USING btree ("dealer_id","sent_at");