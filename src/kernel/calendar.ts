import Holidays from 'date-holidays';

/**
 * Business calendars: working hours on working days in one time zone, minus the public holidays of a
 * jurisdiction. Holiday data comes from the `date-holidays` package (code ISC, holiday data CC BY-SA 3.0).
 *
 * All arithmetic happens on the calendar's wall clock through `Intl.DateTimeFormat`; no function here
 * reads the server's local time (no `getHours()`, `setDate()` …), so results do not depend on `TZ`.
 */
export type HolidayType = 'public' | 'bank' | 'optional' | 'school' | 'observance';

export interface BusinessCalendar {
  /** IANA time zone of the team that works the cases, e.g. `Europe/London`. */
  readonly timeZone: string;
  /** ISO 3166-1 alpha-2 country whose public holidays apply, e.g. `GB`. */
  readonly country: string;
  /** ISO 3166-2 subdivision code without the country, e.g. `ENG` for GB-ENG, `NY` for US-NY. */
  readonly subdivision?: string | undefined;
  /** Local opening and closing time, `HH:MM` (24 h; `24:00` allowed as an end). */
  readonly hours: { readonly start: string; readonly end: string };
  /** ISO weekdays worked: 1 = Monday … 7 = Sunday. */
  readonly workdays: readonly number[];
  /** Which kinds of holiday close the office; default `['public']`. */
  readonly holidayTypes?: readonly HolidayType[] | undefined;
}

