import type { AppDatabase } from '@/db/client';
import { listMetrics, listProgrammes, listSources } from '@/db/queries/reference';

/** The choices of the figure form. */
export function formOptions(db: AppDatabase) {
  return {
    programmes: listProgrammes(db).map((p) => ({ value: p.slug, label: `${p.name} (${p.board.name})` })),
    metrics: listMetrics(db).map((m) => ({ value: m.slug, label: `${m.name} (${m.unit})` })),
    sources: listSources(db).map((s) => ({ value: String(s.id), label: s.title })),
  };
}
