-- Keeps order_moves_daily (the moves of orders per Kyiv day, plant and status, which the orders
-- report of /factory/reports reads instead of the events: lib/reports/factory.ts) exact in the
-- same transaction as order_status_history. The day is the factory's (Europe/Kyiv: an event at
-- 23:30 UTC belongs to the next day), the plant is the order's current one, and every event
-- counts (also one recorded only). Statement-level triggers with transition tables: a batch of
-- events costs one grouped upsert, not one per event. The rows are upserted in key order, so two
-- transactions counting the same days wait for each other instead of deadlocking.
--
-- The plant is looked up per row through orders' primary key (a subquery, not a join: a batch of
-- a hundred events must not make the planner scan every order).
--
-- A history row is read with its order's plant: the sync writes history only after locking the
-- order row (select ... for update), and a change of plant updates that row, so the two never
-- interleave; the count of a change of plant or of a deleted order is moved with the order.
CREATE OR REPLACE FUNCTION order_moves_daily_inserted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO order_moves_daily (kyiv_day, plant_id, status, moves)
  SELECT kyiv_day, plant_id, status, count(*)::int
  FROM (
    SELECT (h.occurred_at AT TIME ZONE 'Europe/Kyiv')::date AS kyiv_day, (SELECT o.plant_id FROM orders o WHERE o.id = h.order_id) AS plant_id, h.status
    FROM order_moves_added h
  ) m
  GROUP BY 1, 2, 3
  ORDER BY 1, 2, 3
  ON CONFLICT (kyiv_day, plant_id, status) DO UPDATE SET moves = order_moves_daily.moves + excluded.moves;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- History is append-only in the portal; a row changed or deleted by hand still keeps the counts.
-- A row deleted with its order is left to the order's trigger below (its order is gone here).
CREATE OR REPLACE FUNCTION order_moves_daily_deleted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO order_moves_daily (kyiv_day, plant_id, status, moves)
  SELECT kyiv_day, plant_id, status, -count(*)::int
  FROM (
    SELECT (h.occurred_at AT TIME ZONE 'Europe/Kyiv')::date AS kyiv_day, (SELECT o.plant_id FROM orders o WHERE o.id = h.order_id) AS plant_id, h.status
    FROM order_moves_removed h
  ) m
  WHERE plant_id IS NOT NULL
  GROUP BY 1, 2, 3
  ORDER BY 1, 2, 3
  ON CONFLICT (kyiv_day, plant_id, status) DO UPDATE SET moves = order_moves_daily.moves + excluded.moves;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION order_moves_daily_updated() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO order_moves_daily (kyiv_day, plant_id, status, moves)
  SELECT kyiv_day, plant_id, status, sum(n)::int
  FROM (
    SELECT (h.occurred_at AT TIME ZONE 'Europe/Kyiv')::date AS kyiv_day, (SELECT o.plant_id FROM orders o WHERE o.id = h.order_id) AS plant_id, h.status, 1 AS n
    FROM order_moves_added h
    UNION ALL
    SELECT (h.occurred_at AT TIME ZONE 'Europe/Kyiv')::date, (SELECT o.plant_id FROM orders o WHERE o.id = h.order_id), h.status, -1
    FROM order_moves_removed h
  ) d
  WHERE plant_id IS NOT NULL
  GROUP BY 1, 2, 3
  HAVING sum(n) <> 0
  ORDER BY 1, 2, 3
  ON CONFLICT (kyiv_day, plant_id, status) DO UPDATE SET moves = order_moves_daily.moves + excluded.moves;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION order_moves_daily_truncated() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM order_moves_daily;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- An order that changes plant (order.upserted) takes its moves along; a deleted order takes them
-- away (before its history is deleted with it, while the plant is still known).
CREATE OR REPLACE FUNCTION order_moves_daily_order_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO order_moves_daily (kyiv_day, plant_id, status, moves)
  SELECT kyiv_day, plant_id, status, sum(n)::int
  FROM (
    SELECT (h.occurred_at AT TIME ZONE 'Europe/Kyiv')::date AS kyiv_day, OLD.plant_id AS plant_id, h.status, -1 AS n
    FROM order_status_history h WHERE h.order_id = OLD.id
    UNION ALL
    SELECT (h.occurred_at AT TIME ZONE 'Europe/Kyiv')::date, NEW.plant_id, h.status, 1
    FROM order_status_history h WHERE h.order_id = OLD.id AND TG_OP = 'UPDATE'
  ) d
  GROUP BY 1, 2, 3
  ORDER BY 1, 2, 3
  ON CONFLICT (kyiv_day, plant_id, status) DO UPDATE SET moves = order_moves_daily.moves + excluded.moves;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER order_moves_daily_after_insert
  AFTER INSERT ON order_status_history
  REFERENCING NEW TABLE AS order_moves_added
  FOR EACH STATEMENT EXECUTE FUNCTION order_moves_daily_inserted();
--> statement-breakpoint
CREATE TRIGGER order_moves_daily_after_update
  AFTER UPDATE ON order_status_history
  REFERENCING OLD TABLE AS order_moves_removed NEW TABLE AS order_moves_added
  FOR EACH STATEMENT EXECUTE FUNCTION order_moves_daily_updated();
--> statement-breakpoint
CREATE TRIGGER order_moves_daily_after_delete
  AFTER DELETE ON order_status_history
  REFERENCING OLD TABLE AS order_moves_removed
  FOR EACH STATEMENT EXECUTE FUNCTION order_moves_daily_deleted();
--> statement-breakpoint
CREATE TRIGGER order_moves_daily_after_truncate
  AFTER TRUNCATE ON order_status_history
  FOR EACH STATEMENT EXECUTE FUNCTION order_moves_daily_truncated();
--> statement-breakpoint
CREATE TRIGGER order_moves_daily_after_plant_change
  AFTER UPDATE OF plant_id ON orders
  FOR EACH ROW WHEN (OLD.plant_id IS DISTINCT FROM NEW.plant_id)
  EXECUTE FUNCTION order_moves_daily_order_changed();
--> statement-breakpoint
CREATE TRIGGER order_moves_daily_before_delete
  BEFORE DELETE ON orders
  FOR EACH ROW EXECUTE FUNCTION order_moves_daily_order_changed();
--> statement-breakpoint
-- The counts of the history already there. Creating the triggers above locked out every writer
-- of order_status_history until this migration commits: no event is counted twice or missed.
INSERT INTO order_moves_daily (kyiv_day, plant_id, status, moves)
SELECT (h.occurred_at AT TIME ZONE 'Europe/Kyiv')::date, o.plant_id, h.status, count(*)::int
FROM order_status_history h
JOIN orders o ON o.id = h.order_id
GROUP BY 1, 2, 3
ON CONFLICT (kyiv_day, plant_id, status) DO UPDATE SET moves = order_moves_daily.moves + excluded.moves;
