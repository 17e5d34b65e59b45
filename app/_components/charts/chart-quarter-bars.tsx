'use client';

import { scaleBand, scaleLinear } from 'd3-scale';
import { BottomAxis, ChartSurface, Hatch, INK, LeftAxis, Legend, TooltipBox, useActiveSlot, useBoxWidth, valueDomain } from './chart-kit';

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
  const { ref, width } = useBoxWidth();
  const { active, setActive, boxProps } = useActiveSlot(data.length);
  const margin = { top: 8, right: 28, bottom: 40, left: 64 };
  const height = 252;
  const plotWidth = Math.max(0, width - margin.left - margin.right);
  const plotHeight = height - margin.top - margin.bottom;
  const x = scaleBand<string>().domain(data.map((d) => d.token)).range([0, plotWidth]).padding(0.2);
  const y = scaleLinear()
    .domain(valueDomain(data.map((d) => d.period + d.cumulative + d.planned)))
    .nice()
    .range([plotHeight, 0]);
  const slotAt = (pointerX: number) => Math.min(data.length - 1, Math.max(0, Math.floor(((pointerX - margin.left) / Math.max(1, plotWidth)) * data.length)));
  const pointOf = (index: number) => {
    const d = data[index]!;
    return { x: margin.left + x(d.token)! + x.bandwidth() / 2, y: margin.top + y(d.period + d.cumulative + d.planned) };
  };
  const activeRow = active ? data[active.index] : undefined;
  return (
    <div
      ref={ref}
      className="relative h-72 w-full"
      data-testid="chart-figures-per-quarter"
      aria-label="Chart: the arrow keys read each quarter"
      {...boxProps(pointOf)}
    >
      <Legend items={SERIES.map((s) => ({ name: s.name, swatch: s.key === 'planned' ? { hatch: '#009e73' } : { fill: s.fill } }))} />
      {width > 0 && (
        <ChartSurface
          width={width}
          height={height}
          // The legend sits above the drawing: the tooltip is placed in the box, below it.
          onPointer={({ x: px, y: py }) => setActive({ index: slotAt(px), x: px, y: py + 28 })}
          onLeave={() => setActive(null)}
        >
          <Hatch id="hatch-planned" colour="#009e73" />
          <g transform={`translate(${margin.left},${margin.top})`}>
            <LeftAxis y={y} width={plotWidth} title="Figures reported" integers />
            {data.map((d) => {
              let base = 0;
              return SERIES.map((s) => {
                const value = d[s.key];
                if (!value) return null;
                const top = base + value;
                const bar = (
                  <rect
                    key={`${d.token}-${s.key}`}
                    className="chart-bar"
                    x={x(d.token)}
                    y={y(top)}
                    width={x.bandwidth()}
                    height={y(base) - y(top)}
                    fill={s.fill}
                    stroke={INK}
                    strokeWidth={0.5}
                  />
                );
                base = top;
                return bar;
              });
            })}
            <BottomAxis x={x} labels={data.map((d) => d.label)} height={plotHeight} title="Financial quarter (by period end)" />
          </g>
        </ChartSurface>
      )}
      {active && activeRow && (
        <TooltipBox x={active.x} y={active.y} boxWidth={width}>
          <div className="rounded border border-slate-400 bg-white p-2 text-sm shadow" data-testid="chart-tooltip">
            <p className="font-semibold">{activeRow.label}</p>
            {SERIES.map((s) => (
              <p key={s.key}>
                {s.name}: <span className="tabular font-semibold">{activeRow[s.key].toLocaleString('en-GB')}</span>
              </p>
            ))}
          </div>
        </TooltipBox>
      )}
    </div>
  );
}
