import { calendarForJurisdiction, parseJurisdiction, type BusinessCalendar } from '../kernel';

/** Resolves the business calendar an SLA runs on. */
export interface CalendarResolver {
  /** The team's own calendar key, used when a case names no jurisdiction. */
  readonly defaultJurisdiction: string;
  /** The calendar of a jurisdiction key (`GB`, `FR`, `US-NY`); throws RangeError for an unknown one. */
  calendarFor(jurisdiction: string): BusinessCalendar;
}

export interface CalendarSettings {
  /** e.g. `GB` */
  readonly jurisdiction: string;
  /** Zone of the default calendar, e.g. `Europe/London`. */
  readonly timeZone: string;
  /** `HH:MM-HH:MM`, e.g. `09:00-17:30`. */
  readonly hours: string;
  readonly workdays?: readonly number[];
}

export function parseHours(hours: string): { start: string; end: string } {
  const m = /^(\d{2}:\d{2})-(\d{2}:\d{2})$/.exec(hours);
  if (m === null) throw new RangeError(`business hours must look like 09:00-17:30, got '${hours}'`);
  return { start: m[1]!, end: m[2]! };
}

/**
 * The default resolver: the team's calendar for its own jurisdiction (in its configured zone) and,
 * for any other jurisdiction, that country's holidays and capital's zone with the same hours.
 * Calendars are built once per key. Throws at construction for a bad default calendar.
 */
export function createCalendarResolver(settings: CalendarSettings): CalendarResolver {
  const hours = parseHours(settings.hours);
  const workdays = settings.workdays ?? [1, 2, 3, 4, 5];
  const cache = new Map<string, BusinessCalendar>();
  const calendarFor = (key: string): BusinessCalendar => {
    let cal = cache.get(key);
    if (cal === undefined) {
      parseJurisdiction(key);
      cal = calendarForJurisdiction(key, { hours, workdays, ...(key === settings.jurisdiction ? { timeZone: settings.timeZone } : {}) });
      cache.set(key, cal);
    }
    return cal;
  };
  calendarFor(settings.jurisdiction);
  return { defaultJurisdiction: settings.jurisdiction, calendarFor };
}
