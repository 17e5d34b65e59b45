// Splits a report's line into plain and highlighted segments, one highlight per stored figure's
// evidence, so the sources page can mark each figure in the text it came from.

export interface Segment {
  text: string;
  /** The observations whose evidence this segment is, or none for plain text. */
  observationIds: number[];
}

export function highlightLine(line: string, occurrences: { observationId: number; evidence: string }[]): Segment[] {
  // Where each evidence string stands; several figures can share one sentence.
  const spans = new Map<string, { start: number; end: number; ids: number[] }>();
  for (const o of occurrences) {
    const start = line.indexOf(o.evidence);
    if (start < 0) continue;
    const key = `${start}:${o.evidence.length}`;
    const span = spans.get(key) ?? { start, end: start + o.evidence.length, ids: [] };
    span.ids.push(o.observationId);
    spans.set(key, span);
  }
  // Merge overlapping spans: a highlight covers every figure standing in it.
  const sorted = [...spans.values()].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: { start: number; end: number; ids: number[] }[] = [];
  for (const s of sorted) {
    const last = merged[merged.length - 1];
    if (last && s.start < last.end) {
      last.end = Math.max(last.end, s.end);
      last.ids.push(...s.ids);
    } else merged.push({ ...s, ids: [...s.ids] });
  }
  const out: Segment[] = [];
  let at = 0;
  for (const m of merged) {
    if (m.start > at) out.push({ text: line.slice(at, m.start), observationIds: [] });
    out.push({ text: line.slice(m.start, m.end), observationIds: [...new Set(m.ids)] });
    at = m.end;
  }
  if (at < line.length) out.push({ text: line.slice(at), observationIds: [] });
  // The report's own emphasis markers are dropped for reading, after positions are found.
  return out.map((s) => ({ ...s, text: plainText(s.text) })).filter((s) => s.text.length > 0);
}

function plainText(s: string): string {
  return s.replace(/\*\*|__|<\/?u>/g, '');
}

