-- SQLite's functions that the shared SQL calls, defined on PostgreSQL under the same names, so the
-- same SQL runs on both (docs/decisions/0016; the rewrites that need no function are in
-- db/engine/dialect.ts).
-- group_concat(x [, separator]): SQLite's string aggregate, "," between values by default.
CREATE FUNCTION sqlite_concat_step(acc text, x text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT CASE WHEN x IS NULL THEN acc WHEN acc IS NULL THEN x ELSE acc || ',' || x END $$;
--> statement-breakpoint
CREATE AGGREGATE group_concat(text) (SFUNC = sqlite_concat_step, STYPE = text);
--> statement-breakpoint
CREATE FUNCTION sqlite_concat_step(acc text, x text, separator text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT CASE WHEN x IS NULL THEN acc WHEN acc IS NULL THEN x ELSE acc || separator || x END $$;
--> statement-breakpoint
CREATE AGGREGATE group_concat(text, text) (SFUNC = sqlite_concat_step, STYPE = text);
--> statement-breakpoint
-- json_extract(document, '$.key'): the value at a path, as JSON (the connection reads a JSON number as a number).
CREATE FUNCTION json_extract(document text, path text) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$ SELECT (document::jsonb) #> string_to_array(substr(path, 3), '.') $$;
--> statement-breakpoint
-- total(x): SQLite's sum that is 0.0, not NULL, over no rows.
CREATE AGGREGATE total(double precision) (SFUNC = float8pl, STYPE = float8, INITCOND = '0');
