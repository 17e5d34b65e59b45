import { describe, expect, it } from 'vitest';
import { highlightLine } from './highlight';

describe('highlightLine', () => {
  const line = 'Intro. Sessions with **36 councils** are planned. Over 600 people attended.';

  it('marks each figure’s evidence and leaves the rest plain', () => {
    const segments = highlightLine(line, [
      { observationId: 1, evidence: 'Sessions with **36 councils** are planned.' },
      { observationId: 2, evidence: 'Over 600 people attended.' },
    ]);
    expect(segments).toEqual([
      { text: 'Intro. ', observationIds: [] },
      { text: 'Sessions with 36 councils are planned.', observationIds: [1] },
      { text: ' ', observationIds: [] },
      { text: 'Over 600 people attended.', observationIds: [2] },
    ]);
  });

  it('merges figures that share or overlap one sentence', () => {
    const segments = highlightLine('We engaged 17 groups in 85 meetings.', [
      { observationId: 1, evidence: 'We engaged 17 groups in 85 meetings.' },
      { observationId: 2, evidence: 'We engaged 17 groups in 85 meetings.' },
      { observationId: 3, evidence: '85 meetings' },
    ]);
    expect(segments).toEqual([{ text: 'We engaged 17 groups in 85 meetings.', observationIds: [1, 2, 3] }]);
  });

  it('keeps text that looks like HTML as text', () => {
    expect(highlightLine('<script>alert(1)</script> 5 councils', [{ observationId: 9, evidence: '5 councils' }])[0]!.text).toBe(
      '<script>alert(1)</script> ',
    );
  });
});
