-- The admin jobs view streams queue changes (GET /api/admin/jobs/events). Workers may run in other processes or on
-- other machines, so the change is announced by the database itself, whichever writer made it.
CREATE FUNCTION notify_job_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('normflix_job_changes', COALESCE(NEW.id, OLD.id)::text);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER transcode_jobs_notify AFTER INSERT OR UPDATE OR DELETE ON transcode_jobs FOR EACH ROW
  EXECUTE FUNCTION notify_job_changed();
