import { useState, type ReactNode } from 'react';

/*
 * Charts drawn as plain SVG. Each chart is an image with a spoken summary (role="img" + aria-label),
 * and its card offers the same numbers as a table, for screen readers and for reading exact values.
 */

/** A card with a chart and a Chart/Table switch. */
export function ChartCard({ id, title, note, actions, chart, table }: { id: string; title: string; note?: ReactNode; actions?: ReactNode; chart: ReactNode; table: ReactNode }) {
  const [asTable, setAsTable] = useState(false);
  return (
    <section className="card chart-card" aria-labelledby={`${id}-h`}>
      <div className="card-header">
        <h2 id={`${id}-h`}>{title}</h2>
        <div className="row">
          {actions}
          <div className="segmented" role="group" aria-label={`${title}: show as`}>
            <button type="button" aria-pressed={!asTable} onClick={() => setAsTable(false)}>
              Chart
            </button>
            <button type="button" aria-pressed={asTable} onClick={() => setAsTable(true)}>
              Table
            </button>
          </div>
        </div>
      </div>
      <div className="card-body chart-body">
        {asTable ? table : chart}
        {note !== undefined && <p className="chart-note">{note}</p>}
      </div>
    </section>
  );
}

export interface Segment {
  readonly key: string;
  readonly label: string;
  readonly color: string;
}

export interface StackedRow {
  readonly label: string;
  readonly values: Readonly<Record<string, number>>;
  /** Shown after the bar (e.g. "2 overdue"), in red when `alert`. */
  readonly after?: string;
  readonly alert?: boolean;
}

const W = 560;
const LABEL_W = 110;
const AFTER_W = 92;
const ROW_H = 30;
const BAR_H = 16;

/** "Nice" upper bound for an axis: 1, 2, 5 × 10^n at or above `max`. */
export function niceMax(max: number): number {
  if (max <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(max));
  for (const m of [1, 2, 5, 10]) if (m * p >= max) return m * p;
  return 10 * p;
}

function Legend({ segments }: { segments: readonly Segment[] }) {
  return (
    <ul className="chart-legend" aria-hidden="true">
      {segments.map((s) => (
        <li key={s.key}>
          <span className="chart-swatch" style={{ background: s.color }} />
          {s.label}
        </li>
      ))}
    </ul>
  );
}

/** Horizontal bars, each split into segments (open cases by priority, per language). */
export function StackedBars({ rows, segments, label }: { rows: readonly StackedRow[]; segments: readonly Segment[]; label: string }) {
  const totals = rows.map((r) => segments.reduce((n, s) => n + (r.values[s.key] ?? 0), 0));
  // Counts: at least 0–4 on the axis, ticks on whole numbers only.
  const max = niceMax(Math.max(4, ...totals));
  const plotW = W - LABEL_W - AFTER_W;
  const h = rows.length * ROW_H + 22;
  const ticks = max % 2 === 0 ? [0, max / 2, max] : [0, max];
  return (
    <div>
      <Legend segments={segments} />
      <svg className="chart" viewBox={`0 0 ${W} ${h}`} role="img" aria-label={label}>
        {ticks.map((t) => {
          const x = LABEL_W + (t / max) * plotW;
          return (
            <g key={t}>
              <line x1={x} x2={x} y1={0} y2={h - 18} className="chart-grid" />
              <text x={x} y={h - 4} className="chart-tick" textAnchor="middle">
                {t}
              </text>
            </g>
          );
        })}
        {rows.map((r, i) => {
          const y = i * ROW_H + (ROW_H - BAR_H) / 2;
          let x = LABEL_W;
          return (
            <g key={r.label}>
              <text x={LABEL_W - 10} y={y + BAR_H / 2} className="chart-label" textAnchor="end" dominantBaseline="central">
                {r.label}
              </text>
              {segments.map((s) => {
                const v = r.values[s.key] ?? 0;
                if (v === 0) return null;
                const w = (v / max) * plotW;
                const rect = <rect key={s.key} x={x} y={y} width={Math.max(w - 1, 1)} height={BAR_H} rx={2} fill={s.color} />;
                x += w;
                return rect;
              })}
              <text x={x + 8} y={y + BAR_H / 2} className="chart-value" dominantBaseline="central">
                {totals[i]}
              </text>
              {r.after !== undefined && (
                <text x={W - 4} y={y + BAR_H / 2} className={r.alert === true ? 'chart-after chart-alert' : 'chart-after'} textAnchor="end" dominantBaseline="central">
                  {r.after}
                </text>
              )}
            </g>
          );
        })}
      </svg>
    </div>
  );
}

