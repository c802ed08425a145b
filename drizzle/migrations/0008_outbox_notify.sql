-- Wakes the realtime dispatchers (lib/realtime/dispatch.ts) of every process when outbox rows are
-- written. NOTIFY is delivered only when the transaction commits, once per transaction however
-- many statements it ran (equal notifications are folded), and never for a rolled-back one.
CREATE OR REPLACE FUNCTION outbox_notify() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('portal_outbox', '');
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER outbox_notify_after_insert
  AFTER INSERT ON outbox
  FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify();
