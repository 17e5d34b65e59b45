// SQL the rollups' triggers and rebuilds share, written once.

/**
 * The financial quarter holding a date, as the month it starts: '2024-05-31' → '2024-04',
 * '2025-02-28' → '2025-01'. The same quarters as lib/fiscal-periods.ts (Q1 is April to June),
 * named by their first month so that they sort and compare as text; the tests hold the two equal.
 */
export function quarterOf(date: string): string {
  return `substr(${date}, 1, 5) || printf('%02d', ((CAST(substr(${date}, 6, 2) AS INTEGER) - 1) / 3) * 3 + 1)`;
}
