import type { RagStatus } from '@/lib/targets';

const STYLE: Record<RagStatus['status'], string> = {
  green: 'border-oi-green bg-emerald-50',
  amber: 'border-oi-orange bg-orange-50',
  red: 'border-oi-vermillion bg-red-50',
  cannot_tell: 'border-slate-500 bg-slate-50',
  no_figure: 'border-slate-300 bg-white',
};
const MARK: Record<RagStatus['status'], string> = { green: '●', amber: '◐', red: '○', cannot_tell: '?', no_figure: '–' };

/** A RAG status in words, never in colour alone: the mark and the label say it too. */
export function RagBadge({ rag, className = '' }: { rag: RagStatus; className?: string }) {
  return (
    <span className={`inline-block rounded border-l-4 px-2 py-0.5 text-sm ${STYLE[rag.status]} ${className}`} data-rag={rag.status}>
      <span aria-hidden="true">{MARK[rag.status]} </span>
      {rag.label}
    </span>
  );
}
