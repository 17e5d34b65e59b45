-- SQLite's json_extract() gives a number or a text as itself, which SQL then compares with text
-- ("json_extract(a.after, '$.sourceId') IN (SELECT id FROM papers)", the ids from a JSON list).
-- On PostgreSQL it gives jsonb (migration 0001): compared with text, as its text.
CREATE FUNCTION sqlite_jsonb_equals_text(a jsonb, b text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT a #>> '{}' = b $$;
--> statement-breakpoint
CREATE OPERATOR = (LEFTARG = jsonb, RIGHTARG = text, FUNCTION = sqlite_jsonb_equals_text);
