// The dashboard's vocabulary: the words a figure is described in — qualifiers, bases, units,
// date precisions, metric categories, how a metric adds up, roles, audit actions. The database
// schema (db/schema.ts) enforces them with CHECK constraints; everything else reads them here.

export const QUALIFIERS = ['exact', 'at_least', 'at_most', 'approx'] as const;
export const BASES = ['period', 'cumulative', 'planned'] as const;
export const DATE_PRECISIONS = ['day', 'month', 'year'] as const;
export const UNITS = ['count', 'hours', 'GBP', 'percent'] as const;
export const METRIC_CATEGORIES = [
  'attendees',
  'councils supported',
  'coaching hours',
  'downloads',
  'page views',
  'applications',
  'members/subscribers',
  'events delivered',
  'projects funded',
  'enquiries handled',
  'money',
  'percentage',
  'other',
] as const;
// How a metric's figures may be added up: 'additive' anywhere; 'within_programme' over time
// but never across programmes (a council supported by two programmes is one council);
// 'non_additive' never (averages, rates, percentages).
export const ADDITIVITY = ['additive', 'within_programme', 'non_additive'] as const;
export const ROLES = ['viewer', 'officer', 'admin'] as const;
export const AUDIT_ACTIONS = ['create', 'update', 'delete', 'restore', 'link_source', 'unlink_source'] as const;
/** A financial quarter is provisional until an administrator marks it final (after the board has seen it). */
export const QUARTER_STATUSES = ['provisional', 'final'] as const;

export type Qualifier = (typeof QUALIFIERS)[number];
export type Basis = (typeof BASES)[number];
export type DatePrecision = (typeof DATE_PRECISIONS)[number];
export type Unit = (typeof UNITS)[number];
export type MetricCategory = (typeof METRIC_CATEGORIES)[number];
export type Additivity = (typeof ADDITIVITY)[number];
export type Role = (typeof ROLES)[number];
export type QuarterStatus = (typeof QUARTER_STATUSES)[number];
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
