// SQL the rollups' triggers and rebuilds share, written once.

/**
 * The financial quarter holding a date, as the month it starts: '2024-05-31' → '2024-04',
 * '2025-02-28' → '2025-01'. The same quarters as lib/fiscal-periods.ts (Q1 is April to June),
 * named by their first month so that they sort and compare as text; the tests hold the two equal.
 */
export function quarterOf(date: string): string {
  return `substr(${date}, 1, 5) || printf('%02d', ((CAST(substr(${date}, 6, 2) AS INTEGER) - 1) / 3) * 3 + 1)`;
}

/**
 * The search text (figure_text) of the figures `where` picks, a condition on `o`, the figure: its
 * note, the evidence of each source it cites, and its programme's, board's and metric's names.
 */
export function figureTextRows(where: string): string {
  return `SELECT o.id, coalesce(o.note, '') || char(10) || coalesce((SELECT group_concat(os.evidence, char(10)) FROM observation_sources os WHERE os.observation_id = o.id), '')
      || char(10) || p.name || char(10) || b.name || char(10) || m.name
    FROM observations o JOIN programmes p ON p.id = o.programme_id JOIN boards b ON b.id = p.board_id JOIN metrics m ON m.id = o.metric_id WHERE ${where}`;
}
