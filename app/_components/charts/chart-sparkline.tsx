'use client';

import { Line, LineChart, ResponsiveContainer, YAxis } from 'recharts';

/** A small trend line for a headline card; gaps where no figures were reported. */
export function ChartSparkline({ points, label }: { points: { label: string; value: number | null }[]; label: string }) {
  if (points.filter((p) => p.value !== null).length < 2) return null;
  return (
    <div className="h-10 w-full" aria-hidden="true" data-label={label}>
      <ResponsiveContainer width="100%" height="100%">
        {/* Decorative: the card states the figures; no keyboard stop inside an aria-hidden region. */}
        <LineChart data={points} margin={{ top: 4, right: 2, bottom: 4, left: 2 }} accessibilityLayer={false} tabIndex={-1}>
          <YAxis hide domain={['dataMin', 'dataMax']} />
          <Line dataKey="value" stroke="#0072b2" strokeWidth={2} dot={{ r: 2 }} connectNulls={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
