// The data model on PostgreSQL (docs/decisions/0016): a mirror of db/schema.ts, table for table,
// with the same table, column, index and constraint names, so that the app's raw SQL reads the
// same values on both engines. db/schema.ts is the model and says what each column means; this
// file says only where PostgreSQL differs. db/schema-pg.test.ts holds the two equal in shape.
//
// Types: integer stays integer (ids, counts, versions, line numbers; no column holds a value that
// could pass 2^31 - 1, so none is bigint), real becomes double precision (SQLite's REAL is an
// 8-byte float too), text stays text. Dates and timestamps stay ISO 8601 text, as on SQLite.
// Autoincrement ids become identity columns, by default (not always), so that a restore or a
// seed can still write an id of its own (an id written so does not move the sequence: setval after).
// Text compares and sorts by the database's collation: create it with LC_COLLATE 'C' to keep
// SQLite's binary order (ORDER BY name, slug; the CHECKs compare only fixed-width ISO dates).
//
// Not here yet (SQLite creates them outside db/schema.ts, by hand in db/migrations or by
// db/migrate.ts after the migrations):
// - figure_text: the FTS5 virtual table of the figures page's search (migration 0007), one row per
//   figure with its note, evidence and names; on PostgreSQL a tsvector with a GIN index, say.
// - The rollups' triggers (db/rollups/triggers.ts, installed by db/migrate.ts): they keep
//   figure_counts_by_metric/_by_quarter/_by_source, figure_sums_by_period/_by_quarter,
//   coverage_months, series_changes, observations.reported_on and figure_text current; PL/pgSQL
//   next (decision 0016, point 3). Until then those tables are empty here.
// - calendar_months' rows: migration 0006 fills the table with every month 1900-01 to 2199-12;
//   the table is here, its 3,600 rows are not (generate_series will do it).
// - WITHOUT ROWID (figure_sums_by_period, figure_sums_by_quarter, coverage_months): PostgreSQL
//   has no such table; here they are ordinary tables with a primary-key index.
import { sql } from 'drizzle-orm';
import { check, doublePrecision, index, integer, pgTable, primaryKey, text, uniqueIndex, type AnyPgColumn } from 'drizzle-orm/pg-core';

import { ADDITIVITY, AUDIT_ACTIONS, BASES, DATE_PRECISIONS, METRIC_CATEGORIES, QUALIFIERS, QUARTER_STATUSES, ROLES, UNITS } from '../lib/vocabulary';
import { REFERENCE_KINDS, USER_TOKEN_KINDS } from './schema';

const inList = (column: string, values: readonly string[]) =>
  sql.raw(`${column} IN (${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ')})`);

// ISO calendar date, YYYY-MM-DD: SQLite's GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' (which
// matches the whole value) as an anchored regular expression.
const isoDate = (column: string) => sql.raw(`${column} ~ '^[0-9]{4}-[0-1][0-9]-[0-3][0-9]$'`);

// A slug starts with a-z or 0-9 and has nothing but a-z, 0-9 and '-': SQLite's
// GLOB '[a-z0-9]*' AND NOT GLOB '*[^a-z0-9-]*'.
const slugFormat = (column: AnyPgColumn) => sql`${column} ~ '^[a-z0-9][a-z0-9-]*$'`;

