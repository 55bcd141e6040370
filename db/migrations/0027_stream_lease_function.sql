-- A stream start takes its lease in one round trip (db/queries/streams.ts openStreamWithinLimit). The account's row
-- lock serialises an account's starts; each statement in a PL/pgSQL function reads a fresh snapshot, so the count
-- after the lock sees every stream committed before it (one statement with the lock in a CTE would count from a
-- snapshot taken before it waited). Returns the new stream and whether it took a free slot (false: the same device
-- reopening the same item for the same profile took over its own lease, a reload; for a channel's stream, any stream
-- of the same channel); no row when the plan's streams are all live. (streams.channel_id comes with migration 0033:
-- the body is checked when first run.)
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
