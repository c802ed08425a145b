ALTER TABLE "users" ADD COLUMN "invited_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "invited_by_id" uuid;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "invitation_accepted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_invited_by_id_users_id_fk" FOREIGN KEY ("invited_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "user_tokens_user_idx" ON "user_tokens" USING btree ("user_id","purpose");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_pending_invitation_inactive" CHECK (not ("users"."invited_at" is not null and "users"."invitation_accepted_at" is null and "users"."active"));--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_acceptance_needs_invitation" CHECK ("users"."invitation_accepted_at" is null or "users"."invited_at" is not null);