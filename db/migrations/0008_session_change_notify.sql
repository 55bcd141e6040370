-- Every instance caches bearer tokens for a few seconds (lib/accounts/token-cache.ts). These triggers tell all of
-- them at once when a session ends or an account's access changes, whichever code path or instance made the change.
CREATE FUNCTION notify_session_ended() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('normflix_session_changes', OLD.account_id::text || ':' || OLD.id::text);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER sessions_revoked_notify AFTER UPDATE OF revoked_at ON sessions FOR EACH ROW
  WHEN (OLD.revoked_at IS NULL AND NEW.revoked_at IS NOT NULL) EXECUTE FUNCTION notify_session_ended();
--> statement-breakpoint
CREATE TRIGGER sessions_deleted_notify AFTER DELETE ON sessions FOR EACH ROW EXECUTE FUNCTION notify_session_ended();
--> statement-breakpoint
CREATE FUNCTION notify_account_access_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('normflix_session_changes', NEW.id::text || ':*');
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER accounts_access_notify AFTER UPDATE OF role, disabled_at ON accounts FOR EACH ROW
  WHEN (OLD.role IS DISTINCT FROM NEW.role OR OLD.disabled_at IS DISTINCT FROM NEW.disabled_at)
  EXECUTE FUNCTION notify_account_access_changed();
