-- A channel's stream (Live TV) takes its lease through open_stream too (migration 0027): the function also writes
-- the stream's channel, and a reload takes over the same channel's lease whatever programme is on air.
DROP FUNCTION open_stream(uuid, uuid, text, uuid, uuid, uuid, text, text, integer, integer);
--> statement-breakpoint
CREATE FUNCTION open_stream(
  account uuid, profile uuid, item_kind text, item uuid, title uuid, asset uuid, channel uuid, agent text, address text,
  max_streams integer, lease_seconds integer
) RETURNS TABLE (stream_id uuid, took_slot boolean)
LANGUAGE plpgsql AS $$
DECLARE
  live_count integer;
  reopened integer;
BEGIN
  PERFORM 1 FROM accounts WHERE id = account FOR UPDATE;
  SELECT count(*) INTO live_count FROM streams s
    WHERE s.account_id = account AND s.ended_at IS NULL AND s.last_seen_at > now() - make_interval(secs => lease_seconds);
  IF live_count >= max_streams THEN
    WITH ended AS (
      UPDATE streams s SET ended_at = now()
      WHERE s.account_id = account AND s.profile_id = profile
        AND (CASE WHEN channel IS NULL THEN s.item_id = item ELSE s.channel_id = channel END)
        AND agent IS NOT NULL AND s.user_agent = agent AND s.ended_at IS NULL
        AND s.last_seen_at > now() - make_interval(secs => lease_seconds)
      RETURNING 1)
    SELECT count(*) INTO reopened FROM ended;
    IF reopened = 0 THEN
      RETURN;
    END IF;
  END IF;
  RETURN QUERY
    INSERT INTO streams (account_id, profile_id, kind, item_id, title_id, asset_id, channel_id, user_agent, ip)
    VALUES (account, profile, item_kind::progress_kind, item, title, asset, channel, agent, address)
    RETURNING streams.id, live_count < max_streams;
END $$;
--> statement-breakpoint
-- Channels are catalog too (search finds them, from the per-instance catalog cache of migration 0031).
CREATE TRIGGER channels_catalog_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON channels FOR EACH STATEMENT EXECUTE FUNCTION notify_catalog_changed();
--> statement-breakpoint
CREATE TRIGGER channel_items_catalog_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON channel_items FOR EACH STATEMENT EXECUTE FUNCTION notify_catalog_changed();
