'use client';

import { scaleBand, scaleLinear } from 'd3-scale';
import { BottomValueAxis, ChartSurface, FONT, INK, Legend, TooltipBox, useActiveSlot, useBoxWidth, valueDomain } from './chart-kit';

export interface CompareBar {
  name: string;
  a: number | null;
  b: number | null;
  aText: string;
  bText: string;
  change: string;
  note: string | null;
}

function CompareTooltip({ row, labels }: { row: CompareBar; labels: { a: string; b: string } }) {
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

const COLOURS = { a: '#56b4e9', b: '#0072b2' };

/** A against B for each programme (one metric, one unit), as grouped bars. */
export function ChartCompareBars({ data, labels, unitLabel }: { data: CompareBar[]; labels: { a: string; b: string }; unitLabel: string }) {
  const { ref, width } = useBoxWidth();
  const { active, setActive, boxProps } = useActiveSlot(data.length);
  const margin = { top: 4, right: 24, bottom: 36, left: 178 };
  const height = Math.max(192, 44 * data.length + 32);
  const plotWidth = Math.max(0, width - margin.left - margin.right);
  const plotHeight = height - margin.top - margin.bottom;
  const y = scaleBand<number>().domain(data.map((_, i) => i)).range([0, plotHeight]).padding(0.2);
  const inner = scaleBand<'a' | 'b'>().domain(['a', 'b']).range([0, y.bandwidth()]).padding(0.05);
  const x = scaleLinear()
    .domain(valueDomain(data.flatMap((d) => [d.a, d.b])))
    .nice()
    .range([0, plotWidth]);
  const slotAt = (pointerY: number) => Math.min(data.length - 1, Math.max(0, Math.floor(((pointerY - margin.top) / Math.max(1, plotHeight)) * data.length)));
  const pointOf = (index: number) => ({ x: margin.left + x(Math.max(data[index]!.a ?? 0, data[index]!.b ?? 0)), y: margin.top + y(index)! + 28 });
  const activeRow = active ? data[active.index] : undefined;
  return (
    <div
      ref={ref}
      className="relative w-full"
      data-testid="chart-compare"
      aria-label="Chart: the arrow keys read each programme"
      {...boxProps(pointOf)}
    >
      <Legend
        items={[
          { name: `A: ${labels.a}`, swatch: { fill: COLOURS.a } },
          { name: `B: ${labels.b}`, swatch: { fill: COLOURS.b } },
        ]}
      />
      {width > 0 && (
        <ChartSurface
          width={width}
          height={height}
          // The legend sits above the drawing: the tooltip is placed in the box, below it.
          onPointer={({ x: px, y: py }) => setActive({ index: slotAt(py), x: px, y: py + 28 })}
          onLeave={() => setActive(null)}
        >
          <g transform={`translate(${margin.left},${margin.top})`}>
            <BottomValueAxis x={x} height={plotHeight} title={unitLabel} />
            {data.map((d, i) => (
              <g key={`${d.name}-${i}`} transform={`translate(0,${y(i)})`}>
                <text x={-8} y={y.bandwidth() / 2} dy="0.32em" textAnchor="end" fontSize={FONT} fill={INK}>
                  {d.name.length > 28 ? `${d.name.slice(0, 27)}…` : d.name}
                </text>
                {(['a', 'b'] as const).map((k) =>
                  d[k] === null ? null : (
                    <rect key={k} className="chart-bar" y={inner(k)} width={x(d[k]!)} height={inner.bandwidth()} fill={COLOURS[k]} stroke={INK} strokeWidth={0.5} />
                  ),
                )}
              </g>
            ))}
          </g>
        </ChartSurface>
      )}
      {active && activeRow && (
        <TooltipBox x={active.x} y={active.y} boxWidth={width}>
          <CompareTooltip row={activeRow} labels={labels} />
        </TooltipBox>
      )}
    </div>
  );
}
