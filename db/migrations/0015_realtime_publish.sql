-- lib/realtime/ publishes through this one function, from app code and from triggers alike: it stores the event (its
-- id is the SSE event id clients resume from) and announces it on the `realtime` channel, both delivered on commit.
-- Publishers take one transaction-scoped advisory lock first, so ids become visible in the order they were taken:
-- a subscriber that has seen id N can never later find a smaller id committed (no gaps behind Last-Event-ID). The
-- announcement carries the payload inline when it fits NOTIFY's 8000-byte limit, else only the id (by reference).
CREATE FUNCTION realtime_publish(event_topic text, event_type text, event_payload jsonb) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
  event_id bigint;
  message text;
BEGIN
  PERFORM pg_advisory_xact_lock(727010);
  INSERT INTO realtime_events (topic, type, payload) VALUES (event_topic, event_type, event_payload) RETURNING id INTO event_id;
  message := jsonb_build_object('topic', event_topic, 'id', event_id, 'type', event_type, 'data', event_payload)::text;
  IF octet_length(message) > 7900 THEN
    message := jsonb_build_object('topic', event_topic, 'id', event_id, 'type', event_type)::text;
  END IF;
  PERFORM pg_notify('realtime', message);
  RETURN event_id;
END $$;
--> statement-breakpoint
-- The admin jobs feed moves onto lib/realtime/: a job change is an event on the `admin.jobs` topic (was a bare NOTIFY
-- on normflix_job_changes, migration 0010), whichever process or machine made it.
CREATE OR REPLACE FUNCTION notify_job_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM realtime_publish('admin.jobs', 'job_changed', jsonb_build_object('id', COALESCE(NEW.id, OLD.id)));
  RETURN NULL;
END $$;
