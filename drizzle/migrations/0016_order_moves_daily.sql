CREATE TABLE "order_moves_daily" (
	"kyiv_day" date NOT NULL,
	"plant_id" bigint NOT NULL,
	"status" "order_status" NOT NULL,
	"moves" integer NOT NULL,
	CONSTRAINT "order_moves_daily_kyiv_day_plant_id_status_pk" PRIMARY KEY("kyiv_day","plant_id","status")
);
--> statement-breakpoint
ALTER TABLE "order_moves_daily" ADD CONSTRAINT "order_moves_daily_plant_id_plants_id_fk" FOREIGN KEY ("plant_id") REFERENCES "public"."plants"("id") ON DELETE no action ON UPDATE no action;