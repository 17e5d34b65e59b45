'use client';

import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ChartRow } from '@/lib/series-view';

const COLOURS = { period: '#0072b2', cumulative: '#d55e00', planned: '#009e73' };

interface TooltipProps {
  active?: boolean;
  label?: string | number;
  payload?: { payload?: ChartRow }[];
}

function SeriesTooltip({ active, payload, label }: TooltipProps) {
  const row = payload?.[0]?.payload;
  if (!active || !row) return null;
  const lines = (
    [
      ['In period', row.text.period],
      ['Running total', row.text.cumulative],
      ['Planned', row.text.planned],
    ] as const
  ).filter(([, text]) => text !== null);
  return (
    <div className="max-w-xs rounded border border-slate-400 bg-white p-2 text-sm shadow" data-testid="chart-tooltip">
      <p className="font-semibold">{label}</p>
      {lines.map(([name, text]) => (
        <p key={name}>
          {name}: <span className="tabular font-semibold">{text}</span>
        </p>
      ))}
      {row.notes.map((n) => (
        <p key={n} className="text-xs text-slate-700">
          {n}
        </p>
      ))}
      <p className="mt-1 text-xs text-slate-600">Select the period to see its figures and their sources.</p>
    </div>
  );
}

/**
 * One metric over time: bars for in-period figures, a line for running totals, hatched bars
 * for plans. Bounded or approximate values are drawn with a dashed outline. Selecting a period
 * calls `onSelect` with its token (the panel then lists its figures with their sentences).
 */
export function ChartMetricSeries({ id, rows, unitLabel, onSelect }: { id: string; rows: ChartRow[]; unitLabel: string; onSelect: (token: string) => void }) {
  const has = (k: 'period' | 'cumulative' | 'planned') => rows.some((r) => r[k] !== null);
  const dashed = (k: 'period' | 'planned') => (entry: ChartRow) => (entry.inexact[k] ? '4 2' : undefined);
  return (
    <div>
      <div className="h-64 w-full" data-testid={`chart-${id}`}>
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart
            data={rows}
            margin={{ top: 8, right: 8, bottom: 8, left: 8 }}
            accessibilityLayer
            onClick={(state) => {
              const token = rows[Number(state?.activeTooltipIndex)]?.token;
              if (token) onSelect(token);
            }}
          >
            <defs>
              <pattern id={`hatch-${id}`} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
                <rect width="6" height="6" fill="#ffffff" />
                <line x1="0" y1="0" x2="0" y2="6" stroke={COLOURS.planned} strokeWidth="3" />
              </pattern>
            </defs>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 11 }} interval="preserveStartEnd" />
            <YAxis
              tick={{ fontSize: 11 }}
              width={56}
              label={{ value: unitLabel, angle: -90, position: 'insideLeft', fontSize: 11 }}
            />
            <Tooltip content={<SeriesTooltip />} />
            <Legend formatter={(value) => <span style={{ color: '#0b0c0c' }}>{value}</span>} />
            {has('period') && (
              <Bar
                dataKey="period"
                name="In period"
                fill={COLOURS.period}
                stroke="#0b0c0c"
                strokeWidth={1}
                shape={(props: { x?: number; y?: number; width?: number; height?: number; payload?: ChartRow }) => (
                  <rect
                    x={props.x}
                    y={props.y}
                    width={props.width}
                    height={props.height}
                    fill={COLOURS.period}
                    stroke="#0b0c0c"
                    strokeDasharray={props.payload ? dashed('period')(props.payload) : undefined}
                    className="recharts-bar-rectangle cursor-pointer"
                  />
                )}
              />
            )}
            {has('planned') && (
              <Bar
                dataKey="planned"
                name="Planned"
                fill={`url(#hatch-${id})`}
                stroke={COLOURS.planned}
                strokeWidth={1}
                strokeDasharray="4 2"
              />
            )}
            {has('cumulative') && (
              <Line
                dataKey="cumulative"
                name="Running total"
                stroke={COLOURS.cumulative}
                strokeWidth={2}
                dot={{ r: 4 }}
                connectNulls={false}
                type="stepAfter"
              />
            )}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}
