'use client';

import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { useBoxWidth } from './chart-kit';

/** A small trend line for a headline card; gaps where no figures were reported. */
export function ChartSparkline({ points, label }: { points: { label: string; value: number | null }[]; label: string }) {
  const { ref, width } = useBoxWidth();
  const values = points.map((p) => p.value).filter((v): v is number => v !== null);
  if (values.length < 2) return null;
  const height = 40;
  const low = Math.min(...values);
  const high = Math.max(...values);
  const x = scaleLinear().domain([0, points.length - 1]).range([4, Math.max(4, width - 4)]);
  const y = scaleLinear().domain(low === high ? [low - 1, high + 1] : [low, high]).range([height - 5, 5]);
  const path = line<{ value: number | null }>()
    .defined((p) => p.value !== null)
    .x((_, i) => x(i))
    .y((p) => y(p.value!))(points);
  // Decorative: the card states the figures.
  return (
    <div ref={ref} className="h-10 w-full" aria-hidden="true" data-label={label}>
      {width > 0 && (
        <svg width={width} height={height} className="chart-surface">
          {path && <path d={path} fill="none" stroke="#0072b2" strokeWidth={2} />}
          {points.map((p, i) => (p.value === null ? null : <circle key={p.label} cx={x(i)} cy={y(p.value)} r={2} fill="#0072b2" />))}
        </svg>
      )}
    </div>
  );
}
