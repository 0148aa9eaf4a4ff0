CREATE INDEX "cases_closed_idx" ON "cases" USING btree ("closed_at") WHERE "cases"."closed_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "appeals_filed_idx" ON "appeals" USING btree ("filed_at");--> statement-breakpoint
CREATE INDEX "notices_created_idx" ON "notices" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "commission_orders_created_idx" ON "commission_orders" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "messages_sent_idx" ON "messages" USING btree ("sent_at");--> statement-breakpoint
CREATE INDEX "review_decisions_at_idx" ON "review_decisions" USING btree ("at");