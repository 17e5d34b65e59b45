import { describe, expect, it } from 'vitest';
import { toPostgresSql } from './dialect';

describe('toPostgresSql', () => {
  it('drops INDEXED BY, which only SQLite has', () => {
    expect(toPostgresSql('SELECT id FROM observations INDEXED BY observations_series_idx WHERE x = ?')).toBe('SELECT id FROM observations WHERE x = ?');
  });

  it('reads a list passed as one JSON parameter as text, column and all', () => {
    // Read as the column's type, so that its index serves the lookup: ids as integers, slugs as text.
    expect(toPostgresSql('WHERE o.id IN (SELECT value FROM json_each(?))')).toBe('WHERE o.id IN (SELECT value::integer FROM json_array_elements_text(?::json))');
    expect(toPostgresSql('WHERE "observations"."id" NOT IN (SELECT value FROM json_each(?))')).toBe('WHERE "observations"."id" NOT IN (SELECT value::integer FROM json_array_elements_text(?::json))');
    expect(toPostgresSql('WHERE b.slug IN (SELECT value FROM json_each(?))')).toBe('WHERE b.slug IN (SELECT value FROM json_array_elements_text(?::json))');
    // A name the schema does not know, or knows with more than one type, is compared as text.
    expect(toPostgresSql('WHERE papers.x IN (SELECT value FROM json_each(?))')).toBe('WHERE papers.x::text IN (SELECT value FROM json_array_elements_text(?::json))');
    expect(toPostgresSql('SELECT value FROM json_each(?) WHERE value NOT IN (SELECT slug FROM boards)')).toBe('SELECT value FROM json_array_elements_text(?::json) AS value WHERE value NOT IN (SELECT slug FROM boards)');
  });

  it('spells SQLite\'s "IS" between values as IS [NOT] DISTINCT FROM, and types "? IS NULL"', () => {
    expect(toPostgresSql('AND o.part_of_id IS ? AND sb.line IS sa.line')).toBe('AND o.part_of_id IS NOT DISTINCT FROM ? AND sb.line IS NOT DISTINCT FROM sa.line');
    expect(toPostgresSql('WHERE a IS NOT b')).toBe('WHERE a IS DISTINCT FROM b');
    expect(toPostgresSql('WHERE a IS NULL AND b IS NOT NULL AND (? IS NULL OR c = ?)')).toBe('WHERE a IS NULL AND b IS NOT NULL AND (?::text IS NULL OR c = ?)');
  });

  it('reads the figures page\'s search and char() as PostgreSQL has them', () => {
    expect(toPostgresSql('WHERE id IN (SELECT rowid FROM figure_text WHERE figure_text MATCH ?)')).toBe(
      "WHERE id IN (SELECT rowid FROM figure_text WHERE to_tsvector('simple', figure_text.body) @@ fts5_query(?))",
    );
    expect(toPostgresSql("coalesce(o.note, '') || char(10) || p.name")).toBe("coalesce(o.note, '') || chr(10) || p.name");
  });

  it('names the existing row\'s columns by their table in an upsert, where bare they are ambiguous', () => {
    expect(toPostgresSql('INSERT INTO sign_in_failures (key, failures) VALUES (?, 1) ON CONFLICT (key) DO UPDATE SET failures = failures + 1, last_at = excluded.last_at')).toBe(
      'INSERT INTO sign_in_failures (key, failures) VALUES (?, 1) ON CONFLICT (key) DO UPDATE SET failures = sign_in_failures.failures + 1, last_at = excluded.last_at',
    );
  });

  it('names a connection\'s own tables and its transactions as PostgreSQL does', () => {
    expect(toPostgresSql('DROP TABLE IF EXISTS temp.import_1; INSERT INTO temp.import_1 SELECT * FROM attempt.x')).toBe('DROP TABLE IF EXISTS pg_temp.import_1; INSERT INTO pg_temp.import_1 SELECT * FROM attempt.x');
    expect(toPostgresSql('BEGIN IMMEDIATE')).toBe('BEGIN');
  });

  it('keeps a camelCase column name as written, as SQLite does', () => {
    expect(toPostgresSql('SELECT u.created_at AS createdAt, t.user_id AS userId, u.id AS id FROM users u')).toBe('SELECT u.created_at AS "createdAt", t.user_id AS "userId", u.id AS id FROM users u');
  });

  it('leaves quoted text alone', () => {
    expect(toPostgresSql("SELECT 'x IS y INDEXED BY z' AS note WHERE a IS b")).toBe("SELECT 'x IS y INDEXED BY z' AS note WHERE a IS NOT DISTINCT FROM b");
  });
});
