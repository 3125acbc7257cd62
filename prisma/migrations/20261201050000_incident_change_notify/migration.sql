-- Every incident change reaches open browsers over the live stream: the change feed (lib/live) hears
-- it on the channel the sync notifies on. A trigger rather than a call in each writer, so the
-- worker's evaluation, a person's acknowledgement and any future writer are all covered. The
-- evaluation's per-tick "still firing" write (lastSeenAt) changes nothing anyone sees and is left out.
-- NOTIFY folds identical payloads within one transaction, so an evaluation sends one message.
-- Prisma's migration runner splits scripts at every semicolon: the body spells its own as \073.
CREATE FUNCTION jobdeck_notify_incident_change() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM pg_notify(''jobdeck_changes'', ''{"t":"incidents"}'')\073
  RETURN NULL\073
END\073
';

CREATE TRIGGER "Incident_notify_insert_delete" AFTER INSERT OR DELETE ON "Incident" FOR EACH STATEMENT EXECUTE FUNCTION jobdeck_notify_incident_change();
CREATE TRIGGER "Incident_notify_update" AFTER UPDATE ON "Incident" FOR EACH ROW
  WHEN ((OLD.status, OLD.severity, OLD.title, OLD.detail, OLD.updates, OLD."acknowledgedAt", OLD."ackNote", OLD."resolvedAt")
        IS DISTINCT FROM (NEW.status, NEW.severity, NEW.title, NEW.detail, NEW.updates, NEW."acknowledgedAt", NEW."ackNote", NEW."resolvedAt"))
  EXECUTE FUNCTION jobdeck_notify_incident_change();