// Timestamps are ISO 8601 UTC text with milliseconds, as strftime('%Y-%m-%dT%H:%M:%fZ', 'now') and
// JavaScript's toISOString() write them. (now() is the transaction's start: rows written in one
// transaction share it, where SQLite's 'now' is per statement.)
const timestamp = (name: string) =>
  text(name)
    .notNull()
    .default(sql`to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);
const createdAt = () => timestamp('created_at');

const id = () => integer('id').primaryKey().generatedByDefaultAsIdentity();

export const boards = pgTable(
  'boards',
  {
    id: id(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    createdAt: createdAt(),
    retiredAt: text('retired_at'),
  },
  (t) => [
    uniqueIndex('boards_slug_unique').on(t.slug),
    uniqueIndex('boards_name_unique').on(t.name),
    check('boards_slug_format', slugFormat(t.slug)),
  ],
);

export const programmes = pgTable(
  'programmes',
  {
    id: id(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    boardId: integer('board_id')
      .notNull()
      .references(() => boards.id, { onDelete: 'restrict' }),
    theme: text('theme'),
    description: text('description'),
    createdAt: createdAt(),
    retiredAt: text('retired_at'),
  },
  (t) => [
    uniqueIndex('programmes_slug_unique').on(t.slug),
    uniqueIndex('programmes_name_unique').on(t.name),
    index('programmes_board_idx').on(t.boardId),
    check('programmes_slug_format', slugFormat(t.slug)),
  ],
);

export const metrics = pgTable(
  'metrics',
  {
    id: id(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    unit: text('unit', { enum: UNITS }).notNull(),
    category: text('category', { enum: METRIC_CATEGORIES }).notNull(),
    definition: text('definition').notNull(),
    additivity: text('additivity', { enum: ADDITIVITY }).notNull().default('additive'),
    createdAt: createdAt(),
    retiredAt: text('retired_at'),
  },
  (t) => [
    uniqueIndex('metrics_slug_unique').on(t.slug),
    uniqueIndex('metrics_name_unique').on(t.name),
    check('metrics_unit_valid', inList('unit', UNITS)),
    check('metrics_category_valid', inList('category', METRIC_CATEGORIES)),
    check('metrics_additivity_valid', inList('additivity', ADDITIVITY)),
    check('metrics_slug_format', slugFormat(t.slug)),
  ],
);

export const sources = pgTable(
  'sources',
  {
    id: id(),
    title: text('title').notNull(),
    documentDate: text('document_date').notNull(),
    datePrecision: text('date_precision', { enum: DATE_PRECISIONS }).notNull().default('day'),
    meetingBoardId: integer('meeting_board_id').references(() => boards.id, { onDelete: 'set null' }),
    meetingDate: text('meeting_date'),
    fileName: text('file_name'),
    coversFrom: text('covers_from'),
    coversTo: text('covers_to'),
    text: text('text'),
    contentHash: text('content_hash'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('sources_file_name_unique').on(t.fileName),
    uniqueIndex('sources_content_hash_unique').on(t.contentHash),
    check('sources_document_date_iso', isoDate('document_date')),
    check('sources_meeting_date_iso', sql`meeting_date IS NULL OR (${isoDate('meeting_date')})`),
    check('sources_date_precision_valid', inList('date_precision', DATE_PRECISIONS)),
    check(
      'sources_covers_valid',
      sql`(covers_from IS NULL AND covers_to IS NULL) OR (${isoDate('covers_from')} AND ${isoDate('covers_to')} AND covers_from <= covers_to)`,
    ),
  ],
);

export const observations = pgTable(
  'observations',
  {
    id: id(),
    programmeId: integer('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'restrict' }),
    metricId: integer('metric_id')
      .notNull()
      .references(() => metrics.id, { onDelete: 'restrict' }),
    value: doublePrecision('value').notNull(),
    qualifier: text('qualifier', { enum: QUALIFIERS }).notNull().default('exact'),
    upperValue: doublePrecision('upper_value'),
    basis: text('basis', { enum: BASES }).notNull(),
    periodStart: text('period_start'),
    periodEnd: text('period_end').notNull(),
    datePrecision: text('date_precision', { enum: DATE_PRECISIONS }).notNull().default('day'),
    note: text('note'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at').$onUpdate(() => new Date().toISOString()),
    version: integer('version').notNull().default(1),
    deletedAt: text('deleted_at'),
    reportedOn: text('reported_on'),
    partOfId: integer('part_of_id').references((): AnyPgColumn => observations.id, { onDelete: 'set null' }),
  },
  (t) => [
    check('observations_qualifier_valid', inList('qualifier', QUALIFIERS)),
    check('observations_basis_valid', inList('basis', BASES)),
    check('observations_date_precision_valid', inList('date_precision', DATE_PRECISIONS)),
    check('observations_value_non_negative', sql`${t.value} >= 0`),
    check('observations_period_end_iso', isoDate('period_end')),
    check('observations_period_start_iso', sql`period_start IS NULL OR (${isoDate('period_start')})`),
    check('observations_period_order', sql`${t.periodStart} IS NULL OR ${t.periodStart} <= ${t.periodEnd}`),
    check('observations_range_valid', sql`upper_value IS NULL OR (upper_value > value AND qualifier IN ('exact', 'approx'))`),
    check('observations_part_of_other', sql`part_of_id IS NULL OR part_of_id <> id`),
    index('observations_metric_period_idx').on(t.metricId, t.periodEnd).where(sql`deleted_at IS NULL`),
    index('observations_programme_period_idx').on(t.programmeId, t.periodEnd).where(sql`deleted_at IS NULL`),
    index('observations_period_end_idx').on(t.periodEnd).where(sql`deleted_at IS NULL`),
    index('observations_reported_idx').on(t.reportedOn, t.periodEnd).where(sql`deleted_at IS NULL`),
    // The same nine columns as on SQLite, where they make the index cover the figure sums' query.
    // PostgreSQL could key on the first four and INCLUDE the rest: measure before changing it.
    index('observations_series_idx')
      .on(t.programmeId, t.metricId, t.basis, t.periodEnd, t.qualifier, t.periodStart, t.datePrecision, t.value, t.deletedAt)
      .where(sql`deleted_at IS NULL`),
    index('observations_fact_idx').on(t.programmeId, t.metricId, t.value, t.periodEnd),
    index('observations_value_idx').on(t.value),
    index('observations_part_of_idx').on(t.partOfId).where(sql`part_of_id IS NOT NULL`),
  ],
);

export const observationSources = pgTable(
  'observation_sources',
  {
    id: id(),
    observationId: integer('observation_id')
      .notNull()
      .references(() => observations.id, { onDelete: 'cascade' }),
    sourceId: integer('source_id')
      .notNull()
      .references(() => sources.id, { onDelete: 'restrict' }),
    evidence: text('evidence').notNull(),
    line: integer('line'),
    createdAt: createdAt(),
  },
  (t) => [
    // NULLs are distinct in a unique index on both engines: two links with no line may coexist.
    uniqueIndex('observation_sources_occurrence_unique').on(t.observationId, t.sourceId, t.line),
    index('observation_sources_source_idx').on(t.sourceId),
    check('observation_sources_line_positive', sql`${t.line} IS NULL OR ${t.line} >= 1`),
    // trim() strips spaces only on both engines, and length() counts characters on both.
    check('observation_sources_evidence_present', sql`length(trim(${t.evidence})) > 0`),
  ],
);

export const users = pgTable(
  'users',
  {
    id: id(),
    email: text('email').notNull(),
    name: text('name'),
    role: text('role', { enum: ROLES }).notNull().default('viewer'),
    passwordHash: text('password_hash').notNull(),
    createdAt: createdAt(),
    disabledAt: text('disabled_at'),
  },
  (t) => [uniqueIndex('users_email_unique').on(t.email), check('users_role_valid', inList('role', ROLES))],
);

export const sessions = pgTable(
  'sessions',
  {
    idHash: text('id_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at'),
    expiresAt: text('expires_at').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);

export const signInFailures = pgTable(
  'sign_in_failures',
  {
    key: text('key').primaryKey(),
    failures: integer('failures').notNull().default(0),
    lastFailureAt: text('last_failure_at').notNull(),
  },
  () => [],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: id(),
    at: timestamp('at'),
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    actor: text('actor').notNull(),
    action: text('action', { enum: AUDIT_ACTIONS }).notNull(),
    entityType: text('entity_type').notNull(),
    entityId: integer('entity_id').notNull(),
    // JSON snapshots, kept as text (not jsonb) so that they read back byte for byte as written.
    before: text('before'),
    after: text('after'),
    reason: text('reason'),
  },
  (t) => [
    check('audit_log_action_valid', inList('action', AUDIT_ACTIONS)),
    index('audit_log_entity_idx').on(t.entityType, t.entityId),
    index('audit_log_at_idx').on(t.at),
    index('audit_log_user_idx').on(t.userId),
  ],
);

export const quarterStatuses = pgTable(
  'quarter_statuses',
  {
    id: id(),
    quarter: text('quarter').notNull(),
    status: text('status', { enum: QUARTER_STATUSES }).notNull(),
    changedAt: timestamp('changed_at'),
    changedBy: integer('changed_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [uniqueIndex('quarter_statuses_quarter_unique').on(t.quarter), check('quarter_statuses_status_valid', inList('status', QUARTER_STATUSES))],
);

export const targets = pgTable(
  'targets',
  {
    id: id(),
    metricId: integer('metric_id')
      .notNull()
      .references(() => metrics.id, { onDelete: 'cascade' }),
    programmeId: integer('programme_id').references(() => programmes.id, { onDelete: 'cascade' }),
    period: text('period').notNull(),
    basis: text('basis', { enum: BASES }).notNull(),
    value: doublePrecision('value').notNull(),
    amberBelowPct: doublePrecision('amber_below_pct').notNull().default(100),
    redBelowPct: doublePrecision('red_below_pct').notNull().default(80),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('targets_key_unique').on(t.metricId, sql`coalesce(${t.programmeId}, 0)`, t.period, t.basis),
    check('targets_basis_valid', sql`basis IN ('period', 'cumulative')`),
    check('targets_value_positive', sql`value > 0`),
    check('targets_thresholds_valid', sql`red_below_pct >= 0 AND red_below_pct <= amber_below_pct`),
  ],
);

export const annotations = pgTable(
  'annotations',
  {
    id: id(),
    date: text('date').notNull(),
    text: text('text').notNull(),
    metricId: integer('metric_id').references(() => metrics.id, { onDelete: 'cascade' }),
    programmeId: integer('programme_id').references(() => programmes.id, { onDelete: 'cascade' }),
    boardId: integer('board_id').references(() => boards.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('annotations_date_idx').on(t.date),
    check('annotations_date_iso', isoDate('date')),
    // SQLite adds the truth values as 0/1; PostgreSQL needs them cast to do the same.
    check(
      'annotations_one_scope',
      sql`(metric_id IS NOT NULL)::integer + (programme_id IS NOT NULL)::integer + (board_id IS NOT NULL)::integer <= 1`,
    ),
  ],
);

// flag_key's .unique() is a unique index on SQLite and a unique constraint here, of the same name
// (flag_acknowledgements_flag_key_unique), which PostgreSQL keeps as a unique index of that name.
export const flagAcknowledgements = pgTable('flag_acknowledgements', {
  id: id(),
  flagKey: text('flag_key').notNull().unique(),
  reason: text('reason').notNull(),
  userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
});

export const restatements = pgTable(
  'restatements',
  {
    auditId: integer('audit_id')
      .primaryKey()
      .references(() => auditLog.id, { onDelete: 'cascade' }),
    observationId: integer('observation_id')
      .notNull()
      .references(() => observations.id, { onDelete: 'cascade' }),
    quarter: text('quarter').notNull(),
  },
  (t) => [index('restatements_observation_idx').on(t.observationId), index('restatements_quarter_idx').on(t.quarter)],
);

export const figureCountsByMetric = pgTable(
  'figure_counts_by_metric',
  {
    programmeId: integer('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    metricId: integer('metric_id')
      .notNull()
      .references(() => metrics.id, { onDelete: 'cascade' }),
    figures: integer('figures').notNull(),
  },
  (t) => [
    primaryKey({ name: 'figure_counts_by_metric_pkey', columns: [t.programmeId, t.metricId] }),
    index('figure_counts_by_metric_metric_idx').on(t.metricId),
  ],
);

export const figureCountsBySource = pgTable('figure_counts_by_source', {
  sourceId: integer('source_id')
    .primaryKey()
    .references(() => sources.id, { onDelete: 'cascade' }),
  figures: integer('figures').notNull(),
});

// seq goes up by one with every write that touches a series: integer lasts two billion writes.
export const seriesChanges = pgTable(
  'series_changes',
  {
    programmeId: integer('programme_id').notNull(),
    metricId: integer('metric_id').notNull(),
    seq: integer('seq').notNull(),
  },
  (t) => [primaryKey({ name: 'series_changes_pkey', columns: [t.programmeId, t.metricId] }), index('series_changes_seq_idx').on(t.seq)],
);

export const figureCountsByQuarter = pgTable(
  'figure_counts_by_quarter',
  {
    programmeId: integer('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    basis: text('basis', { enum: BASES }).notNull(),
    quarter: text('quarter').notNull(),
    figures: integer('figures').notNull(),
  },
  (t) => [
    primaryKey({ name: 'figure_counts_by_quarter_pkey', columns: [t.programmeId, t.basis, t.quarter] }),
    index('figure_counts_by_quarter_quarter_idx').on(t.quarter, t.basis, t.figures),
  ],
);

const sumKeyColumns = () => ({
  programmeId: integer('programme_id')
    .notNull()
    .references(() => programmes.id, { onDelete: 'cascade' }),
  metricId: integer('metric_id')
    .notNull()
    .references(() => metrics.id, { onDelete: 'cascade' }),
  basis: text('basis', { enum: BASES }).notNull(),
});

// The counts are counts of figures (a million at most in the benchmarks), so integer; the sums are
// double precision as the values they add up.
const sumColumns = () => ({
  value: doublePrecision('value').notNull(),
  figures: integer('figures').notNull(),
  atLeastFigures: integer('at_least_figures').notNull(),
  atMostFigures: integer('at_most_figures').notNull(),
  approxFigures: integer('approx_figures').notNull(),
  rangeFigures: integer('range_figures').notNull(),
  valueHigh: doublePrecision('value_high').notNull(),
  datePrecision: text('date_precision', { enum: DATE_PRECISIONS }).notNull(),
});

export const figureSumsByPeriod = pgTable(
  'figure_sums_by_period',
  {
    ...sumKeyColumns(),
    periodEnd: text('period_end').notNull(),
    periodStart: text('period_start').notNull(),
    ...sumColumns(),
  },
  (t) => [primaryKey({ name: 'figure_sums_by_period_pkey', columns: [t.programmeId, t.metricId, t.basis, t.periodEnd, t.periodStart] })],
);

export const figureSumsByQuarter = pgTable(
  'figure_sums_by_quarter',
  {
    ...sumKeyColumns(),
    quarter: text('quarter').notNull(),
    exactStart: text('exact_start').notNull(),
    exactEnd: text('exact_end').notNull(),
    periodStart: text('period_start').notNull(),
    periodEnd: text('period_end').notNull(),
    ...sumColumns(),
  },
  (t) => [primaryKey({ name: 'figure_sums_by_quarter_pkey', columns: [t.programmeId, t.metricId, t.basis, t.quarter, t.exactStart, t.exactEnd] })],
);

export const calendarMonths = pgTable('calendar_months', {
  month: text('month').primaryKey(),
});

export const coverageMonths = pgTable(
  'coverage_months',
  {
    programmeId: integer('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    metricId: integer('metric_id')
      .notNull()
      .references(() => metrics.id, { onDelete: 'cascade' }),
    month: text('month').notNull(),
    figures: integer('figures').notNull(),
  },
  (t) => [primaryKey({ name: 'coverage_months_pkey', columns: [t.programmeId, t.metricId, t.month] })],
);

export const userTokens = pgTable(
  'user_tokens',
  {
    id: id(),
    tokenHash: text('token_hash').notNull().unique(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: USER_TOKEN_KINDS }).notNull(),
    createdAt: createdAt(),
    expiresAt: text('expires_at').notNull(),
    usedAt: text('used_at'),
  },
  (t) => [index('user_tokens_user_idx').on(t.userId), check('user_tokens_kind_valid', inList('kind', USER_TOKEN_KINDS))],
);

export const slugRedirects = pgTable(
  'slug_redirects',
  {
    kind: text('kind', { enum: REFERENCE_KINDS }).notNull(),
    oldSlug: text('old_slug').notNull(),
    entityId: integer('entity_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ name: 'slug_redirects_pkey', columns: [t.kind, t.oldSlug] }),
    check('slug_redirects_kind_valid', inList('kind', REFERENCE_KINDS)),
  ],
);

export const referenceMerges = pgTable(
  'reference_merges',
  {
    id: id(),
    kind: text('kind', { enum: REFERENCE_KINDS }).notNull(),
    fromId: integer('from_id').notNull(),
    intoId: integer('into_id').notNull(),
    /** JSON: { figures: number[], targets: number[], annotations: number[] } */
    moved: text('moved').notNull(),
    createdAt: createdAt(),
    undoneAt: text('undone_at'),
  },
  () => [check('reference_merges_kind_valid', inList('kind', REFERENCE_KINDS))],
);