/** A local calendar date in the calendar's zone. */
interface LocalDate {
  readonly y: number;
  readonly m: number;
  readonly d: number;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** Beyond this many consecutive days without working time a calendar is considered broken. */
const MAX_EMPTY_DAYS = 3_660;

const HHMM = /^([01]\d|2[0-4]):([0-5]\d)$/;

function minutesOf(hhmm: string): number {
  const m = HHMM.exec(hhmm);
  if (m === null) throw new RangeError(`business hours must be HH:MM, got '${hhmm}'`);
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  if (minutes > 24 * 60) throw new RangeError(`business hours must be at most 24:00, got '${hhmm}'`);
  return minutes;
}

// ---------------------------------------------------------------------------------------------
// Time-zone arithmetic
// ---------------------------------------------------------------------------------------------

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

interface WallClock extends LocalDate {
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

/** The wall-clock reading of an instant in a time zone. */
function wallClock(ms: number, timeZone: string): WallClock {
  const parts = formatterFor(timeZone).formatToParts(new Date(ms));
  const get = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
  return { y: get('year'), m: get('month'), d: get('day'), hour: get('hour') % 24, minute: get('minute'), second: get('second') };
}

/** Offset of the zone from UTC at an instant, in ms (positive east of Greenwich). */
function offsetAt(ms: number, timeZone: string): number {
  const w = wallClock(ms, timeZone);
  const wallAsUtc = Date.UTC(w.y, w.m - 1, w.d, w.hour, w.minute, w.second);
  return wallAsUtc - (ms - (((ms % 1000) + 1000) % 1000));
}

/**
 * The instant at which the zone's clocks show the given wall time. A time skipped by a DST change
 * resolves to the instant the same distance after the change (as `Temporal`'s "compatible" does);
 * a time shown twice resolves to the earlier instant.
 */
function instantAt(date: LocalDate, minuteOfDay: number, timeZone: string): number {
  const asUtc = Date.UTC(date.y, date.m - 1, date.d, 0, minuteOfDay);
  const before = asUtc - offsetAt(asUtc - 12 * HOUR_MS, timeZone);
  const after = asUtc - offsetAt(asUtc + 12 * HOUR_MS, timeZone);
  const shows = (t: number): boolean => t + offsetAt(t, timeZone) === asUtc;
  const candidates = [before, after].filter(shows);
  if (candidates.length > 0) return Math.min(...candidates);
  return before;
}

function localDateOf(ms: number, timeZone: string): LocalDate {
  const w = wallClock(ms, timeZone);
  return { y: w.y, m: w.m, d: w.d };
}

function addDays(date: LocalDate, n: number): LocalDate {
  const t = new Date(Date.UTC(date.y, date.m - 1, date.d + n));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

function isoWeekday(date: LocalDate): number {
  const day = new Date(Date.UTC(date.y, date.m - 1, date.d)).getUTCDay();
  return day === 0 ? 7 : day;
}

function dateKey(date: LocalDate): string {
  return `${String(date.y).padStart(4, '0')}-${String(date.m).padStart(2, '0')}-${String(date.d).padStart(2, '0')}`;
}

function parseDateKey(key: string): LocalDate {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
  if (m === null) throw new RangeError(`a calendar date must be YYYY-MM-DD, got '${key}'`);
  const date = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  if (dateKey(addDays(date, 0)) !== key) throw new RangeError(`no such date: '${key}'`);
  return date;
}

// ---------------------------------------------------------------------------------------------
// Holidays
// ---------------------------------------------------------------------------------------------

/** Per calendar key and year: local date → minute of day at which the holiday starts (0 = all day). */
const holidayCache = new Map<string, Map<number, Map<string, { startsAt: number; name: string }>>>();
const holidayEngines = new Map<string, Holidays>();

function holidayKey(cal: BusinessCalendar): string {
  return `${cal.country}|${cal.subdivision ?? ''}|${[...(cal.holidayTypes ?? ['public'])].sort().join(',')}`;
}

function holidaysOfYear(cal: BusinessCalendar, year: number): Map<string, { startsAt: number; name: string }> {
  const key = holidayKey(cal);
  let byYear = holidayCache.get(key);
  if (byYear === undefined) {
    byYear = new Map();
    holidayCache.set(key, byYear);
  }
  const cached = byYear.get(year);
  if (cached !== undefined) return cached;
  let engine = holidayEngines.get(key);
  if (engine === undefined) {
    const types = [...(cal.holidayTypes ?? ['public'])];
    engine = cal.subdivision === undefined ? new Holidays(cal.country, { types }) : new Holidays(cal.country, cal.subdivision, { types });
    holidayEngines.set(key, engine);
  }
  const days = new Map<string, { startsAt: number; name: string }>();
  for (const h of engine.getHolidays(year, 'en')) {
    // `date` is the local wall time at which the holiday begins, e.g. '2026-12-24 14:00:00'.
    const m = /^(\d{4}-\d{2}-\d{2}) (\d{2}):(\d{2})/.exec(h.date);
    if (m === null) continue;
    const first = parseDateKey(m[1]!);
    const startsAt = Number(m[2]) * 60 + Number(m[3]);
    const length = Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / DAY_MS));
    for (let i = 0; i < length; i++) {
      const k = dateKey(addDays(first, i));
      const at = i === 0 ? startsAt : 0;
      const existing = days.get(k);
      if (existing === undefined || at < existing.startsAt) days.set(k, { startsAt: at, name: h.name });
    }
  }
  byYear.set(year, days);
  return days;
}

function holidayOnDate(cal: BusinessCalendar, date: LocalDate): { startsAt: number; name: string } | undefined {
  return holidaysOfYear(cal, date.y).get(dateKey(date)) ?? holidaysOfYear(cal, date.y - 1).get(dateKey(date));
}

/** The working window of a local date in minutes of the day, or undefined when nothing is worked. */
function workingMinutes(cal: BusinessCalendar, date: LocalDate): { start: number; end: number } | undefined {
  if (!cal.workdays.includes(isoWeekday(date))) return undefined;
  const start = minutesOf(cal.hours.start);
  let end = minutesOf(cal.hours.end);
  const holiday = holidayOnDate(cal, date);
  if (holiday !== undefined) end = Math.min(end, holiday.startsAt);
  return end > start ? { start, end } : undefined;
}

/** The working window of a local date as instants, or undefined. */
function workingWindow(cal: BusinessCalendar, date: LocalDate): { open: number; close: number } | undefined {
  const w = workingMinutes(cal, date);
  if (w === undefined) return undefined;
  const open = instantAt(date, w.start, cal.timeZone);
  const close = instantAt(date, w.end, cal.timeZone);
  return close > open ? { open, close } : undefined;
}

// ---------------------------------------------------------------------------------------------
// Construction
// ---------------------------------------------------------------------------------------------

let knownCountries: Record<string, string> | undefined;

/** Time zones used when a jurisdiction is named without one (the zone of its capital). */
export const JURISDICTION_TIME_ZONES: Readonly<Record<string, string>> = {
  US: 'America/New_York',
  GB: 'Europe/London',
  IE: 'Europe/Dublin',
  FR: 'Europe/Paris',
  IT: 'Europe/Rome',
  DE: 'Europe/Berlin',
  ES: 'Europe/Madrid',
  NL: 'Europe/Amsterdam',
  BE: 'Europe/Brussels',
  LU: 'Europe/Luxembourg',
  AT: 'Europe/Vienna',
  CH: 'Europe/Zurich',
  PT: 'Europe/Lisbon',
  DK: 'Europe/Copenhagen',
  SE: 'Europe/Stockholm',
  NO: 'Europe/Oslo',
  FI: 'Europe/Helsinki',
  PL: 'Europe/Warsaw',
  CA: 'America/Toronto',
  AU: 'Australia/Sydney',
  JP: 'Asia/Tokyo',
  HK: 'Asia/Hong_Kong',
  SG: 'Asia/Singapore',
  AE: 'Asia/Dubai',
};

/**
 * Builds a checked calendar; throws RangeError (a configuration bug) for an unknown zone, country,
 * subdivision, malformed hours or an empty week.
 * @example businessCalendar({ timeZone: 'Europe/London', country: 'GB', subdivision: 'ENG', hours: { start: '09:00', end: '17:30' }, workdays: [1, 2, 3, 4, 5] })
 */
export function businessCalendar(input: BusinessCalendar): BusinessCalendar {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: input.timeZone });
  } catch {
    throw new RangeError(`unknown time zone '${input.timeZone}'`);
  }
  knownCountries ??= new Holidays().getCountries('en');
  if (!(input.country in knownCountries)) throw new RangeError(`no holiday data for country '${input.country}'`);
  if (input.subdivision !== undefined) {
    const states = new Holidays().getStates(input.country, 'en') ?? {};
    if (!(input.subdivision in states)) throw new RangeError(`no holiday data for subdivision '${input.country}-${input.subdivision}'`);
  }
  const start = minutesOf(input.hours.start);
  const end = minutesOf(input.hours.end);
  if (end <= start) throw new RangeError(`business hours must end after they start (${input.hours.start}–${input.hours.end})`);
  const workdays = [...new Set(input.workdays)].sort();
  if (workdays.length === 0 || workdays.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) {
    throw new RangeError('workdays must be ISO weekdays 1 (Monday) … 7 (Sunday), at least one');
  }
  return Object.freeze({
    timeZone: input.timeZone,
    country: input.country,
    subdivision: input.subdivision,
    hours: Object.freeze({ start: input.hours.start, end: input.hours.end }),
    workdays: Object.freeze(workdays),
    holidayTypes: Object.freeze([...(input.holidayTypes ?? ['public'])]),
  });
}

