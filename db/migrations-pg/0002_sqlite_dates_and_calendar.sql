-- SQLite's date functions that the shared SQL and the rollups' triggers call, on PostgreSQL under
-- the same names (docs/decisions/0016), and the calendar's months that SQLite's migration 0006 fills.
-- printf('%02d', n) and printf('%04d-%02d', y, m): the only formats the shared SQL uses.
CREATE FUNCTION printf(format text, n bigint) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN format = '%02d' THEN lpad(n::text, 2, '0') ELSE NULL END $$;
--> statement-breakpoint
-- date(day [, modifier…]): a YYYY-MM-DD date moved by '+3 months', '-1 day', 'start of month'…
CREATE FUNCTION date(day text, VARIADIC modifiers text[] DEFAULT '{}') RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  d timestamp := day::date;
  m text;
BEGIN
  FOREACH m IN ARRAY modifiers LOOP
    IF m = 'start of month' THEN d := date_trunc('month', d);
    ELSIF m = 'start of year' THEN d := date_trunc('year', d);
    ELSE d := d + m::interval;
    END IF;
  END LOOP;
  RETURN to_char(d, 'YYYY-MM-DD');
END $$;
--> statement-breakpoint
-- strftime('%Y-%m-%dT%H:%M:%fZ', 'now'): the time now as the ISO text every timestamp is stored as.
CREATE FUNCTION strftime(format text, source text) RETURNS text LANGUAGE sql VOLATILE AS $$
  SELECT CASE WHEN format = '%Y-%m-%dT%H:%M:%fZ' AND source = 'now' THEN to_char(clock_timestamp() AT TIME ZONE 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') ELSE NULL END $$;
--> statement-breakpoint
INSERT INTO calendar_months (month) SELECT to_char(m, 'YYYY-MM') FROM generate_series('1900-01-01'::date, '2199-12-01'::date, interval '1 month') AS m;
