// The data model (DESIGN.md "What it stores"). Enumerations are enforced by CHECK
// constraints in the database itself, so that no code path — seed, import, form or a
// hand-written SQL fix — can store a figure the rest of the app would misread.
import { relations, sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';

import { ADDITIVITY, AUDIT_ACTIONS, BASES, DATE_PRECISIONS, METRIC_CATEGORIES, QUALIFIERS, QUARTER_STATUSES, ROLES, UNITS } from '../lib/vocabulary';

const inList = (column: string, values: readonly string[]) =>
  sql.raw(`${column} IN (${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ')})`);

// ISO calendar date, YYYY-MM-DD. Stored as text so that SQL comparisons sort by date and the
// value survives a move to PostgreSQL unchanged.
const isoDate = (column: string) =>
  sql.raw(`${column} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'`);

// Timestamps are ISO 8601 UTC text, the same shape JavaScript's toISOString() writes.
const timestamp = (name: string) =>
  text(name)
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`);
const createdAt = () => timestamp('created_at');

export const boards = sqliteTable(
  'boards',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    createdAt: createdAt(),
    // Retired: hidden from pickers, its history kept (db/mutations/reference-edit.ts).
    retiredAt: text('retired_at'),
  },
  (t) => [
    uniqueIndex('boards_slug_unique').on(t.slug),
    uniqueIndex('boards_name_unique').on(t.name),
    check('boards_slug_format', sql`${t.slug} GLOB '[a-z0-9]*' AND ${t.slug} NOT GLOB '*[^a-z0-9-]*'`),
  ],
);

export const programmes = sqliteTable(
  'programmes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    boardId: integer('board_id')
      .notNull()
      .references(() => boards.id, { onDelete: 'restrict' }),
    // The theme heading of the February 2021 highlights report, where the programme has one.
    theme: text('theme'),
    description: text('description'),
    createdAt: createdAt(),
    retiredAt: text('retired_at'),
  },
  (t) => [
    uniqueIndex('programmes_slug_unique').on(t.slug),
    uniqueIndex('programmes_name_unique').on(t.name),
    index('programmes_board_idx').on(t.boardId),
    check('programmes_slug_format', sql`${t.slug} GLOB '[a-z0-9]*' AND ${t.slug} NOT GLOB '*[^a-z0-9-]*'`),
  ],
);

export const metrics = sqliteTable(
  'metrics',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
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
    check('metrics_slug_format', sql`${t.slug} GLOB '[a-z0-9]*' AND ${t.slug} NOT GLOB '*[^a-z0-9-]*'`),
  ],
);

export const sources = sqliteTable(
  'sources',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    title: text('title').notNull(),
    documentDate: text('document_date').notNull(),
    datePrecision: text('date_precision', { enum: DATE_PRECISIONS }).notNull().default('day'),
    meetingBoardId: integer('meeting_board_id').references(() => boards.id, { onDelete: 'set null' }),
    meetingDate: text('meeting_date'),
    fileName: text('file_name'),
    // The months the report gives an account of ("April 2020 to February 2021"), first and last
    // day; null where unknown. A metric reported in it is covered for those months
    // (docs/decisions/0006): months no report covers are not "no activity", they are unknown.
    coversFrom: text('covers_from'),
    coversTo: text('covers_to'),
    // Full text when the report has been imported or is available to the seed loader.
    text: text('text'),
    // sha256 of the text, so that importing the same report again is recognised.
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

export const observations = sqliteTable(
  'observations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    programmeId: integer('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'restrict' }),
    metricId: integer('metric_id')
      .notNull()
      .references(() => metrics.id, { onDelete: 'restrict' }),
    value: real('value').notNull(),
    qualifier: text('qualifier', { enum: QUALIFIERS }).notNull().default('exact'),
    // The top of a range ("20-30 elected members": value 20, upper_value 30), null for one number.
    // A range is exact or approximate ("around 20-30"); "over" and "up to" are bounds already.
    upperValue: real('upper_value'),
    basis: text('basis', { enum: BASES }).notNull(),
    periodStart: text('period_start'),
    // The as-of date of a cumulative figure, the event date of a one-off, the end of a span.
    periodEnd: text('period_end').notNull(),
    datePrecision: text('date_precision', { enum: DATE_PRECISIONS }).notNull().default('day'),
    note: text('note'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at').$onUpdate(() => new Date().toISOString()),
    // Goes up by one with every change (correction, deletion, restoration): a form, an API write
    // or an import row that names an older version is refused, so no edit silently undoes another
    // (docs/decisions/0010).
    version: integer('version').notNull().default(1),
    // Deleting is recoverable: a deleted figure keeps its row and its audit trail.
    deletedAt: text('deleted_at'),
    // The date of the latest source the figure appears in: "most recently reported first" sorts
    // by it. Derived, never written by the app: triggers on observation_sources and sources
    // (db/rollups/triggers.ts) keep it in the same transaction as every change to a figure's sources.
    reportedOn: text('reported_on'),
    // A breakdown of another figure ("171 officers … 32 of which are chief executives"): shown
    // under its total and never added to it or to anything else (the figure sums leave parts out).
    partOfId: integer('part_of_id').references((): AnySQLiteColumn => observations.id, { onDelete: 'set null' }),
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
    // The pages read live figures by metric or programme over a period range, and the first and
    // last period of any figure. Partial indexes (live figures only) let SQLite answer "latest
    // period of this programme" or min/max of period_end from the index alone.
    index('observations_metric_period_idx').on(t.metricId, t.periodEnd).where(sql`deleted_at IS NULL`),
    index('observations_programme_period_idx').on(t.programmeId, t.periodEnd).where(sql`deleted_at IS NULL`),
    index('observations_period_end_idx').on(t.periodEnd).where(sql`deleted_at IS NULL`),
    index('observations_reported_idx').on(t.reportedOn, t.periodEnd).where(sql`deleted_at IS NULL`),
    // A programme's metric series, basis by basis, by period end, with every column the figure
    // sums need (deleted_at, always null here, so that SQLite sees the index covers a query). The
    // triggers that recompute figure_sums_by_period (db/rollups/triggers.ts) seek it; charts, comparisons
    // and headline cards now read those sums instead. Narrowing it to its first four columns
    // would make every write cheaper: measure the recompute first.
    index('observations_series_idx')
      .on(t.programmeId, t.metricId, t.basis, t.periodEnd, t.qualifier, t.periodStart, t.datePrecision, t.value, t.deletedAt)
      .where(sql`deleted_at IS NULL`),
    // Finding "the same fact" (one fact, one observation) on import and entry.
    index('observations_fact_idx').on(t.programmeId, t.metricId, t.value, t.periodEnd),
    // Report import looks a proposed figure up by its value alone when its programme is unsure.
    index('observations_value_idx').on(t.value),
    // A figure's parts, for its page and tables.
    index('observations_part_of_idx').on(t.partOfId).where(sql`part_of_id IS NOT NULL`),
  ],
);

export const observationSources = sqliteTable(
  'observation_sources',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    observationId: integer('observation_id')
      .notNull()
      .references(() => observations.id, { onDelete: 'cascade' }),
    sourceId: integer('source_id')
      .notNull()
      .references(() => sources.id, { onDelete: 'restrict' }),
    // The sentence (or the part of it) the figure stands in, copied exactly from the source.
    evidence: text('evidence').notNull(),
    // 1-based line (paragraph) in the source text.
    line: integer('line'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('observation_sources_occurrence_unique').on(t.observationId, t.sourceId, t.line),
    index('observation_sources_source_idx').on(t.sourceId),
    check('observation_sources_line_positive', sql`${t.line} IS NULL OR ${t.line} >= 1`),
    check('observation_sources_evidence_present', sql`length(trim(${t.evidence})) > 0`),
  ],
);

export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    email: text('email').notNull(),
    name: text('name'),
    role: text('role', { enum: ROLES }).notNull().default('viewer'),
    passwordHash: text('password_hash').notNull(),
    createdAt: createdAt(),
    disabledAt: text('disabled_at'),
  },
  (t) => [uniqueIndex('users_email_unique').on(t.email), check('users_role_valid', inList('role', ROLES))],
);

// Server-side sessions: the cookie holds a random id; only its sha256 is stored, so a copy of
// the database cannot be used to sign in.
export const sessions = sqliteTable(
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

// Failed sign-ins per account and per address, to slow down guessing.
export const signInFailures = sqliteTable(
  'sign_in_failures',
  {
    key: text('key').primaryKey(),
    failures: integer('failures').notNull().default(0),
    lastFailureAt: text('last_failure_at').notNull(),
  },
  () => [],
);

export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: timestamp('at'),
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    // Who acted when it was not a signed-in user: 'seed', 'import', 'system'.
    actor: text('actor').notNull(),
    action: text('action', { enum: AUDIT_ACTIONS }).notNull(),
    entityType: text('entity_type').notNull(),
    entityId: integer('entity_id').notNull(),
    // JSON snapshots of the row before and after the change (null for create / for delete).
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

// Which financial quarters are final (docs/decisions/0011). A quarter with no row, or with the
// status 'provisional', is provisional. Marking one final and reopening it are audited as changes
// to this row (entity_type 'quarter'). `quarter` is the token lib/fiscal-periods.ts writes ('2020-21-Q4').
export const quarterStatuses = sqliteTable(
  'quarter_statuses',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    quarter: text('quarter').notNull(),
    status: text('status', { enum: QUARTER_STATUSES }).notNull(),
    changedAt: timestamp('changed_at'),
    changedBy: integer('changed_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [uniqueIndex('quarter_statuses_quarter_unique').on(t.quarter), check('quarter_statuses_status_valid', inList('status', QUARTER_STATUSES))],
);

// Targets (docs/decisions/0012): what a metric, or one programme's figures of it, should reach in
// a financial year or quarter (`period`, a token: '2020-21' or '2020-21-Q4'), in the period
// (basis 'period') or as a running total at its end ('cumulative'). Green at or above
// amber_below_pct of the value, amber at or above red_below_pct, red below. One target per metric,
// programme (none: all programmes), period and basis.
export const targets = sqliteTable(
  'targets',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    metricId: integer('metric_id')
      .notNull()
      .references(() => metrics.id, { onDelete: 'cascade' }),
    programmeId: integer('programme_id').references(() => programmes.id, { onDelete: 'cascade' }),
    period: text('period').notNull(),
    basis: text('basis', { enum: BASES }).notNull(),
    value: real('value').notNull(),
    amberBelowPct: real('amber_below_pct').notNull().default(100),
    redBelowPct: real('red_below_pct').notNull().default(80),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('targets_key_unique').on(t.metricId, sql`coalesce(${t.programmeId}, 0)`, t.period, t.basis),
    check('targets_basis_valid', sql`basis IN ('period', 'cumulative')`),
    check('targets_value_positive', sql`value > 0`),
    check('targets_thresholds_valid', sql`red_below_pct >= 0 AND red_below_pct <= amber_below_pct`),
  ],
);

// Annotations (issue: the board's meeting cycle): a dated note ("first national lockdown",
// "programme launched") on one metric, programme or board, or on everything (all three null).
// Shown as markers on charts and listed under them; added, changed and removed by officers, audited.
export const annotations = sqliteTable(
  'annotations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
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
    check('annotations_one_scope', sql`(metric_id IS NOT NULL) + (programme_id IS NOT NULL) + (board_id IS NOT NULL) <= 1`),
  ],
);

// Data-quality flags an officer has acknowledged (docs/decisions/0014). Flags themselves are worked
// out from the live figures on every read (db/queries/flags.ts), so every write and import is
// checked; this table keeps only which flags, by their key, an officer has looked at, and why.
export const flagAcknowledgements = sqliteTable('flag_acknowledgements', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  flagKey: text('flag_key').notNull().unique(),
  reason: text('reason').notNull(),
  userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
});

// Restatements: changes to a figure made while its quarter was final, each pointing at the audit
// entry that records it (who, when, why, before and after).
export const restatements = sqliteTable(
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

// Rollups: how many live figures each programme has, by metric and by financial quarter. The
// index pages, the filter lists and the overview's figures-per-quarter chart read these instead
// of counting a million rows. Triggers on observations (db/rollups/) keep them correct in the
// same transaction as every insert, edit, delete and restore; rebuildFigureCounts() in
// db/figure-counts.ts recomputes them from scratch, and the tests hold the two equal.
export const figureCountsByMetric = sqliteTable(
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
  (t) => [primaryKey({ columns: [t.programmeId, t.metricId] }), index('figure_counts_by_metric_metric_idx').on(t.metricId)],
);

// How many live figures cite each source (a figure cited on two lines of one report counts once):
// the sources list reads it instead of counting a million links. Derived, kept by triggers
// (db/rollups/triggers.ts) in the same transaction as every write to figures and their sources.
export const figureCountsBySource = sqliteTable('figure_counts_by_source', {
  sourceId: integer('source_id')
    .primaryKey()
    .references(() => sources.id, { onDelete: 'cascade' }),
  figures: integer('figures').notNull(),
});

// Which series (programme and metric) changed last, in the order of a sequence: the data-quality
// flags (db/queries/flags.ts) work out again only the series changed since they last looked.
// Kept by triggers (db/rollups/triggers.ts) on every write to figures, their sources and
// restatements, and on a programme's or metric's name (the flags' words name them).
export const seriesChanges = sqliteTable(
  'series_changes',
  {
    programmeId: integer('programme_id').notNull(),
    metricId: integer('metric_id').notNull(),
    seq: integer('seq').notNull(),
  },
  (t) => [primaryKey({ columns: [t.programmeId, t.metricId] }), index('series_changes_seq_idx').on(t.seq)],
);

export const figureCountsByQuarter = sqliteTable(
  'figure_counts_by_quarter',
  {
    programmeId: integer('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    basis: text('basis', { enum: BASES }).notNull(),
    // The financial quarter holding the period end, as the month it starts: '2024-04' is April
    // to June 2024 (financial quarters start in the same months as calendar ones).
    quarter: text('quarter').notNull(),
    figures: integer('figures').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.programmeId, t.basis, t.quarter] }),
    // The overview's figures-per-quarter chart over every programme reads this in order: no sort.
    index('figure_counts_by_quarter_quarter_idx').on(t.quarter, t.basis, t.figures),
  ],
);

// The columns both figure-sum rollups share: whose sums they are (programme, metric, basis)...
const sumKeyColumns = () => ({
  programmeId: integer('programme_id')
    .notNull()
    .references(() => programmes.id, { onDelete: 'cascade' }),
  metricId: integer('metric_id')
    .notNull()
    .references(() => metrics.id, { onDelete: 'cascade' }),
  basis: text('basis', { enum: BASES }).notNull(),
});

// ...and what is known about a sum: the total, how many figures it adds up and how many of
// them are lower bounds, upper bounds and approximations.
const sumColumns = () => ({
  value: real('value').notNull(),
  figures: integer('figures').notNull(),
  atLeastFigures: integer('at_least_figures').notNull(),
  atMostFigures: integer('at_most_figures').notNull(),
  approxFigures: integer('approx_figures').notNull(),
  // Ranges ("20-30") among them, and the sum of every figure's top: a range's upper value, any
  // other figure's value. A sum with ranges and no bound is itself a range, value to value_high.
  rangeFigures: integer('range_figures').notNull(),
  valueHigh: real('value_high').notNull(),
  // The least precise ('day' < 'month' < 'year', also as text).
  datePrecision: text('date_precision', { enum: DATE_PRECISIONS }).notNull(),
});

// Rollup: the live figures of each programme, metric, basis and exact period, added up with what
// is known about the sum (docs/decisions/0003): the sum of their values, how many there are, how
// many are lower bounds, upper bounds and approximations, and the least precise date among them.
// That is all aggregation needs (lib/aggregation.ts): a sum of qualified figures is a lower bound
// if any is one, and so on. Charts, comparisons and headline cards read this instead of the
// figures: at a million figures it holds about an eighth as many rows. Triggers (db/rollups/)
// keep it in the same transaction as every write to observations: an insert adds to its
// row, and any edit, delete or restore recomputes the rows it touches from the figures, so that
// sums never drift. rebuildFigureSums() in db/rollups/rebuild.ts recomputes it from scratch, and
// db/rollups/rebuild.test.ts holds the two equal.
// The migration creates it WITHOUT ROWID (drizzle cannot declare that): rows are stored in key
// order, so a programme's series is read in one seek, with no second lookup per row.
export const figureSumsByPeriod = sqliteTable(
  'figure_sums_by_period',
  {
    ...sumKeyColumns(),
    periodEnd: text('period_end').notNull(),
    // '' for figures with no start (a key column cannot be null and still match on upsert).
    periodStart: text('period_start').notNull(),
    ...sumColumns(),
  },
  (t) => [primaryKey({ columns: [t.programmeId, t.metricId, t.basis, t.periodEnd, t.periodStart] })],
);

// Rollup of the rollup: figure_sums_by_period again, per financial quarter, as a chart or a
// comparison by quarter reads it (lib/aggregation.ts atomsOf: when every atom is one quarter).
// Per programme, metric, basis and quarter (by its period end), it holds:
//  - one row adding up the period and planned figures contained in the quarter (starting in it,
//    or with no start), with exact_start and exact_end '';
//  - the figures that start before the quarter, one row per exact period, as in
//    figure_sums_by_period (a chart lists them apart, each with its own span);
//  - the running totals of the quarter's latest as-of date, one row per exact period: the only
//    ones a bucket made of whole quarters can show.
// So a series by quarter is one range of this table per programme, metric and basis, already
// grouped: no sort. At a million figures it holds 49,000 rows against 122,000. Triggers on
// figure_sums_by_period (db/rollups/triggers.ts) recompute a quarter's rows whenever a row of that quarter
// changes there, in the same transaction; rebuildFigureSums() in db/rollups/rebuild.ts recomputes it from
// scratch, and db/rollups/rebuild.test.ts holds the two equal. WITHOUT ROWID, like figure_sums_by_period.
export const figureSumsByQuarter = sqliteTable(
  'figure_sums_by_quarter',
  {
    ...sumKeyColumns(),
    // The quarter as the month it starts, as in figure_counts_by_quarter: '2024-04' is April to June.
    quarter: text('quarter').notNull(),
    // The exact period of a spanning group or running total ('' for no start); both '' for the
    // sum of the figures contained in the quarter.
    exactStart: text('exact_start').notNull(),
    exactEnd: text('exact_end').notNull(),
    // The dates the row covers: its exact period, or for the contained sum the earliest start
    // ('' if none has one) and the latest end among its figures.
    periodStart: text('period_start').notNull(),
    periodEnd: text('period_end').notNull(),
    ...sumColumns(),
  },
  (t) => [primaryKey({ columns: [t.programmeId, t.metricId, t.basis, t.quarter, t.exactStart, t.exactEnd] })],
);

// Every calendar month from 1900 to 2199 ('YYYY-MM'): the coverage triggers (db/rollups/triggers.ts) turn
// a span of dates into the months it touches by a range of this table, as SQLite triggers may not
// use a recursive query. Dates outside it cover no month.
export const calendarMonths = sqliteTable('calendar_months', {
  month: text('month').primaryKey(),
});

// Rollup: which months the live figures of each programme and metric cover (docs/decisions/0006).
// A figure covers the months of its own period (a figure with no start, its end month) and the
// months of every source it cites that says what it covers (sources.covers_from/to). `figures`
// counts contributions, so a month stays covered while anything covers it. Triggers (migration
// 0006) keep it in the same transaction as every write to figures, links and source spans;
// rebuildCoverage() in db/rollups/rebuild.ts recomputes it, and db/rollups/rebuild.test.ts holds the two equal.
export const coverageMonths = sqliteTable(
  'coverage_months',
  {
    programmeId: integer('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    metricId: integer('metric_id')
      .notNull()
      .references(() => metrics.id, { onDelete: 'cascade' }),
    // 'YYYY-MM'.
    month: text('month').notNull(),
    figures: integer('figures').notNull(),
  },
  (t) => [primaryKey({ columns: [t.programmeId, t.metricId, t.month] })],
);

export const boardsRelations = relations(boards, ({ many }) => ({ programmes: many(programmes) }));
export const programmesRelations = relations(programmes, ({ one, many }) => ({
  board: one(boards, { fields: [programmes.boardId], references: [boards.id] }),
  observations: many(observations),
}));
export const metricsRelations = relations(metrics, ({ many }) => ({ observations: many(observations) }));
export const sourcesRelations = relations(sources, ({ many }) => ({ observationSources: many(observationSources) }));
export const observationsRelations = relations(observations, ({ one, many }) => ({
  programme: one(programmes, { fields: [observations.programmeId], references: [programmes.id] }),
  metric: one(metrics, { fields: [observations.metricId], references: [metrics.id] }),
  sources: many(observationSources),
}));
export const observationSourcesRelations = relations(observationSources, ({ one }) => ({
  observation: one(observations, { fields: [observationSources.observationId], references: [observations.id] }),
  source: one(sources, { fields: [observationSources.sourceId], references: [sources.id] }),
}));

// One-time links an administrator hands a user (there is no mail server): an invitation to set a
// first password, or a password reset. Only the token's sha256 is kept; each works once, until it
// expires (db/auth/users.ts).
export const USER_TOKEN_KINDS = ['invite', 'reset'] as const;
export const userTokens = sqliteTable(
  'user_tokens',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
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

// Renamed and merged boards, programmes and metrics keep their old addresses: an old slug points
// at what it names now, so shared links never break (db/mutations/reference-edit.ts).
export const REFERENCE_KINDS = ['board', 'programme', 'metric'] as const;
export const slugRedirects = sqliteTable(
  'slug_redirects',
  {
    kind: text('kind', { enum: REFERENCE_KINDS }).notNull(),
    oldSlug: text('old_slug').notNull(),
    entityId: integer('entity_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.oldSlug] }), check('slug_redirects_kind_valid', inList('kind', REFERENCE_KINDS))],
);

// Merges of one programme or metric into another: which figures, targets and notes moved, so that
// a merge can be undone exactly.
export const referenceMerges = sqliteTable(
  'reference_merges',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
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
