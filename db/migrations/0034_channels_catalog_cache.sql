-- Channels are catalog too (search finds them, from the per-instance catalog cache of migration 0031).
CREATE TRIGGER channels_catalog_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON channels FOR EACH STATEMENT EXECUTE FUNCTION notify_catalog_changed();
--> statement-breakpoint
CREATE TRIGGER channel_items_catalog_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON channel_items FOR EACH STATEMENT EXECUTE FUNCTION notify_catalog_changed();
