// Reads the numbers a sentence states, the way a person would: "1,153", "£14k", "£10m",
// "275+", "Thirty-four", "nine", "a dozen", "50%". Used to check that a figure's value really
// stands in its evidence, and by report extraction to find candidate figures.
/** Number words and scales, shared with report extraction (lib/extraction/numbers.ts). */
export const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19,
};
export const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
export const SCALES: Record<string, number> = {
  k: 1e3, thousand: 1e3, m: 1e6, million: 1e6, mn: 1e6, bn: 1e9, billion: 1e9,
};

/** Every value the text states, as plain numbers (a numeral with a scale gives both readings). */
export function numbersInText(text: string): Set<number> {
  const out = new Set<number>();
  const t = text.toLowerCase().replace(/\*\*|__|<\/?u>/g, '');

  for (const m of t.matchAll(/(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(k|thousand|m|mn|million|bn|billion)?\b/g)) {
    const n = Number(m[1]!.replace(/,/g, '') + (m[2] ?? ''));
    out.add(n);
    if (m[3]) out.add(Math.round(n * SCALES[m[3]]!));
  }
  // A thousands group split by formatting ("48, 917 views"): read it joined as well.
  for (const m of t.matchAll(/\b(\d{1,3}),\s(\d{3})\b/g)) out.add(Number(m[1]! + m[2]!));

  const tens = Object.keys(TENS).join('|');
  const units = Object.keys(UNITS).join('|');
  for (const m of t.matchAll(new RegExp(`\\b(${tens})(?:[- ](${units.replace('zero|', '')}))?\\b`, 'g')))
    out.add(TENS[m[1]!]! + (m[2] ? UNITS[m[2]]! : 0));
  for (const m of t.matchAll(new RegExp(`\\b(${units})\\b`, 'g'))) out.add(UNITS[m[1]!]!);
  for (const m of t.matchAll(/\b(a|one|two|three|four|five|six|seven|eight|nine)\s+(hundred|thousand)\b/g)) {
    const base = m[1] === 'a' ? 1 : UNITS[m[1]!]!;
    out.add(base * (m[2] === 'hundred' ? 100 : 1000));
  }
  if (/\ba dozen\b/.test(t)) out.add(12);
  return out;
}
