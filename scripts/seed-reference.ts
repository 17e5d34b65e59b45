// The dashboard's boards, programmes and metrics as the extractor's reference names, read from a
// seed folder's CSVs (seed/ by default; scripts/first-sight.ts reads an older commit's).
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { ReferenceNames } from '../lib/extraction';
import type { Unit } from '../lib/vocabulary';

export const SEED = path.resolve(__dirname, '../seed');

export function seedReference(dir: string = SEED): ReferenceNames {
  const read = (file: string) => parse(fs.readFileSync(path.join(dir, file), 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  return {
    boards: read('boards.csv').map((r) => ({ name: r.name!, slug: r.slug! })),
    programmes: read('programmes.csv').map((r) => ({ name: r.name!, slug: r.slug!, board: r.board!, theme: r.theme || null })),
    metrics: read('metrics.csv').map((r) => ({ name: r.name!, slug: r.slug!, unit: r.unit as Unit, definition: r.definition || null })),
  };
}
