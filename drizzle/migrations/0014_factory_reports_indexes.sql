CREATE INDEX "order_status_history_status_at_idx" ON "order_status_history" USING btree ("status","occurred_at","order_id");--> statement-breakpoint
CREATE INDEX "orders_plant_status_idx" ON "orders" USING btree ("plant_id","status","id");--> statement-breakpoint
CREATE INDEX "shipments_delivered_at_idx" ON "shipments" USING btree ("delivered_at");