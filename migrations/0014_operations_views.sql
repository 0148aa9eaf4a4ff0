-- The operations report reads other modules' tables only through these views (read-only). Each is a
-- plain projection, so a range on its time column uses the table's own index.
CREATE VIEW "analytics_src_message_verdicts" AS SELECT m.sent_at, m.scan->>'verdict' AS verdict FROM messages m;--> statement-breakpoint
CREATE VIEW "analytics_src_auto_cleared" AS SELECT a.at FROM review_auto_cleared a;--> statement-breakpoint
CREATE VIEW "analytics_src_review_decisions" AS SELECT d.at, d.decision, d.automated, d.recommendation FROM review_decisions d;--> statement-breakpoint
CREATE VIEW "analytics_src_cases" AS SELECT c.id, c.type, c.opened_at, c.closed_at FROM cases c;--> statement-breakpoint
CREATE VIEW "analytics_src_notices" AS SELECT n.kind, n.step, n.created_at FROM notices n;--> statement-breakpoint
CREATE VIEW "analytics_src_appeals" AS SELECT a.filed_at, a.outcome, a.decided_at FROM appeals a;--> statement-breakpoint
CREATE VIEW "analytics_src_commission_orders" AS
  SELECT o.created_at, o.status, o.currency, o.commission_minor, o.price_minor FROM commission_orders o;--> statement-breakpoint
CREATE VIEW "analytics_src_investigations" AS SELECT i.open, i.score FROM investigations i;--> statement-breakpoint
CREATE VIEW "analytics_src_emails" AS SELECT e.status FROM emails e;
