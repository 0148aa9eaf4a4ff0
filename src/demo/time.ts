/**
 * Fixed time frame of the demo and a tiny, self-contained UTC-offset model for the zones we use
 * (standard offset + EU / US / southern-Australia daylight-saving rules). Self-contained on purpose:
 * no dependency on the host's time-zone database, so output never varies between machines.
 */

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const MINUTE = 60_000;

/** Everything happens in the 180 days before this instant. */
export const ANCHOR_MS = Date.UTC(2026, 10, 1, 0, 0, 0);
export const WINDOW_START_MS = ANCHOR_MS - 180 * DAY;

type DstRule = 'eu' | 'us' | 'au' | 'none';

const ZONES: Record<string, { std: number; dst: DstRule }> = {
  'America/New_York': { std: -300, dst: 'us' },
  'America/Chicago': { std: -360, dst: 'us' },
  'America/Denver': { std: -420, dst: 'us' },
  'America/Los_Angeles': { std: -480, dst: 'us' },
  'America/Toronto': { std: -300, dst: 'us' },
  'America/Vancouver': { std: -480, dst: 'us' },
  'America/Mexico_City': { std: -360, dst: 'none' },
  'America/Argentina/Buenos_Aires': { std: -180, dst: 'none' },
  'Europe/London': { std: 0, dst: 'eu' },
  'Europe/Dublin': { std: 0, dst: 'eu' },
  'Europe/Lisbon': { std: 0, dst: 'eu' },
  'Europe/Paris': { std: 60, dst: 'eu' },
  'Europe/Rome': { std: 60, dst: 'eu' },
  'Europe/Berlin': { std: 60, dst: 'eu' },
  'Europe/Madrid': { std: 60, dst: 'eu' },
  'Europe/Amsterdam': { std: 60, dst: 'eu' },
  'Europe/Brussels': { std: 60, dst: 'eu' },
  'Europe/Zurich': { std: 60, dst: 'eu' },
  'Europe/Vienna': { std: 60, dst: 'eu' },
  'Europe/Copenhagen': { std: 60, dst: 'eu' },
  'Europe/Stockholm': { std: 60, dst: 'eu' },
  'Europe/Oslo': { std: 60, dst: 'eu' },
  'Europe/Luxembourg': { std: 60, dst: 'eu' },
  'Europe/Monaco': { std: 60, dst: 'eu' },
  'Asia/Dubai': { std: 240, dst: 'none' },
  'Asia/Singapore': { std: 480, dst: 'none' },
  'Asia/Hong_Kong': { std: 480, dst: 'none' },
  'Asia/Tokyo': { std: 540, dst: 'none' },
  'Australia/Sydney': { std: 600, dst: 'au' },
};

export function isKnownZone(zone: string): boolean {
  return zone in ZONES;
}

/** UTC ms of the n-th (1-based) Sunday of a month, or the last when n = -1, at 00:00 UTC. */
function sunday(year: number, month: number, n: number): number {
  if (n > 0) {
    const first = new Date(Date.UTC(year, month, 1));
    const offset = (7 - first.getUTCDay()) % 7;
    return Date.UTC(year, month, 1 + offset + 7 * (n - 1));
  }
  const last = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, last.getUTCDate() - last.getUTCDay());
}

const transitions = new Map<string, readonly [number, number]>();

/** [daylight start, daylight end) in UTC ms for a zone and year (for 'au' the gap is standard time). */
function dstBounds(zone: string, z: { std: number; dst: DstRule }, year: number): readonly [number, number] {
  const key = `${zone}|${year}`;
  const hit = transitions.get(key);
  if (hit) return hit;
  let b: readonly [number, number];
  switch (z.dst) {
    case 'eu':
      b = [sunday(year, 2, -1) + HOUR, sunday(year, 9, -1) + HOUR];
      break;
    case 'us':
      b = [sunday(year, 2, 2) + 2 * HOUR - z.std * MINUTE, sunday(year, 10, 1) + 1 * HOUR - z.std * MINUTE];
      break;
    default:
      // southern hemisphere: daylight time ends in April (03:00 daylight = 02:00 standard), starts in October
      b = [sunday(year, 3, 1) + 2 * HOUR - z.std * MINUTE, sunday(year, 9, 1) + 2 * HOUR - z.std * MINUTE];
  }
  transitions.set(key, b);
  return b;
}

/** Offset from UTC in minutes for a zone at an instant. */
export function utcOffsetMinutes(zone: string, ms: number): number {
  const z = ZONES[zone];
  if (!z) throw new Error(`unknown zone ${zone}`);
  if (z.dst === 'none') return z.std;
  const year = new Date(ms).getUTCFullYear();
  const [a, b] = dstBounds(zone, z, year);
  if (z.dst === 'au') return ms < a || ms >= b ? z.std + 60 : z.std;
  return ms >= a && ms < b ? z.std + 60 : z.std;
}

/** Local wall-clock hour (fractional) in a zone. */
export function localHour(zone: string, ms: number): number {
  const local = ms + utcOffsetMinutes(zone, ms) * MINUTE;
  return (((local % DAY) + DAY) % DAY) / HOUR;
}

/** Local day of week (0 = Sunday). */
export function localWeekday(zone: string, ms: number): number {
  return new Date(ms + utcOffsetMinutes(zone, ms) * MINUTE).getUTCDay();
}

/**
 * Moves an instant forward into the zone's waking window [from, to) local hours; `jitterMs` spreads
 * the moved instants over the first part of the window so replies do not all land on the hour.
 */
export function intoLocalWindow(zone: string, ms: number, from: number, to: number, jitterMs: number): number {
  const h = localHour(zone, ms);
  if (h >= from && h < to) return ms;
  const wait = h < from ? from - h : 24 - h + from;
  return ms + wait * HOUR + jitterMs;
}

const dayPrefix = new Map<number, string>();
const two = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** ISO-8601 UTC with whole seconds, e.g. `2026-07-14T09:30:05.000Z` (cached per day: called ~200k times). */
export function iso(ms: number): string {
  const sec = Math.floor(ms / 1000);
  const day = Math.floor(sec / 86400);
  let prefix = dayPrefix.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * DAY).toISOString().slice(0, 11);
    dayPrefix.set(day, prefix);
  }
  const rest = sec - day * 86400;
  const h = Math.floor(rest / 3600);
  const m = Math.floor((rest % 3600) / 60);
  return `${prefix}${two(h)}:${two(m)}:${two(rest % 60)}.000Z`;
}
