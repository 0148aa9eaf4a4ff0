import { useState, type ReactNode } from 'react';
import { formatPercent } from './lib/format';

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
export function StackedBars({ rows, segments, label, legend = true, labelWidth = LABEL_W }: { rows: readonly StackedRow[]; segments: readonly Segment[]; label: string; legend?: boolean; labelWidth?: number }) {
  const LABEL_W = labelWidth;
  const totals = rows.map((r) => segments.reduce((n, s) => n + (r.values[s.key] ?? 0), 0));
  // Counts: at least 0–4 on the axis, ticks on whole numbers only.
  const max = niceMax(Math.max(4, ...totals));
  const plotW = W - LABEL_W - AFTER_W;
  const h = rows.length * ROW_H + 22;
  const ticks = max % 2 === 0 ? [0, max / 2, max] : [0, max];
  return (
    <div>
      {legend && <Legend segments={segments} />}
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
              {formatPercent(t)}
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
                {r.precision === null ? '—' : formatPercent(r.precision)} <tspan className="chart-n">n={r.n}</tspan>
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

export interface ColumnBucket {
  readonly key: string;
  /** Shown under the axis (every few columns when there are many). */
  readonly label: string;
  /** Stacked above the axis. */
  readonly values: Readonly<Record<string, number>>;
  /** Stacked below the axis, in `belowSegments` (cases closed under cases opened). */
  readonly below?: Readonly<Record<string, number>>;
  /** A 0..1 share drawn as a line on the right-hand axis (null: nothing to show). */
  readonly share?: number | null;
  /** The column's exact values in words, for the tooltip. */
  readonly title: string;
}

const COL_LEFT = 40;
const COL_RIGHT_SHARE = 40;
const COL_BOTTOM = 18;

/**
 * Columns over time, stacked by segment. With `belowSegments` a second stack hangs below the axis on
 * the same scale; with `shareLabel` a line shows a 0–100% share on the right-hand axis.
 */
export function ColumnChart({
  buckets,
  segments,
  belowSegments,
  shareLabel,
  label,
  legend,
  height = 150,
}: {
  buckets: readonly ColumnBucket[];
  segments: readonly Segment[];
  belowSegments?: readonly Segment[];
  /** The legend when it should not simply list every segment. */
  legend?: readonly Segment[];
  shareLabel?: string;
  label: string;
  height?: number;
}) {
  const sum = (v: Readonly<Record<string, number>> | undefined, segs: readonly Segment[] | undefined) => (segs ?? []).reduce((n, s) => n + (v?.[s.key] ?? 0), 0);
  const above = niceMax(Math.max(4, ...buckets.map((b) => sum(b.values, segments))));
  const belowMax = belowSegments === undefined ? 0 : niceMax(Math.max(4, ...buckets.map((b) => sum(b.below, belowSegments))));
  const right = shareLabel === undefined ? 8 : COL_RIGHT_SHARE;
  const plotW = W - COL_LEFT - right;
  // one scale for both stacks: the part below the axis is as tall as its own maximum needs
  const unit = height / (above + belowMax);
  const axisY = 6 + above * unit;
  const h = 6 + height + COL_BOTTOM + (belowSegments === undefined ? 0 : 4);
  const band = plotW / Math.max(1, buckets.length);
  const colW = Math.max(2, Math.min(28, band * 0.72));
  const every = Math.max(1, Math.ceil(buckets.length / 7));
  const x0 = (i: number) => COL_LEFT + i * band + (band - colW) / 2;
  const ticksAbove = above % 2 === 0 ? [0, above / 2, above] : [0, above];
  const ticksBelow = belowSegments === undefined ? [] : [belowMax];
  const shareY = (v: number) => 6 + (1 - v) * above * unit;
  const sharePath = buckets
    .map((b, i) => (b.share === null || b.share === undefined ? null : `${x0(i) + colW / 2},${shareY(b.share)}`))
    .reduce<string[][]>((runs, p) => {
      if (p === null) runs.push([]);
      else runs[runs.length - 1]!.push(p);
      return runs;
    }, [[]])
    .filter((r) => r.length > 0);
  return (
    <div>
      <Legend segments={legend ?? [...segments, ...(belowSegments ?? [])]} />
      {shareLabel !== undefined && (
        <ul className="chart-legend chart-legend-line" aria-hidden="true">
          <li>
            <span className="chart-line-swatch" />
            {shareLabel} (right axis)
          </li>
        </ul>
      )}
      <svg className="chart" viewBox={`0 0 ${W} ${h}`} role="img" aria-label={label}>
        {ticksAbove.map((t) => (
          <g key={`a${t}`}>
            <line x1={COL_LEFT} x2={W - right} y1={axisY - t * unit} y2={axisY - t * unit} className="chart-grid" />
            <text x={COL_LEFT - 6} y={axisY - t * unit} className="chart-tick" textAnchor="end" dominantBaseline="central">
              {formatTick(t)}
            </text>
          </g>
        ))}
        {ticksBelow.map((t) => (
          <g key={`b${t}`}>
            <line x1={COL_LEFT} x2={W - right} y1={axisY + t * unit} y2={axisY + t * unit} className="chart-grid" />
            <text x={COL_LEFT - 6} y={axisY + t * unit} className="chart-tick" textAnchor="end" dominantBaseline="central">
              {formatTick(t)}
            </text>
          </g>
        ))}
        {shareLabel !== undefined &&
          [0, 0.5, 1].map((t) => (
            <text key={`s${t}`} x={W - right + 6} y={shareY(t)} className="chart-tick" dominantBaseline="central">
              {formatPercent(t)}
            </text>
          ))}
        {buckets.map((b, i) => {
          let y = axisY;
          let yb = axisY;
          return (
            <g key={b.key}>
              <title>{b.title}</title>
              {/* the whole band answers the tooltip, not only the thin column */}
              <rect x={COL_LEFT + i * band} y={6} width={band} height={height} fill="transparent" />
              {segments.map((s) => {
                const v = b.values[s.key] ?? 0;
                if (v === 0) return null;
                const hh = Math.max(v * unit, 1.5);
                y -= hh;
                return <rect key={s.key} x={x0(i)} y={y} width={colW} height={hh} fill={s.color} />;
              })}
              {(belowSegments ?? []).map((s) => {
                const v = b.below?.[s.key] ?? 0;
                if (v === 0) return null;
                const hh = Math.max(v * unit, 1.5);
                const r = <rect key={s.key} x={x0(i)} y={yb} width={colW} height={hh} fill={s.color} />;
                yb += hh;
                return r;
              })}
              {i % every === 0 && (
                <text x={x0(i) + colW / 2} y={h - 4} className="chart-tick" textAnchor="middle">
                  {b.label}
                </text>
              )}
            </g>
          );
        })}
        <line x1={COL_LEFT} x2={W - right} y1={axisY} y2={axisY} className="chart-axis" />
        {sharePath.map((run, k) => (
          <g key={k} className="chart-share">
            {run.length > 1 && <polyline points={run.join(' ')} />}
            {run.map((p) => {
              const [cx, cy] = p.split(',');
              return <circle key={p} cx={cx} cy={cy} r={2.5} />;
            })}
          </g>
        ))}
      </svg>
    </div>
  );
}

function formatTick(n: number): string {
  return n >= 10_000 ? `${Math.round(n / 1000)}k` : n >= 1000 ? `${(n / 1000).toFixed(n % 1000 === 0 ? 0 : 1)}k` : String(n);
}

export interface SharePart {
  readonly key: string;
  readonly label: string;
  readonly color: string;
  readonly value: number;
}

/** One bar split into parts that add up to the whole (appeal outcomes), with each part's count and share beneath. */
export function ShareBar({ parts, label }: { parts: readonly SharePart[]; label: string }) {
  const total = parts.reduce((n, p) => n + p.value, 0);
  let x = 0;
  return (
    <div>
      <svg className="chart" viewBox={`0 0 ${W} 30`} role="img" aria-label={label}>
        <rect x={0} y={4} width={W} height={22} rx={4} className="meter-track" />
        {total > 0 &&
          parts.map((p) => {
            if (p.value === 0) return null;
            const w = (p.value / total) * W;
            const r = (
              <g key={p.key}>
                <rect x={x} y={4} width={Math.max(w - 2, 2)} height={22} rx={3} fill={p.color} />
                {w > 44 && (
                  <text x={x + w / 2} y={15} className="chart-inbar" textAnchor="middle" dominantBaseline="central">
                    {formatPercent(p.value / total)}
                  </text>
                )}
              </g>
            );
            x += w;
            return r;
          })}
      </svg>
      <ul className="share-legend" aria-hidden="true">
        {parts.map((p) => (
          <li key={p.key}>
            <span className="chart-swatch" style={{ background: p.color }} />
            <span className="share-legend-label">{p.label}</span>
            <strong>{p.value}</strong>
            <span className="muted">{total === 0 ? '' : formatPercent(p.value / total)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
