-- Catalog cache (lib/catalog/cache.ts): every instance keeps public catalog reads in memory and drops them when any
-- catalog table changes, whichever code path or instance changed it. One notification per statement; PostgreSQL folds
-- identical notifications of one transaction into one.
CREATE FUNCTION notify_catalog_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('normflix_catalog_changes', TG_TABLE_NAME);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER titles_catalog_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON titles FOR EACH STATEMENT EXECUTE FUNCTION notify_catalog_changed();
--> statement-breakpoint
CREATE TRIGGER genres_catalog_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON genres FOR EACH STATEMENT EXECUTE FUNCTION notify_catalog_changed();
--> statement-breakpoint
CREATE TRIGGER title_genres_catalog_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON title_genres FOR EACH STATEMENT EXECUTE FUNCTION notify_catalog_changed();
--> statement-breakpoint
CREATE TRIGGER people_catalog_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON people FOR EACH STATEMENT EXECUTE FUNCTION notify_catalog_changed();
--> statement-breakpoint
CREATE TRIGGER credits_catalog_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON credits FOR EACH STATEMENT EXECUTE FUNCTION notify_catalog_changed();
--> statement-breakpoint
CREATE TRIGGER seasons_catalog_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON seasons FOR EACH STATEMENT EXECUTE FUNCTION notify_catalog_changed();
--> statement-breakpoint
CREATE TRIGGER episodes_catalog_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON episodes FOR EACH STATEMENT EXECUTE FUNCTION notify_catalog_changed();
--> statement-breakpoint
CREATE TRIGGER media_assets_catalog_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON media_assets FOR EACH STATEMENT EXECUTE FUNCTION notify_catalog_changed();
--> statement-breakpoint
CREATE TRIGGER subtitles_catalog_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON subtitles FOR EACH STATEMENT EXECUTE FUNCTION notify_catalog_changed();
--> statement-breakpoint
CREATE TRIGGER title_offers_catalog_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON title_offers FOR EACH STATEMENT EXECUTE FUNCTION notify_catalog_changed();
