// A small chart for the board pack: a metric's last eight quarters as bars, drawn on the server as
// plain SVG so that it prints without waiting for any script, with its notes as numbered marks.
import { scaleBand, scaleLinear } from 'd3-scale';

const INK = '#0b0c0c';

export function PackChart({ name, points, notes }: { name: string; points: { label: string; value: number | null }[]; notes: { number: number; quarter: string }[] }) {
  const width = 300;
  const height = 110;
  const m = { top: 14, right: 4, bottom: 18, left: 4 };
  const x = scaleBand<string>().domain(points.map((p) => p.label)).range([m.left, width - m.right]).padding(0.2);
  const max = Math.max(1, ...points.map((p) => p.value ?? 0));
  const y = scaleLinear().domain([0, max]).range([height - m.bottom, m.top]);
  const drawn = points.filter((p) => p.value !== null);
  return (
    <svg viewBox={`0 0 ${width} ${height}`} className="w-full" role="img" aria-label={`${name} by quarter: ${drawn.map((p) => `${p.label} ${p.value!.toLocaleString('en-GB')}`).join(', ') || 'nothing to draw'}`}>
      {points.map((p) =>
        p.value === null ? null : <rect key={p.label} x={x(p.label)} y={y(p.value)} width={x.bandwidth()} height={Math.max(0, y(0) - y(p.value))} fill="#0072b2" />,
      )}
      <line x1={m.left} x2={width - m.right} y1={y(0)} y2={y(0)} stroke={INK} />
      {[points[0], points.at(-1)].map((p, i) =>
        p ? (
          <text key={i} x={i ? width - m.right : m.left} y={height - 4} fontSize={9} textAnchor={i ? 'end' : 'start'} fill={INK}>
            {p.label}
          </text>
        ) : null,
      )}
      {notes.map((n) => {
        const at = x(n.quarter);
        if (at === undefined) return null;
        const cx = at + x.bandwidth() / 2;
        return (
          <g key={n.number}>
            <line x1={cx} x2={cx} y1={m.top} y2={y(0)} stroke={INK} strokeDasharray="3 3" />
            <text x={cx} y={10} fontSize={9} textAnchor="middle" fill={INK}>{n.number}</text>
          </g>
        );
      })}
    </svg>
  );
}
