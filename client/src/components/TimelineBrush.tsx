/**
 * A histogram of the chart's links by month with a brush: drag across it to keep only the
 * links valid in that range. Pointer events, no timers.
 */
import { useRef, useState } from 'react';

interface Props {
  months: { month: string; count: number }[];
  from: string | null;
  to: string | null;
  onChange(from: string | null, to: string | null): void;
}

const W = 260;
const H = 56;

function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(last).padStart(2, '0')}`;
}

export function TimelineBrush({ months, from, to, onChange }: Props) {
  const svg = useRef<SVGSVGElement>(null);
  const [drag, setDrag] = useState<{ a: number; b: number } | null>(null);
  if (months.length === 0) return <p className="muted small">No dated links on the chart yet.</p>;
  const max = Math.max(...months.map((m) => m.count));
  const bw = W / months.length;
  const indexAt = (clientX: number) => {
    const box = svg.current!.getBoundingClientRect();
    return Math.max(0, Math.min(months.length - 1, Math.floor(((clientX - box.left) / box.width) * months.length)));
  };
  const selA = drag ? Math.min(drag.a, drag.b) : from ? months.findIndex((m) => m.month >= from.slice(0, 7)) : -1;
  const selB = drag ? Math.max(drag.a, drag.b) : to ? months.map((m) => m.month <= to.slice(0, 7)).lastIndexOf(true) : -1;
  const hasSel = drag !== null || from !== null || to !== null;
  const a = hasSel ? (selA < 0 ? 0 : selA) : -1;
  const b = hasSel ? (selB < 0 ? months.length - 1 : selB) : -1;
  return (
    <div className="brush">
      <svg
        ref={svg}
        viewBox={`0 0 ${W} ${H}`}
        width="100%"
        height={H}
        role="slider"
        aria-label="Date range of links: drag to choose"
        aria-valuetext={from || to ? `${from ?? 'start'} to ${to ?? 'end'}` : 'all dates'}
        tabIndex={0}
        onPointerDown={(e) => {
          (e.target as Element).setPointerCapture?.(e.pointerId);
          const i = indexAt(e.clientX);
          setDrag({ a: i, b: i });
        }}
        onPointerMove={(e) => drag && setDrag({ a: drag.a, b: indexAt(e.clientX) })}
        onPointerUp={() => {
          if (!drag) return;
          const lo = months[Math.min(drag.a, drag.b)]!;
          const hi = months[Math.max(drag.a, drag.b)]!;
          setDrag(null);
          onChange(`${lo.month}-01`, monthEnd(hi.month));
        }}
      >
        {a >= 0 && <rect x={a * bw} y={0} width={(b - a + 1) * bw} height={H - 12} className="brush-sel" />}
        {months.map((m, i) => {
          const h = m.count ? Math.max(2, (m.count / max) * (H - 16)) : 0;
          const inSel = a < 0 || (i >= a && i <= b);
          return <rect key={m.month} x={i * bw + 0.5} y={H - 12 - h} width={Math.max(1, bw - 1)} height={h} className={inSel ? 'bar' : 'bar out'} />;
        })}
        <text x={0} y={H - 1} className="axis">{months[0]!.month}</text>
        <text x={W} y={H - 1} className="axis" textAnchor="end">{months[months.length - 1]!.month}</text>
      </svg>
    </div>
  );
}
