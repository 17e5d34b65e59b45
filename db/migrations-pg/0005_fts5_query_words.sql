-- fts5_query() read FTS5's query as the app writes it ('"council"* "peer"*') and made every term a
-- prefix. FTS5 itself reads a term as a prefix only where a * follows it, and a bare word (alpha)
-- as a term too: a bare word found nothing here, and "word" without * was a prefix. Now each
-- term — "a phrase" or a bare word — is a prefix only with its *, as on SQLite.
CREATE OR REPLACE FUNCTION fts5_query(query text) RETURNS tsquery LANGUAGE sql IMMUTABLE AS $$
  SELECT to_tsquery('simple', coalesce(string_agg(quote_literal(coalesce(m[1], m[3])) || CASE WHEN coalesce(m[2], m[4]) = '*' THEN ':*' ELSE '' END, ' & '), ''))
  FROM regexp_matches(query, '"([^"]+)"(\*?)|([^\s"*]+)(\*?)', 'g') AS m $$;
