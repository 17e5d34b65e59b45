// Reference names for the extraction tests: invented boards and programmes, and the metric
// vocabulary of seed/metrics.csv (slug and name), as the database would hand them over.
import type { ReferenceNames } from './index';
import { METRIC_NAMES, unitOf, type MetricSlug } from './metric';

export const TEST_REFERENCE: ReferenceNames = {
  boards: [
    { name: 'Housing and Planning Board', slug: 'housing-and-planning-board' },
    { name: 'Safer Streets Board', slug: 'safer-streets-board' },
  ],
  programmes: [
    { name: 'Planning Futures Programme', slug: 'planning-futures-programme', board: 'Housing and Planning Board', theme: null },
    { name: 'Tenant Voice Network', slug: 'tenant-voice-network', board: 'Housing and Planning Board', theme: 'Housing' },
    { name: 'Youth Safety Fund', slug: 'youth-safety-fund', board: 'Safer Streets Board', theme: null },
    { name: 'Safer Streets Academy', slug: 'safer-streets-academy', board: 'Safer Streets Board', theme: 'Leadership' },
    { name: 'Return to Surveying', slug: 'return-to-surveying', board: 'Housing and Planning Board', theme: 'Workforce' },
    { name: 'Return to Trading Standards', slug: 'return-to-trading-standards', board: 'Safer Streets Board', theme: 'Workforce' },
  ],
  metrics: (Object.keys(METRIC_NAMES) as MetricSlug[]).map((slug) => ({
    slug,
    name: METRIC_NAMES[slug],
    unit: unitOf(slug),
    definition: null,
  })),
};
