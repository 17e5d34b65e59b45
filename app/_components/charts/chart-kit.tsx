'use client';
// The parts every chart is drawn with: a box that measures its width, axes, a legend, and a
// tooltip that follows the pointer or the arrow keys. The scales, ticks and line paths come from
// d3-scale and d3-shape; what is drawn is ours. (Recharts drew these until it was 130 KB of the
// 266 KB of JavaScript a chart page fetched: `npm run bench`.)
import { useEffect, useRef, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import type { ScaleBand, ScaleLinear } from 'd3-scale';

export const INK = '#0b0c0c';
export const GRID = '#b1b4b6';
export const FONT = 11;

/** The width the chart's box has, kept up to date as it resizes; 0 until measured. */
export function useBoxWidth() {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(element.clientWidth);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}

/** A number as an axis shows it: grouped digits, no decimals it does not need. */
export const tickText = (n: number) => n.toLocaleString('en-GB', { maximumFractionDigits: 2 });

/** The top of a value axis: the largest value (or 1 when nothing is above nought), rounded up to a tick. */
export function valueDomain(values: (number | null)[]): [number, number] {
  const max = Math.max(0, ...values.filter((v): v is number => v !== null));
  return [0, max > 0 ? max : 1];
}

/** A value axis on the left with grid lines across the plot, and its title. */
export function LeftAxis({ y, width, title, integers = false }: { y: ScaleLinear<number, number>; width: number; title?: string; integers?: boolean }) {
  const ticks = y.ticks(5).filter((t) => !integers || Number.isInteger(t));
  return (
    <g aria-hidden="true">
      {ticks.map((t) => (
        <g key={t} transform={`translate(0,${y(t)})`}>
          <line x2={width} stroke={GRID} strokeDasharray="3 3" />
          <text x={-6} dy="0.32em" textAnchor="end" fontSize={FONT} fill={INK}>
            {tickText(t)}
          </text>
        </g>
      ))}
      {title && (
        <text transform={`translate(${-44},${(y.range()[0]! + y.range()[1]!) / 2}) rotate(-90)`} textAnchor="middle" fontSize={FONT} fill="#505a5f">
          {title}
        </text>
      )}
    </g>
  );
}

/** A value axis along the bottom of a chart of horizontal bars, with grid lines up the plot, and its title. */
export function BottomValueAxis({ x, height, title, integers = false }: { x: ScaleLinear<number, number>; height: number; title: string; integers?: boolean }) {
  const ticks = x.ticks(5).filter((t) => !integers || Number.isInteger(t));
  return (
    <g aria-hidden="true">
      {ticks.map((t) => (
        <g key={t} transform={`translate(${x(t)},0)`}>
          <line y2={height} stroke={GRID} strokeDasharray="3 3" />
          <text y={height + 14} textAnchor="middle" fontSize={FONT} fill={INK}>
            {tickText(t)}
          </text>
        </g>
      ))}
      <text x={(x.range()[0]! + x.range()[1]!) / 2} y={height + 30} textAnchor="middle" fontSize={FONT} fill="#505a5f">
        {title}
      </text>
    </g>
  );
}

/** Period labels under the plot, thinned so none overlap; the first and last always shown. */
export function BottomAxis({ x, labels, height, title }: { x: ScaleBand<string>; labels: string[]; height: number; title?: string }) {
  // Room for the longest label (about 6.6 px a character at 11 px) and a gap: "September 2020" needs more than "Q1 2020/21".
  const room = Math.max(...labels.map((l) => l.length), 1) * 6.6 + 14;
  const every = Math.max(1, Math.ceil((labels.length * room) / Math.max(1, x.range()[1]! - x.range()[0]!)));
  const domain = x.domain();
  // Every `every`th label, and the last: in place of the one before it when they would touch.
  const shown = new Set(domain.map((_, i) => i).filter((i) => i % every === 0));
  const last = domain.length - 1;
  if (!shown.has(last)) {
    shown.delete(last - (last % every));
    shown.add(0);
    shown.add(last);
  }
  return (
    <g aria-hidden="true" transform={`translate(0,${height})`}>
      <line x1={x.range()[0]} x2={x.range()[1]} stroke={INK} />
      {domain.map((key, i) =>
        shown.has(i) ? (
          // The last label ends at its bar's right edge, so it never runs off the chart.
          <text key={key} x={i === last ? x(key)! + x.bandwidth() : x(key)! + x.bandwidth() / 2} y={16} textAnchor={i === last ? 'end' : 'middle'} fontSize={FONT} fill={INK}>
            {labels[i]}
          </text>
        ) : null,
      )}
      {title && (
        <text x={(x.range()[0]! + x.range()[1]!) / 2} y={34} textAnchor="middle" fontSize={FONT} fill="#505a5f">
          {title}
        </text>
      )}
    </g>
  );
}

export interface LegendItem {
  name: string;
  /** A swatch: a fill (colour or pattern id), a dashed outline, or a line with a dot. */
  swatch: { fill?: string; hatch?: string; line?: string };
}

/** The legend, as text beside swatches (HTML: it wraps on a phone). */
export function Legend({ items }: { items: LegendItem[] }) {
  return (
    <ul className="flex flex-wrap justify-center gap-x-4 gap-y-1 text-sm" aria-hidden="true">
      {items.map((item) => (
        <li key={item.name} className="flex items-center gap-1.5">
          <svg width="18" height="12" aria-hidden="true">
            {item.swatch.line ? (
              <>
                <line x1="0" y1="6" x2="18" y2="6" stroke={item.swatch.line} strokeWidth="2" />
                <circle cx="9" cy="6" r="3.5" fill="#ffffff" stroke={item.swatch.line} strokeWidth="1.5" />
              </>
            ) : item.swatch.hatch ? (
              <rect x="1" y="1" width="16" height="10" fill="#ffffff" stroke={item.swatch.hatch} strokeWidth="1.5" strokeDasharray="3 2" />
            ) : (
              <rect x="1" y="1" width="16" height="10" fill={item.swatch.fill} stroke={INK} strokeWidth="0.5" />
            )}
          </svg>
          <span style={{ color: INK }}>{item.name}</span>
        </li>
      ))}
    </ul>
  );
}

/** A diagonal hatch in `colour`, for planned figures: never read as delivered activity. */
export function Hatch({ id, colour }: { id: string; colour: string }) {
  return (
    <defs>
      <pattern id={id} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
        <rect width="6" height="6" fill="#ffffff" />
        <line x1="0" y1="0" x2="0" y2="6" stroke={colour} strokeWidth="3" />
      </pattern>
    </defs>
  );
}

type Point = { x: number; y: number };

/**
 * Which of `count` slots (periods, programmes) the pointer or the keyboard is on, and where to
 * put its tooltip. `boxProps` makes the chart's box take focus: the arrow keys move between
 * slots, Enter calls `onEnter` with the slot, Escape (or leaving the box) hides the tooltip.
 */
export function useActiveSlot(count: number) {
  const [active, setActive] = useState<{ index: number; x: number; y: number } | null>(null);
  const boxProps = (position: (index: number) => Point, onEnter?: (index: number) => void) => ({
    tabIndex: 0,
    role: 'group' as const,
    onBlur: () => setActive(null),
    onKeyDown: (event: KeyboardEvent<HTMLElement>) => {
      if (event.key === 'Escape') return setActive(null);
      if (event.key === 'Enter' && active && onEnter) return onEnter(active.index);
      const step = event.key === 'ArrowRight' || event.key === 'ArrowDown' ? 1 : event.key === 'ArrowLeft' || event.key === 'ArrowUp' ? -1 : 0;
      if (!step || !count) return;
      event.preventDefault();
      const index = active === null ? (step > 0 ? 0 : count - 1) : Math.min(count - 1, Math.max(0, active.index + step));
      setActive({ index, ...position(index) });
    },
  });
  return { active, setActive, boxProps };
}

/**
 * A chart's drawing: an SVG the size of its box, hidden from screen readers (the sentence and
 * table beside every chart say the same), telling where the pointer is in it.
 */
export function ChartSurface({
  width,
  height,
  onPointer,
  onLeave,
  onPick,
  children,
}: {
  width: number;
  height: number;
  onPointer?: (at: Point) => void;
  onLeave?: () => void;
  onPick?: (at: Point) => void;
  children: ReactNode;
}) {
  const at = (e: MouseEvent<SVGSVGElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    return { x: e.clientX - box.left, y: e.clientY - box.top };
  };
  return (
    <svg
      className="chart-surface"
      width={width}
      height={height}
      aria-hidden="true"
      onMouseMove={onPointer && ((e) => onPointer(at(e)))}
      onMouseLeave={onLeave}
      onClick={onPick && ((e) => onPick(at(e)))}
    >
      {children}
    </svg>
  );
}

/** The tooltip box, placed beside the point inside the chart's box and kept within it. */
export function TooltipBox({ x, y, boxWidth, children }: { x: number; y: number; boxWidth: number; children: ReactNode }) {
  const left = x + 240 > boxWidth ? Math.max(0, x - 252) : x + 12;
  return (
    <div className="pointer-events-none absolute z-10" style={{ left, top: Math.max(0, y - 20) }}>
      {children}
    </div>
  );
}
