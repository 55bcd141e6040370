CREATE TABLE "search_words" (
	"word" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE INDEX "search_words_prefix_idx" ON "search_words" USING spgist ("word");--> statement-breakpoint
CREATE INDEX "search_words_trgm_idx" ON "search_words" USING gist ("word" gist_trgm_ops);--> statement-breakpoint
CREATE INDEX "titles_title_prefix_idx" ON "titles" USING btree (lower("title") text_pattern_ops);--> statement-breakpoint
-- The words of a title as the search dictionary keeps them: the lexemes PostgreSQL's simple parser finds, letters and
-- digits only (so they can be written into a tsquery as they are), with at least one letter.
CREATE FUNCTION title_words(title text) RETURNS SETOF text LANGUAGE sql STABLE AS $$
  SELECT w FROM unnest(tsvector_to_array(to_tsvector('simple', coalesce(title, '')))) AS w
  WHERE w ~ '^[[:alnum:]]+$' AND w ~ '[[:alpha:]]'
$$;
--> statement-breakpoint
-- New and renamed titles add their words, in order so that concurrent writers never wait on each other in a cycle.
CREATE FUNCTION remember_title_words() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_words (word)
    SELECT DISTINCT w FROM changed_titles, title_words(changed_titles.title) AS w ORDER BY 1
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER titles_search_words_insert AFTER INSERT ON titles REFERENCING NEW TABLE AS changed_titles FOR EACH STATEMENT EXECUTE FUNCTION remember_title_words();
--> statement-breakpoint
CREATE TRIGGER titles_search_words_update AFTER UPDATE ON titles REFERENCING NEW TABLE AS changed_titles FOR EACH STATEMENT EXECUTE FUNCTION remember_title_words();
--> statement-breakpoint
INSERT INTO search_words (word) SELECT DISTINCT w FROM titles, title_words(titles.title) AS w ORDER BY 1 ON CONFLICT DO NOTHING;
