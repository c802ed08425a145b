CREATE TABLE "claim_uploads" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "claim_uploads_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"uploaded_by_id" uuid NOT NULL,
	"idempotency_key" text NOT NULL,
	"claim_id" bigint NOT NULL,
	"message_id" bigint,
	"attachment_ids" uuid[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "claim_messages" ADD COLUMN "idempotency_key" text;--> statement-breakpoint
ALTER TABLE "claim_uploads" ADD CONSTRAINT "claim_uploads_uploaded_by_id_users_id_fk" FOREIGN KEY ("uploaded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_uploads" ADD CONSTRAINT "claim_uploads_claim_id_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."claims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_uploads" ADD CONSTRAINT "claim_uploads_message_id_claim_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."claim_messages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "claim_uploads_idempotency_key" ON "claim_uploads" USING btree ("uploaded_by_id","idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "claim_messages_idempotency_key" ON "claim_messages" USING btree ("author_id","idempotency_key");