/** A plain SVG bar chart: one bar per month, value on top. Readable by screen readers via aria-label. */
export interface Bar {
  label: string;
  value: number;
}

const WIDTH = 480;
const HEIGHT = 180;
const BOTTOM = 24;
const TOP = 16;

export function BarChart({ title, bars }: { title: string; bars: Bar[] }) {
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const slot = WIDTH / Math.max(1, bars.length);
  const scale = (HEIGHT - BOTTOM - TOP) / max;
  const summary = bars.map((bar) => `${bar.label}: ${bar.value}`).join(', ');
  return (
    <figure class="chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`${title}. ${summary}`} data-testid="bar-chart">
        {bars.map((bar, i) => {
          const h = bar.value * scale;
          const x = i * slot + slot * 0.2;
          const y = HEIGHT - BOTTOM - h;
          return (
            <g key={bar.label}>
              <rect class="bar" x={x} y={y} width={slot * 0.6} height={h}><title>{`${bar.label}: ${bar.value}`}</title></rect>
              <text class="value" x={x + slot * 0.3} y={y - 4} text-anchor="middle">{bar.value}</text>
              <text class="axis" x={x + slot * 0.3} y={HEIGHT - 6} text-anchor="middle">{bar.label}</text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
