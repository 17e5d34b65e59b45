'use client';
// The charts, loaded after the page is interactive: a page's first load needs none of their
// code. Nothing is lost on the server: a chart draws only after hydration anyway (it measures
// its box), and each chart's figures are also in the text and table beside it. The placeholders
// hold the chart's space so the page does not jump.
import dynamic from 'next/dynamic';

const placeholder = (className: string) =>
  function ChartPlaceholder() {
    return <div className={`w-full ${className}`} aria-hidden="true" />;
  };

export const ChartBoardBars = dynamic(() => import('./chart-board-bars').then((m) => m.ChartBoardBars), {
  ssr: false,
  loading: placeholder('h-64'),
});
export const ChartCompareBars = dynamic(() => import('./chart-compare-bars').then((m) => m.ChartCompareBars), {
  ssr: false,
  loading: placeholder('h-56'),
});
export const ChartMetricSeries = dynamic(() => import('./chart-metric-series').then((m) => m.ChartMetricSeries), {
  ssr: false,
  loading: placeholder('h-64'),
});
export const ChartQuarterBars = dynamic(() => import('./chart-quarter-bars').then((m) => m.ChartQuarterBars), {
  ssr: false,
  loading: placeholder('h-72'),
});
export const ChartSparkline = dynamic(() => import('./chart-sparkline').then((m) => m.ChartSparkline), {
  ssr: false,
  loading: placeholder('h-10'),
});
