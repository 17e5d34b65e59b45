import type { AppDatabase } from '@/db/client';
import { listMetrics, listProgrammes, listSources, retiredSlugs } from '@/db/queries/reference';

/** The choices of the figure form: retired programmes and metrics are not offered. */
export function formOptions(db: AppDatabase) {
  const retiredProgrammes = retiredSlugs(db, 'programme');
  const retiredMetrics = retiredSlugs(db, 'metric');
  return {
    programmes: listProgrammes(db).filter((p) => !retiredProgrammes.has(p.slug)).map((p) => ({ value: p.slug, label: `${p.name} (${p.board.name})` })),
    metrics: listMetrics(db).filter((m) => !retiredMetrics.has(m.slug)).map((m) => ({ value: m.slug, label: `${m.name} (${m.unit})` })),
    sources: listSources(db).map((s) => ({ value: String(s.id), label: s.title })),
  };
}