/** Splits a jurisdiction key such as `GB`, `US-NY` or `DE-BY` into country and subdivision. */
export function parseJurisdiction(key: string): { country: string; subdivision: string | undefined } {
  const m = /^([A-Z]{2})(?:-([A-Z0-9]{1,3}))?$/.exec(key);
  if (m === null) throw new RangeError(`a jurisdiction is a country code with an optional subdivision, e.g. GB or US-NY; got '${key}'`);
  return { country: m[1]!, subdivision: m[2] };
}

/**
 * The calendar of a jurisdiction (`GB`, `US-NY`, …) with the given working hours, in the jurisdiction's
 * zone unless one is given.
 */
export function calendarForJurisdiction(
  key: string,
  opts: { timeZone?: string | undefined; hours?: { start: string; end: string }; workdays?: readonly number[] } = {},
): BusinessCalendar {
  const { country, subdivision } = parseJurisdiction(key);
  const timeZone = opts.timeZone ?? JURISDICTION_TIME_ZONES[country];
  if (timeZone === undefined) throw new RangeError(`no default time zone for '${country}'; name one`);
  return businessCalendar({
    timeZone,
    country,
    subdivision,
    hours: opts.hours ?? { start: '09:00', end: '17:30' },
    workdays: opts.workdays ?? [1, 2, 3, 4, 5],
  });
}

// ---------------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------------

function toDate(day: Date | string, cal: BusinessCalendar): LocalDate {
  return typeof day === 'string' ? parseDateKey(day) : localDateOf(day.getTime(), cal.timeZone);
}

