-- A refresh replaces an API session's token hash: every instance's token cache must drop the old bearer token at once,
-- as it does when a session is revoked (migration 0008).
CREATE TRIGGER sessions_token_rotated_notify AFTER UPDATE OF token_hash ON sessions FOR EACH ROW
  WHEN (OLD.token_hash IS DISTINCT FROM NEW.token_hash) EXECUTE FUNCTION notify_session_ended();
--> statement-breakpoint
-- The owner's idle timeout changed: sessions cached under the old one are dropped everywhere.
CREATE TRIGGER accounts_auto_logout_notify AFTER UPDATE OF auto_logout_minutes ON accounts FOR EACH ROW
  WHEN (OLD.auto_logout_minutes IS DISTINCT FROM NEW.auto_logout_minutes)
  EXECUTE FUNCTION notify_account_access_changed();
