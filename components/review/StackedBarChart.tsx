/** A plain SVG stacked bar chart with a legend: one bar per month, one colour per series. */
const WIDTH = 480;
const HEIGHT = 180;
const BOTTOM = 24;
const TOP = 16;

export interface Series {
  name: string;
  values: number[];
}

export function StackedBarChart({ title, labels, series }: { title: string; labels: string[]; series: Series[] }) {
  const totals = labels.map((_, i) => series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const max = Math.max(1, ...totals);
  const slot = WIDTH / Math.max(1, labels.length);
  const scale = (HEIGHT - BOTTOM - TOP) / max;
  const summary = labels.map((label, i) => `${label}: ${series.map((s) => `${s.values[i] ?? 0} ${s.name}`).join(', ')}`).join('; ');
  return (
    <figure class="chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`${title}. ${summary}`} data-testid="stacked-chart">
        {labels.map((label, i) => {
          const x = i * slot + slot * 0.2;
          let y = HEIGHT - BOTTOM;
          return (
            <g key={label}>
              {series.map((s, k) => {
                const h = (s.values[i] ?? 0) * scale;
                y -= h;
                return h > 0 ? (
                  <rect key={s.name} class={`series-${k}`} x={x} y={y} width={slot * 0.6} height={h}>
                    <title>{`${label}, ${s.name}: ${s.values[i]}`}</title>
                  </rect>
                ) : null;
              })}
              <text class="value" x={x + slot * 0.3} y={HEIGHT - BOTTOM - (totals[i] ?? 0) * scale - 4} text-anchor="middle">{totals[i]}</text>
              <text class="axis" x={x + slot * 0.3} y={HEIGHT - 6} text-anchor="middle">{label}</text>
            </g>
          );
        })}
      </svg>
      <ul class="legend">
        {series.map((s, k) => <li key={s.name}><span class={`swatch series-${k}`} aria-hidden="true" />{s.name}</li>)}
      </ul>
    </figure>
  );
}
