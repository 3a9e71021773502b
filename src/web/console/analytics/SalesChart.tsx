/** One day of the chart: its date and revenue in minor units. */
export interface ChartDay {
  date: string;
  revenue: number;
}

const WIDTH = 720;
const HEIGHT = 220;
const PAD = { top: 12, right: 12, bottom: 28, left: 12 };

function path(days: ChartDay[], max: number): string {
  const w = WIDTH - PAD.left - PAD.right;
  const h = HEIGHT - PAD.top - PAD.bottom;
  const step = days.length > 1 ? w / (days.length - 1) : 0;
  return days
    .map((d, i) => {
      const x = PAD.left + i * step;
      const y = PAD.top + h - (max > 0 ? (d.revenue / max) * h : 0);
      return `${i === 0 ? 'M' : 'L'}${x.toFixed(1)},${y.toFixed(1)}`;
    })
    .join(' ');
}

/**
 * Revenue per day as a line, the previous period of the same length dashed behind it: plain SVG
 * drawn here, no script from elsewhere. The tables below it carry the same numbers as text.
 */
export function SalesChart(props: { days: ChartDay[]; previous: ChartDay[]; label: string }) {
  const { days, previous } = props;
  const max = Math.max(1, ...days.map((d) => d.revenue), ...previous.map((d) => d.revenue));
  const first = days[0]?.date ?? '';
  const last = days[days.length - 1]?.date ?? '';
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={props.label} preserveAspectRatio="none">
        <line
          x1={PAD.left}
          x2={WIDTH - PAD.right}
          y1={HEIGHT - PAD.bottom}
          y2={HEIGHT - PAD.bottom}
          className="axis"
        />
        {previous.length > 0 && <path d={path(previous, max)} className="previous" />}
        <path d={path(days, max)} className="current" />
        <text x={PAD.left} y={HEIGHT - 8} className="tick">
          {first}
        </text>
        <text x={WIDTH - PAD.right} y={HEIGHT - 8} className="tick" textAnchor="end">
          {last}
        </text>
      </svg>
      <figcaption>
        <span className="key current">This period</span> <span className="key previous">Previous period</span>
      </figcaption>
    </figure>
  );
}
