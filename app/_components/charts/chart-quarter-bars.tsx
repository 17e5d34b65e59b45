'use client';

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface QuarterCounts {
  token: string;
  label: string;
  period: number;
  cumulative: number;
  planned: number;
}

const SERIES = [
  { key: 'period', name: 'In-period figures', fill: '#0072b2' },
  { key: 'cumulative', name: 'Running totals', fill: '#e69f00' },
  // Planned figures are hatched so they never read as delivered activity.
  { key: 'planned', name: 'Planned', fill: 'url(#hatch-planned)' },
] as const;

/** Number of figures reported per financial quarter, stacked by basis. */
export function ChartQuarterBars({ data }: { data: QuarterCounts[] }) {
  return (
    <div className="h-72 w-full" data-testid="chart-figures-per-quarter">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 24, left: 8 }} accessibilityLayer>
          <defs>
            <pattern id="hatch-planned" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
              <rect width="6" height="6" fill="#ffffff" />
              <line x1="0" y1="0" x2="0" y2="6" stroke="#009e73" strokeWidth="3" />
            </pattern>
          </defs>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey="label"
            tick={{ fontSize: 12 }}
            label={{ value: 'Financial quarter (by period end)', position: 'insideBottom', offset: -16, fontSize: 12 }}
          />
          <YAxis
            allowDecimals={false}
            tick={{ fontSize: 12 }}
            label={{ value: 'Figures reported', angle: -90, position: 'insideLeft', fontSize: 12 }}
          />
          <Tooltip />
          <Legend verticalAlign="top" height={28} formatter={(value) => <span style={{ color: '#0b0c0c' }}>{value}</span>} />
          {SERIES.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.name} stackId="basis" fill={s.fill} stroke="#0b0c0c" strokeWidth={0.5} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
