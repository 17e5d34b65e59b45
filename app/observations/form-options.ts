import type { AppDatabase } from '@/db/client';
import { listMetrics, listProgrammes, listSources, retiredSlugs } from '@/db/queries/reference';

/**
 * The choices of the figure form: retired programmes and metrics are not offered, except the
 * ones a figure being edited already has (`current`), which must stay its choice.
 */
export function formOptions(db: AppDatabase, current: { programme?: string; metric?: string } = {}) {
  const retiredProgrammes = retiredSlugs(db, 'programme');
  const retiredMetrics = retiredSlugs(db, 'metric');
  return {
    programmes: listProgrammes(db).filter((p) => !retiredProgrammes.has(p.slug) || p.slug === current.programme).map((p) => ({ value: p.slug, label: `${p.name} (${p.board.name})` })),
    metrics: listMetrics(db).filter((m) => !retiredMetrics.has(m.slug) || m.slug === current.metric).map((m) => ({ value: m.slug, label: `${m.name} (${m.unit})` })),
    sources: listSources(db).map((s) => ({ value: String(s.id), label: s.title })),
  };
}
