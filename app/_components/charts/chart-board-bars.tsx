'use client';

import { Bar, BarChart, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

/** Figures reported by each board in the period: one horizontal bar each, labelled directly. */
export function ChartBoardBars({ data }: { data: { name: string; figures: number }[] }) {
  return (
    <div className="w-full" style={{ height: 36 * data.length + 40 }} data-testid="chart-board-activity">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 40, bottom: 16, left: 8 }} accessibilityLayer>
          <XAxis type="number" allowDecimals={false} tick={{ fontSize: 11 }} label={{ value: 'Figures reported', position: 'insideBottom', offset: -8, fontSize: 11 }} />
          <YAxis type="category" dataKey="name" width={180} tick={{ fontSize: 11 }} />
          <Tooltip formatter={(v) => [`${v} figures`, 'Reported']} />
          <Bar dataKey="figures" fill="#0072b2">
            <LabelList dataKey="figures" position="right" fontSize={11} fill="#0b0c0c" />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
