'use client';

import { scaleBand, scaleLinear } from 'd3-scale';
import { curveStepAfter, line } from 'd3-shape';
import type { ChartRow } from '@/lib/series-view';
import { BottomAxis, ChartSurface, Hatch, INK, LeftAxis, Legend, TooltipBox, useActiveSlot, useBoxWidth, valueDomain, type LegendItem } from './chart-kit';

const COLOURS = { period: '#0072b2', cumulative: '#d55e00', planned: '#009e73' };

function SeriesTooltip({ row }: { row: ChartRow }) {
  const label = row.label;
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
 * (a click, or Enter on the focused chart) calls `onSelect` with its token (the panel then lists
 * its figures with their sentences).
 */
export function ChartMetricSeries({
  id,
  rows,
  unitLabel,
  onSelect,
  markers = [],
  targets = [],
}: {
  id: string;
  rows: ChartRow[];
  unitLabel: string;
  onSelect: (token: string) => void;
  /** Dated notes: a numbered dashed line at the period each falls in (listed under the chart). */
  markers?: { number: number; token: string; text: string }[];
  /** Targets: a line across the period each is for, in its basis's colour. */
  targets?: { token: string; basis: 'period' | 'cumulative'; value: number; text: string }[];
}) {
  const { ref, width } = useBoxWidth();
  const { active, setActive, boxProps } = useActiveSlot(rows.length);
  const has = (k: 'period' | 'cumulative' | 'planned') => rows.some((r) => r[k] !== null);
  const margin = { top: 8, right: 28, bottom: 24, left: 64 };
  const height = 216;
  const plotWidth = Math.max(0, width - margin.left - margin.right);
  const plotHeight = height - margin.top - margin.bottom;
  const x = scaleBand<string>().domain(rows.map((r) => r.token)).range([0, plotWidth]).paddingInner(0.2).paddingOuter(0.1);
  const y = scaleLinear()
    .domain(valueDomain([...rows.flatMap((r) => [r.period, r.cumulative, r.planned]), ...targets.map((t) => t.value)]))
    .nice()
    .range([plotHeight, 0]);
  const bars = (['period', 'planned'] as const).filter(has);
  const inner = scaleBand<string>().domain(bars).range([0, x.bandwidth()]).padding(0.05);
  const centre = (r: ChartRow) => x(r.token)! + x.bandwidth() / 2;
  const runningTotal = line<ChartRow>()
    .defined((r) => r.cumulative !== null)
    .x(centre)
    .y((r) => y(r.cumulative!))
    .curve(curveStepAfter)(rows);
  const slotAt = (pointerX: number) => Math.min(rows.length - 1, Math.max(0, Math.floor(((pointerX - margin.left) / Math.max(1, plotWidth)) * rows.length)));
  const pointOf = (index: number) => {
    const r = rows[index]!;
    return { x: margin.left + centre(r), y: margin.top + y(Math.max(r.period ?? 0, r.cumulative ?? 0, r.planned ?? 0)) };
  };
  const legend: LegendItem[] = [
    ...(has('period') ? [{ name: 'In period', swatch: { fill: COLOURS.period } }] : []),
    ...(has('planned') ? [{ name: 'Planned', swatch: { hatch: COLOURS.planned } }] : []),
    ...(has('cumulative') ? [{ name: 'Running total', swatch: { line: COLOURS.cumulative } }] : []),
    ...(targets.length ? [{ name: 'Target', swatch: { line: INK } }] : []),
  ];
  const activeRow = active ? rows[active.index] : undefined;
  return (
    <div
      ref={ref}
      className="relative h-64 w-full"
      data-testid={`chart-${id}`}
      aria-label="Chart: the arrow keys read each period, Enter lists its figures"
      {...boxProps(pointOf, (index) => onSelect(rows[index]!.token))}
    >
      {width > 0 && (
        <ChartSurface
          width={width}
          height={height}
          onPointer={({ x: px, y: py }) => setActive({ index: slotAt(px), x: px, y: py })}
          onLeave={() => setActive(null)}
          onPick={({ x: px }) => onSelect(rows[slotAt(px)]!.token)}
        >
          <Hatch id={`hatch-${id}`} colour={COLOURS.planned} />
          <g transform={`translate(${margin.left},${margin.top})`}>
            <LeftAxis y={y} width={plotWidth} title={unitLabel} />
            {activeRow && <rect x={x(activeRow.token)! - (x.step() - x.bandwidth()) / 2} width={x.step()} height={plotHeight} fill="#f3f2f1" />}
            {rows.map((r) =>
              bars.map((k) =>
                r[k] === null ? null : (
                  <rect
                    key={`${r.token}-${k}`}
                    className="chart-bar cursor-pointer"
                    x={x(r.token)! + inner(k)!}
                    y={y(r[k]!)}
                    width={inner.bandwidth()}
                    height={Math.max(0, plotHeight - y(r[k]!))}
                    fill={k === 'planned' ? `url(#hatch-${id})` : COLOURS.period}
                    stroke={k === 'planned' ? COLOURS.planned : INK}
                    strokeDasharray={k === 'planned' || r.inexact[k] ? '4 2' : undefined}
                  />
                ),
              ),
            )}
            {runningTotal && <path d={runningTotal} fill="none" stroke={COLOURS.cumulative} strokeWidth={2} />}
            {rows.map((r) =>
              r.cumulative === null ? null : (
                <circle key={`${r.token}-dot`} cx={centre(r)} cy={y(r.cumulative)} r={4} fill="#ffffff" stroke={COLOURS.cumulative} strokeWidth={2} strokeDasharray={r.inexact.cumulative ? '2 1' : undefined} />
              ),
            )}
            {targets.map((t) => {
              const at = x(t.token);
              if (at === undefined) return null;
              return (
                <g key={`${t.token}-${t.basis}`} data-testid="chart-target" pointerEvents="none">
                  <title>{t.text}</title>
                  <line x1={at - 2} x2={at + x.bandwidth() + 2} y1={y(t.value)} y2={y(t.value)} stroke={INK} strokeWidth={3} strokeDasharray="6 3" />
                </g>
              );
            })}
            {markers.map((m) => {
              const at = x(m.token);
              if (at === undefined) return null;
              const cx = at + x.bandwidth() / 2;
              return (
                <g key={m.number} data-testid="chart-annotation" aria-hidden="true" pointerEvents="none">
                  <line x1={cx} x2={cx} y1={0} y2={plotHeight} stroke={INK} strokeWidth={1} strokeDasharray="3 3" />
                  <circle cx={cx} cy={7} r={7} fill="#ffffff" stroke={INK} />
                  <text x={cx} y={11} textAnchor="middle" fontSize={10} fill={INK}>
                    {m.number}
                  </text>
                </g>
              );
            })}
            <BottomAxis x={x} labels={rows.map((r) => r.label)} height={plotHeight} />
          </g>
        </ChartSurface>
      )}
      <Legend items={legend} />
      {active && activeRow && (
        <TooltipBox x={active.x} y={active.y} boxWidth={width}>
          <SeriesTooltip row={activeRow} />
        </TooltipBox>
      )}
    </div>
  );
}
