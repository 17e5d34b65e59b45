// Quarters and their status (docs/decisions/0011): which are final, since when and by whom, and
// which changes to figures were restatements of a final quarter.
import type { AppDatabase } from '../client';
import { publicActor } from '../../lib/auth/roles';
import { bucketOf, parsePeriodToken } from '../../lib/fiscal-periods';
import type { QuarterStatus, Role } from '../../lib/vocabulary';

export interface QuarterSummary {
  /** '2020-21-Q4' and 'Q4 2020/21'. */
  quarter: string;
  label: string;
  /** Live figures ending in the quarter. */
  figures: number;
  status: QuarterStatus;
  /** When and by whom the status was last set (null: never set, so provisional). */
  changedAt: string | null;
  changedBy: string | null;
  restatements: number;
}

interface StatusRow {
  quarter: string;
  status: QuarterStatus;
  changed_at: string;
  email: string | null;
  role: Role | null;
}

function statusRows(db: AppDatabase, where = '', ...params: string[]): StatusRow[] {
  return db.$client
    .prepare(`SELECT q.quarter, q.status, q.changed_at, u.email, u.role FROM quarter_statuses q LEFT JOIN users u ON u.id = q.changed_by ${where}`)
    .all(...params) as StatusRow[];
}

const who = (r: StatusRow, identities: boolean) => (identities && r.email ? r.email : publicActor(r.role, r.email ?? 'cli'));

/**
 * Every quarter with live figures, or with a status set, newest first. `identities`: emails for
 * those who may read the audit trail; roles for everyone else.
 */
export function listQuarters(db: AppDatabase, { identities }: { identities: boolean }): QuarterSummary[] {
  // figure_counts_by_quarter names a quarter by its first month ('2021-01'); lib/fiscal-periods by token.
  const counts = new Map<string, number>();
  for (const { month, figures } of db.$client.prepare('SELECT quarter AS month, sum(figures) AS figures FROM figure_counts_by_quarter GROUP BY quarter').all() as { month: string; figures: number }[])
    counts.set(bucketOf(`${month}-01`, 'quarter').token, figures);
  const statuses = new Map(statusRows(db).map((r) => [r.quarter, r]));
  const restated = new Map((db.$client.prepare('SELECT quarter, count(*) AS n FROM restatements GROUP BY quarter').all() as { quarter: string; n: number }[]).map((r) => [r.quarter, r.n]));
  return [...new Set([...counts.keys(), ...statuses.keys()])]
    .map((quarter) => {
      const s = statuses.get(quarter);
      return {
        quarter,
        label: parsePeriodToken(quarter)?.label ?? quarter,
        figures: counts.get(quarter) ?? 0,
        status: s?.status ?? 'provisional',
        changedAt: s?.changed_at ?? null,
        changedBy: s ? who(s, identities) : null,
        restatements: restated.get(quarter) ?? 0,
      };
    })
    .sort((a, b) => b.quarter.localeCompare(a.quarter));
}

/** The status of the quarter `periodEnd` falls in: the figure's quarter. */
export function getFigureQuarter(db: AppDatabase, periodEnd: string): { quarter: string; label: string; status: QuarterStatus; changedAt: string | null } {
  const bucket = bucketOf(periodEnd, 'quarter');
  const [s] = statusRows(db, 'WHERE q.quarter = ?', bucket.token);
  return { quarter: bucket.token, label: bucket.label, status: s?.status ?? 'provisional', changedAt: s?.changed_at ?? null };
}

/** A figure's restatements: the audit entries of changes made while its quarter was final, by audit id. */
export function listRestatementsOf(db: AppDatabase, observationId: number): Map<number, string> {
  const rows = db.$client.prepare('SELECT audit_id, quarter FROM restatements WHERE observation_id = ?').all(observationId) as { audit_id: number; quarter: string }[];
  return new Map(rows.map((r) => [r.audit_id, parsePeriodToken(r.quarter)?.label ?? r.quarter]));
}
