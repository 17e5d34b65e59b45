'use client';

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface CompareBar {
  name: string;
  a: number | null;
  b: number | null;
  aText: string;
  bText: string;
  change: string;
  note: string | null;
}

function CompareTooltip({ active, payload, labels }: { active?: boolean; payload?: { payload?: CompareBar }[]; labels: { a: string; b: string } }) {
  const row = payload?.[0]?.payload;
  if (!active || !row) return null;
  return (
    <div className="max-w-xs rounded border border-slate-400 bg-white p-2 text-sm shadow" data-testid="chart-tooltip">
      <p className="font-semibold">{row.name}</p>
      <p>
        {labels.a}: <span className="tabular font-semibold">{row.aText}</span>
      </p>
      <p>
        {labels.b}: <span className="tabular font-semibold">{row.bText}</span>
      </p>
      <p>Change: {row.change}</p>
      {row.note && <p className="text-xs text-slate-700">{row.note}</p>}
    </div>
  );
}

/** A against B for each programme (one metric, one unit), as grouped bars. */
export function ChartCompareBars({ data, labels, unitLabel }: { data: CompareBar[]; labels: { a: string; b: string }; unitLabel: string }) {
  return (
    <div className="w-full" style={{ height: Math.max(220, 44 * data.length + 60) }} data-testid="chart-compare">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 24, bottom: 16, left: 8 }} accessibilityLayer>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" tick={{ fontSize: 11 }} label={{ value: unitLabel, position: 'insideBottom', offset: -8, fontSize: 11 }} />
          <YAxis type="category" dataKey="name" width={170} tick={{ fontSize: 11 }} />
          <Tooltip content={<CompareTooltip labels={labels} />} />
          <Legend verticalAlign="top" formatter={(value) => <span style={{ color: '#0b0c0c' }}>{value}</span>} />
          <Bar dataKey="a" name={`A: ${labels.a}`} fill="#56b4e9" stroke="#0b0c0c" strokeWidth={0.5} />
          <Bar dataKey="b" name={`B: ${labels.b}`} fill="#0072b2" stroke="#0b0c0c" strokeWidth={0.5} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