export interface PrecisionRow {
  readonly label: string;
  readonly precision: number | null;
  readonly low?: number | undefined;
  readonly high?: number | undefined;
  readonly target: number;
  readonly below: boolean;
  readonly n: number;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** Precision per rule on a 0–100% axis: the bar, its 95% interval as a whisker, the target as a tick. */
export function PrecisionBars({ rows, label }: { rows: readonly PrecisionRow[]; label: string }) {
  const labelW = 170;
  const afterW = 84;
  const plotW = W - labelW - afterW;
  const h = rows.length * ROW_H + 22;
  const xOf = (v: number) => labelW + v * plotW;
  return (
    <div>
      <ul className="chart-legend" aria-hidden="true">
        <li>
          <span className="chart-swatch" style={{ background: 'var(--chart-ok)' }} />
          At or above target
        </li>
        <li>
          <span className="chart-swatch" style={{ background: 'var(--danger)' }} />
          Below target
        </li>
        <li>
          <span className="chart-tickmark" />
          Target
        </li>
        <li>
          <span className="chart-whisker" />
          95% interval
        </li>
      </ul>
      <svg className="chart" viewBox={`0 0 ${W} ${h}`} role="img" aria-label={label}>
        {[0, 0.25, 0.5, 0.75, 1].map((t) => (
          <g key={t}>
            <line x1={xOf(t)} x2={xOf(t)} y1={0} y2={h - 18} className="chart-grid" />
            <text x={xOf(t)} y={h - 4} className="chart-tick" textAnchor="middle">
              {pct(t)}
            </text>
          </g>
        ))}
        {rows.map((r, i) => {
          const y = i * ROW_H + (ROW_H - BAR_H) / 2;
          const mid = y + BAR_H / 2;
          return (
            <g key={r.label}>
              <text x={labelW - 10} y={mid} className="chart-label chart-label-mono" textAnchor="end" dominantBaseline="central">
                {r.label.length > 24 ? `${r.label.slice(0, 23)}…` : r.label}
              </text>
              {r.precision === null ? (
                <text x={labelW + 6} y={mid} className="chart-tick" dominantBaseline="central">
                  no decisions yet
                </text>
              ) : (
                <>
                  <rect x={labelW} y={y} width={Math.max(r.precision * plotW, 1)} height={BAR_H} rx={2} fill={r.below ? 'var(--danger)' : 'var(--chart-ok)'} opacity={0.85} />
                  {r.low !== undefined && r.high !== undefined && (
                    <g className="chart-interval">
                      <line x1={xOf(r.low)} x2={xOf(r.high)} y1={mid} y2={mid} />
                      <line x1={xOf(r.low)} x2={xOf(r.low)} y1={mid - 4} y2={mid + 4} />
                      <line x1={xOf(r.high)} x2={xOf(r.high)} y1={mid - 4} y2={mid + 4} />
                    </g>
                  )}
                </>
              )}
              <line x1={xOf(r.target)} x2={xOf(r.target)} y1={y - 3} y2={y + BAR_H + 3} className="chart-target" />
              <text x={W - 4} y={mid} className={r.below ? 'chart-after chart-alert' : 'chart-after'} textAnchor="end" dominantBaseline="central">
                {r.precision === null ? '—' : pct(r.precision)} <tspan className="chart-n">n={r.n}</tspan>
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}

/** One value against a limit (automatic violations this hour against the breaker's bound). */
export function Meter({ value, max, label, danger }: { value: number; max: number; label: string; danger: boolean }) {
  const frac = max <= 0 ? 0 : Math.min(value / max, 1);
  return (
    <svg className="chart meter" viewBox="0 0 400 34" role="img" aria-label={label}>
      <rect x={0} y={8} width={400} height={14} rx={7} className="meter-track" />
      <rect x={0} y={8} width={Math.max(frac * 400, value > 0 ? 6 : 0)} height={14} rx={7} fill={danger ? 'var(--danger)' : 'var(--chart-ok)'} />
      {[0.5].map((t) => (
        <line key={t} x1={t * 400} x2={t * 400} y1={6} y2={24} className="chart-grid" />
      ))}
    </svg>
  );
}
