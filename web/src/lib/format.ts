/** Dates and durations, always in the viewer's own time zone and locale. */

const dateTime = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
const dateTimeTz = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' });
const dateOnly = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const timeOnly = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const dayOnly = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });

export const viewerTimeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

function parse(iso: string | null | undefined): Date | undefined {
  if (iso === null || iso === undefined || iso === '') return undefined;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

export function formatDateTime(iso: string | null | undefined, withZone = false): string {
  const d = parse(iso);
  if (d === undefined) return '—';
  return (withZone ? dateTimeTz : dateTime).format(d);
}

const shortThisYear = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
const shortOtherYear = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

/** Compact, for tables: "Nov 18, 01:47 PM" this year, "Nov 18, 2025" before. */
export function formatShort(iso: string | null | undefined): string {
  const d = parse(iso);
  if (d === undefined) return '—';
  return (d.getFullYear() === new Date().getFullYear() ? shortThisYear : shortOtherYear).format(d);
}

/** "18 Nov 2026": a day without a time (effective dates). */
export function formatDate(iso: string | null | undefined): string {
  const d = parse(iso);
  return d === undefined ? '—' : dateOnly.format(d);
}

export function formatTime(iso: string): string {
  const d = parse(iso);
  return d === undefined ? '—' : timeOnly.format(d);
}

export function formatDay(iso: string): string {
  const d = parse(iso);
  return d === undefined ? '—' : dayOnly.format(d);
}

/** Calendar-day key in the viewer's zone, to group a thread by day. */
export function dayKey(iso: string): string {
  const d = parse(iso);
  if (d === undefined) return '';
  return `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;
}

/** `2d 4h`, `3h 12m`, `45m`, `under a minute`. */
export function formatDuration(seconds: number): string {
  const s = Math.abs(Math.round(seconds));
  if (s < 60) return 'under a minute';
  const m = Math.floor(s / 60);
  const h = Math.floor(m / 60);
  const d = Math.floor(h / 24);
  if (d > 0) return h % 24 === 0 ? `${d}d` : `${d}d ${h % 24}h`;
  if (h > 0) return m % 60 === 0 ? `${h}h` : `${h}h ${m % 60}m`;
  return `${m}m`;
}

export function secondsUntil(iso: string, now = Date.now()): number {
  const d = parse(iso);
  return d === undefined ? 0 : (d.getTime() - now) / 1000;
}

export type SlaState = 'overdue' | 'soon' | 'ok' | 'met';

/** Overdue once past due; "soon" within four hours. Closed cases show whether they met it. */
export function slaState(dueIso: string, closedIso: string | null | undefined, now = Date.now()): SlaState {
  const due = parse(dueIso);
  if (due === undefined) return 'ok';
  const closed = parse(closedIso);
  if (closed !== undefined) return closed.getTime() <= due.getTime() ? 'met' : 'overdue';
  const left = (due.getTime() - now) / 1000;
  if (left < 0) return 'overdue';
  if (left < 4 * 3600) return 'soon';
  return 'ok';
}

/** snake_case status or type → "Sentence case". */
export function humanize(s: string | null | undefined): string {
  if (s === null || s === undefined || s === '') return '—';
  const words = s.replace(/[_.-]+/g, ' ').trim();
  return words[0]!.toUpperCase() + words.slice(1);
}

export function formatMoney(minor: number | null | undefined, currency: string | null | undefined): string {
  if (minor === null || minor === undefined || currency === null || currency === undefined) return '—';
  try {
    const fmt = new Intl.NumberFormat(undefined, { style: 'currency', currency });
    const digits = fmt.resolvedOptions().maximumFractionDigits ?? 2;
    return fmt.format(minor / 10 ** digits);
  } catch {
    return `${(minor / 100).toFixed(2)} ${currency}`;
  }
}

export function formatNumber(n: number): string {
  return new Intl.NumberFormat().format(n);
}

/** A share (0–1) as a whole percentage. */
export function formatPercent(x: number): string {
  return `${Math.round(x * 100)}%`;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
