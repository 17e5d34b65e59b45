// Evidence is stored exactly as it stands in the report, including the report's own markdown
// emphasis (**36 councils**, <u>Wellbeing</u>). People read it without the markers.
export function plainEvidence(evidence: string): string {
  return evidence.replace(/\*\*|__|<\/?u>/g, '').replace(/\s+/g, ' ').trim();
}