/**
 * True when the calendar works on that day: a workday that is not a (whole-day) holiday.
 * A `Date` is read as the local date in the calendar's zone; a string is a local `YYYY-MM-DD`.
 */
export function isBusinessDay(day: Date | string, cal: BusinessCalendar): boolean {
  return workingMinutes(cal, toDate(day, cal)) !== undefined;
}

/** The name of the holiday on that local date, if any. */
export function holidayOn(day: Date | string, cal: BusinessCalendar): string | undefined {
  return holidayOnDate(cal, toDate(day, cal))?.name;
}

/** True when the instant falls within working hours on a business day (opening included, closing excluded). */
export function isWithinBusinessHours(instant: Date, cal: BusinessCalendar): boolean {
  const t = instant.getTime();
  const w = workingWindow(cal, localDateOf(t, cal.timeZone));
  return w !== undefined && t >= w.open && t < w.close;
}

/**
 * Moves `n` business days forward (or back, for negative `n`), keeping the local wall-clock time.
 * Each business day reached counts one; so Friday 15:00 + 1 is Monday 15:00 and Saturday 10:00 + 1
 * is Monday 10:00. `n = 0` returns the instant unchanged.
 */
export function addBusinessDays(instant: Date, n: number, cal: BusinessCalendar): Date {
  if (!Number.isInteger(n)) throw new RangeError(`business days must be a whole number, got ${n}`);
  if (n === 0) return new Date(instant.getTime());
  const w = wallClock(instant.getTime(), cal.timeZone);
  let date: LocalDate = { y: w.y, m: w.m, d: w.d };
  const step = n > 0 ? 1 : -1;
  let left = Math.abs(n);
  let empty = 0;
  while (left > 0) {
    date = addDays(date, step);
    if (workingMinutes(cal, date) !== undefined) {
      left--;
      empty = 0;
    } else if (++empty > MAX_EMPTY_DAYS) {
      throw new RangeError('the calendar has no business days');
    }
  }
  const ms = instant.getTime() % 1000;
  return new Date(instantAt(date, w.hour * 60 + w.minute, cal.timeZone) + w.second * 1000 + (ms < 0 ? ms + 1000 : ms));
}

/**
 * The instant `hours` working hours after `instant`, counting only time inside business hours on
 * business days in the calendar's zone (SLA due times). Starting outside hours counts from the next
 * opening; a result that lands exactly on a closing time stays there (due by end of day).
 * @example addBusinessHours(new Date('2026-11-27T16:00:00Z'), 2, london) // Monday 10:30 London
 */
export function addBusinessHours(instant: Date, hours: number, cal: BusinessCalendar): Date {
  if (!Number.isFinite(hours) || hours < 0) throw new RangeError(`business hours must be a finite number ≥ 0, got ${hours}`);
  let remaining = Math.round(hours * HOUR_MS);
  let t = instant.getTime();
  let date = localDateOf(t, cal.timeZone);
  let empty = 0;
  for (;;) {
    const w = workingWindow(cal, date);
    if (w !== undefined && t < w.close) {
      empty = 0;
      const from = Math.max(t, w.open);
      const available = w.close - from;
      if (remaining <= available) return new Date(from + remaining);
      remaining -= available;
    } else if (++empty > MAX_EMPTY_DAYS) {
      throw new RangeError('the calendar has no business hours');
    }
    date = addDays(date, 1);
    t = Math.max(t, instantAt(date, 0, cal.timeZone));
  }
}

/**
 * Working hours between two instants (negative when `to` is before `from`); the inverse of
 * {@link addBusinessHours}: `businessHoursBetween(a, addBusinessHours(a, n, cal), cal) === n`.
 */
export function businessHoursBetween(from: Date, to: Date, cal: BusinessCalendar): number {
  const a = from.getTime();
  const b = to.getTime();
  if (b < a) return -businessHoursBetween(to, from, cal);
  let total = 0;
  let date = localDateOf(a, cal.timeZone);
  const last = dateKey(localDateOf(b, cal.timeZone));
  for (;;) {
    const w = workingWindow(cal, date);
    if (w !== undefined) total += Math.max(0, Math.min(b, w.close) - Math.max(a, w.open));
    if (dateKey(date) >= last) break;
    date = addDays(date, 1);
  }
  return total / HOUR_MS;
}
