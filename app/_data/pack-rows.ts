// The pack's headline table, as rows of words: the page and the Word document show the same cells.
import type { PackData } from './pack';

export const PACK_HEADLINE_HEADERS = ['Metric', 'Figure', 'Counted as', 'Change', 'Target', 'Status'] as const;

export function packHeadlineRows(pack: PackData): string[][] {
  return pack.headlines.map((h) => {
    const target = pack.targets.get(`${h.metric.slug}|${h.basis}`);
    const change = h.change ? `${h.change.text}${h.change.percent ? ` (${h.change.percent})` : ''}` : (h.noChange?.label ?? '—');
    const status = target ? target.rag.label : '—';
    return [h.metric.name, h.current.text, h.basisLabel, change, target ? `${target.valueText}${target.rag.progress ? `: ${target.rag.progress}` : ''}` : '—', status];
  });
}
