-- The figures page's search on PostgreSQL (SQLite's is the FTS5 table of its migration 0007): one
-- row per figure (rowid = the figure's id) with its note, evidence and names, kept by the same
-- triggers as on SQLite (db/rollups/triggers.ts), searched through a GIN index of its words.
-- What differs: PostgreSQL's "simple" configuration splits and lower-cases words much as FTS5's
-- unicode61 does, but does not fold accents ("café" does not find "cafe").
CREATE TABLE figure_text (rowid integer PRIMARY KEY, body text NOT NULL);
--> statement-breakpoint
CREATE INDEX figure_text_words ON figure_text USING gin (to_tsvector('simple', body));
--> statement-breakpoint
-- The FTS5 query the app writes ('"council"* "peer"*': every word, each a prefix) as a tsquery.
CREATE FUNCTION fts5_query(query text) RETURNS tsquery LANGUAGE sql IMMUTABLE AS $$
  SELECT to_tsquery('simple', coalesce(string_agg(m[1] || ':*', ' & '), ''))
  FROM regexp_matches(query, '"([^"]+)"', 'g') AS m $$;
