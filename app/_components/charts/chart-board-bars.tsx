'use client';

import { scaleBand, scaleLinear } from 'd3-scale';
import { BottomValueAxis, ChartSurface, FONT, INK, tickText, useBoxWidth, valueDomain } from './chart-kit';

/** Figures reported by each board in the period: one horizontal bar each, labelled directly. */
export function ChartBoardBars({ data }: { data: { name: string; figures: number }[] }) {
  const { ref, width } = useBoxWidth();
  const margin = { top: 4, right: 48, bottom: 36, left: 188 };
  const height = 36 * data.length + 40;
  const plotWidth = Math.max(0, width - margin.left - margin.right);
  const plotHeight = height - margin.top - margin.bottom;
  const y = scaleBand<string>().domain(data.map((d) => d.name)).range([0, plotHeight]).padding(0.2);
  const x = scaleLinear()
    .domain(valueDomain(data.map((d) => d.figures)))
    .nice()
    .range([0, plotWidth]);
  return (
    // The figures are written beside each bar, so the chart needs no tooltip.
    <div ref={ref} className="w-full" style={{ height }} data-testid="chart-board-activity">
      {width > 0 && (
        <ChartSurface width={width} height={height}>
          <g transform={`translate(${margin.left},${margin.top})`}>
            <BottomValueAxis x={x} height={plotHeight} title="Figures reported" integers />
            {data.map((d) => (
              <g key={d.name} transform={`translate(0,${y(d.name)})`}>
                <text x={-8} y={y.bandwidth() / 2} dy="0.32em" textAnchor="end" fontSize={FONT} fill={INK}>
                  {d.name.length > 30 ? `${d.name.slice(0, 29)}…` : d.name}
                </text>
                <rect className="chart-bar" width={x(d.figures)} height={y.bandwidth()} fill="#0072b2" />
                <text x={x(d.figures) + 4} y={y.bandwidth() / 2} dy="0.32em" fontSize={FONT} fill={INK}>
                  {tickText(d.figures)}
                </text>
              </g>
            ))}
          </g>
        </ChartSurface>
      )}
    </div>
  );
}
