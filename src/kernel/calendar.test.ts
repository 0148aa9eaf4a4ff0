import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addBusinessDays,
  addBusinessHours,
  businessCalendar,
  businessHoursBetween,
  calendarForJurisdiction,
  holidayOn,
  isBusinessDay,
  isWithinBusinessHours,
  type BusinessCalendar,
} from './calendar';

const london = calendarForJurisdiction('GB', { hours: { start: '09:00', end: '17:30' } });
const england = businessCalendar({ timeZone: 'Europe/London', country: 'GB', subdivision: 'ENG', hours: { start: '09:00', end: '17:30' }, workdays: [1, 2, 3, 4, 5] });
const newYork = calendarForJurisdiction('US');
const paris = calendarForJurisdiction('FR');
const rome = calendarForJurisdiction('IT');
const berlinWithBankHolidays = businessCalendar({
  timeZone: 'Europe/Berlin',
  country: 'DE',
  hours: { start: '09:00', end: '17:30' },
  workdays: [1, 2, 3, 4, 5],
  holidayTypes: ['public', 'bank'],
});
const londonAroundTheClock = businessCalendar({ timeZone: 'Europe/London', country: 'GB', hours: { start: '00:00', end: '24:00' }, workdays: [1, 2, 3, 4, 5, 6, 7] });

const at = (iso: string) => new Date(iso);
const plusHours = (iso: string, hours: number, cal: BusinessCalendar) => addBusinessHours(at(iso), hours, cal).toISOString();

/** The whole behaviour, checked under several server time zones: the code must never use the server's. */
const SERVER_ZONES = ['UTC', 'Pacific/Auckland', 'America/Los_Angeles', 'Asia/Kolkata'];

describe.each(SERVER_ZONES)('business calendar with the server in %s', (serverZone) => {
  const previous = process.env['TZ'];
  beforeAll(() => {
    process.env['TZ'] = serverZone;
  });
  afterAll(() => {
    if (previous === undefined) delete process.env['TZ'];
    else process.env['TZ'] = previous;
  });

  it('really runs in that server zone', () => {
    const expected = new Intl.DateTimeFormat('en-US', { timeZone: serverZone, hour: 'numeric', hourCycle: 'h23' }).format(at('2026-01-15T12:00:00Z'));
    expect(String(at('2026-01-15T12:00:00Z').getHours())).toBe(String(Number(expected)));
  });

  describe('weekends', () => {
    it('an SLA started on Friday afternoon in London runs on into Monday morning', () => {
      // Friday 6 Nov 2026 16:00 GMT: 1.5 h left on Friday, 0.5 h on Monday.
      expect(plusHours('2026-11-06T16:00:00Z', 2, london)).toBe('2026-11-09T09:30:00.000Z');
    });
    it('a case opened on Saturday starts counting at Monday 09:00', () => {
      expect(plusHours('2026-11-07T11:00:00Z', 1, london)).toBe('2026-11-09T10:00:00.000Z');
      expect(isBusinessDay('2026-11-07', london)).toBe(false);
      expect(isBusinessDay('2026-11-09', london)).toBe(true);
    });
    it('business days skip the weekend and keep the local time', () => {
      expect(addBusinessDays(at('2026-11-06T15:00:00Z'), 1, london).toISOString()).toBe('2026-11-09T15:00:00.000Z');
      expect(addBusinessDays(at('2026-11-07T10:00:00Z'), 1, london).toISOString()).toBe('2026-11-09T10:00:00.000Z');
      expect(addBusinessDays(at('2026-11-09T15:00:00Z'), -1, london).toISOString()).toBe('2026-11-06T15:00:00.000Z');
      expect(addBusinessDays(at('2026-11-02T10:00:00Z'), 10, london).toISOString()).toBe('2026-11-16T10:00:00.000Z');
    });
    it('counts only working time between two instants', () => {
      expect(businessHoursBetween(at('2026-11-06T09:00:00Z'), at('2026-11-09T17:30:00Z'), london)).toBe(17);
      expect(businessHoursBetween(at('2026-11-09T17:30:00Z'), at('2026-11-06T09:00:00Z'), london)).toBe(-17);
      expect(businessHoursBetween(at('2026-11-07T09:00:00Z'), at('2026-11-08T17:00:00Z'), london)).toBe(0);
    });
  });

  describe('public holidays', () => {
    it('Thanksgiving closes the New York office, the day after does not', () => {
      expect(holidayOn('2026-11-26', newYork)).toBe('Thanksgiving Day');
      expect(isBusinessDay('2026-11-26', newYork)).toBe(false);
      expect(isBusinessDay('2026-11-27', newYork)).toBe(true);
      // Wednesday 25 Nov 17:00 EST + 1 h → Friday 27 Nov 09:30 EST.
      expect(plusHours('2026-11-25T22:00:00Z', 1, newYork)).toBe('2026-11-27T14:30:00.000Z');
    });

    it('Christmas, Boxing Day and its substitute Monday close London', () => {
      // 2026: Christmas Friday, Boxing Day Saturday → substitute holiday Monday 28 Dec.
      expect(isBusinessDay('2026-12-28', london)).toBe(false);
      expect(plusHours('2026-12-24T17:00:00Z', 1, london)).toBe('2026-12-29T09:30:00.000Z');
      // 2025: Boxing Day on Friday 26 Dec.
      expect(holidayOn('2025-12-26', england)).toBe('Boxing Day');
      expect(plusHours('2025-12-24T17:00:00Z', 1, england)).toBe('2025-12-29T09:30:00.000Z');
    });

    it('14 juillet closes Paris', () => {
      expect(isBusinessDay('2026-07-14', paris)).toBe(false);
      // Monday 13 July 17:00 CEST + 1 h → Wednesday 15 July 09:30 CEST.
      expect(plusHours('2026-07-13T15:00:00Z', 1, paris)).toBe('2026-07-15T07:30:00.000Z');
    });

    it('Good Friday and Easter Monday close London; Easter Monday closes Rome', () => {
      expect(isBusinessDay('2026-04-03', london)).toBe(false);
      expect(isBusinessDay('2026-04-06', london)).toBe(false);
      // Thursday 2 April 17:00 BST + 1 h → Tuesday 7 April 09:30 BST.
      expect(plusHours('2026-04-02T16:00:00Z', 1, london)).toBe('2026-04-07T08:30:00.000Z');
      expect(isBusinessDay('2026-04-03', rome)).toBe(true);
      expect(isBusinessDay('2026-04-06', rome)).toBe(false);
      expect(addBusinessDays(at('2026-04-03T08:00:00Z'), 1, rome).toISOString()).toBe('2026-04-07T08:00:00.000Z');
    });

    it('a half-day holiday shortens the working day', () => {
      // Heiliger Abend counts from 14:00 when bank holidays close the office.
      expect(businessHoursBetween(at('2026-12-24T00:00:00Z'), at('2026-12-25T00:00:00Z'), berlinWithBankHolidays)).toBe(5);
      expect(businessHoursBetween(at('2026-12-24T00:00:00Z'), at('2026-12-25T00:00:00Z'), calendarForJurisdiction('DE'))).toBe(8.5);
    });
  });

  describe('daylight-saving changes', () => {
    it('EU spring forward: Friday GMT to Monday BST', () => {
      expect(plusHours('2026-03-27T17:00:00Z', 1, london)).toBe('2026-03-30T08:30:00.000Z');
      expect(addBusinessDays(at('2026-03-27T10:00:00Z'), 1, london).toISOString()).toBe('2026-03-30T09:00:00.000Z');
      expect(businessHoursBetween(at('2026-03-27T09:00:00Z'), at('2026-03-30T08:00:00Z'), london)).toBe(8.5);
    });
    it('EU fall back: Friday CEST to Monday CET in Paris', () => {
      expect(plusHours('2026-10-23T15:00:00Z', 1, paris)).toBe('2026-10-26T08:30:00.000Z');
      expect(addBusinessDays(at('2026-10-23T08:00:00Z'), 1, paris).toISOString()).toBe('2026-10-26T09:00:00.000Z');
    });
    it('US spring forward and fall back in New York', () => {
      expect(plusHours('2026-03-06T22:00:00Z', 1, newYork)).toBe('2026-03-09T13:30:00.000Z');
      expect(plusHours('2026-10-30T21:00:00Z', 1, newYork)).toBe('2026-11-02T14:30:00.000Z');
    });
    it('a day of the change has 23 or 25 working hours on a round-the-clock calendar', () => {
      expect(businessHoursBetween(at('2026-03-29T00:00:00Z'), at('2026-03-29T23:00:00Z'), londonAroundTheClock)).toBe(23);
      expect(businessHoursBetween(at('2026-10-24T23:00:00Z'), at('2026-10-26T00:00:00Z'), londonAroundTheClock)).toBe(25);
      // 01:30 on 29 March does not exist in London; an hour after 00:30 GMT is 02:30 BST.
      expect(plusHours('2026-03-29T00:30:00Z', 1, londonAroundTheClock)).toBe('2026-03-29T01:30:00.000Z');
    });
  });

  describe('properties', () => {
    const calendars = [london, newYork, paris, berlinWithBankHolidays, calendarForJurisdiction('AU', { hours: { start: '08:00', end: '18:00' } })];
    const instant = fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2030, 11, 31) }).map((ms) => new Date(ms));
    const calendar = fc.constantFrom(...calendars);

    it('adding n business hours then measuring between gives n', () => {
      fc.assert(
        fc.property(instant, fc.integer({ min: 0, max: 300 * 60 }), calendar, (start, minutes, cal) => {
          const due = addBusinessHours(start, minutes / 60, cal);
          expect(Math.round(businessHoursBetween(start, due, cal) * 60)).toBe(minutes);
        }),
        { numRuns: 150 },
      );
    });

    it('the result is always inside business hours on a business day', () => {
      fc.assert(
        fc.property(instant, fc.integer({ min: 0, max: 300 * 60 }), calendar, (start, minutes, cal) => {
          const due = addBusinessHours(start, minutes / 60, cal);
          expect(due.getTime()).toBeGreaterThanOrEqual(start.getTime());
          expect(isBusinessDay(due, cal)).toBe(true);
          // inside [opening, closing]: either within, or exactly at the close of a worked minute
          expect(isWithinBusinessHours(due, cal) || isWithinBusinessHours(new Date(due.getTime() - 1), cal)).toBe(true);
        }),
        { numRuns: 150 },
      );
    });

    it('adding hours in two steps lands where adding them at once does', () => {
      fc.assert(
        fc.property(instant, fc.integer({ min: 0, max: 40 * 60 }), fc.integer({ min: 1, max: 40 * 60 }), calendar, (start, a, b, cal) => {
          const once = addBusinessHours(start, (a + b) / 60, cal);
          const twice = addBusinessHours(addBusinessHours(start, a / 60, cal), b / 60, cal);
          expect(twice.toISOString()).toBe(once.toISOString());
        }),
        { numRuns: 100 },
      );
    });

    it('adding business days always lands on a business day, later for n > 0', () => {
      fc.assert(
        fc.property(instant, fc.integer({ min: 1, max: 30 }), calendar, (start, n, cal) => {
          const due = addBusinessDays(start, n, cal);
          expect(isBusinessDay(due, cal)).toBe(true);
          expect(due.getTime()).toBeGreaterThan(start.getTime());
        }),
        { numRuns: 100 },
      );
    });
  });
});

describe('building a calendar', () => {
  it('refuses an unknown zone, country, subdivision, inverted hours or an empty week', () => {
    const base = { timeZone: 'Europe/London', country: 'GB', hours: { start: '09:00', end: '17:30' }, workdays: [1, 2, 3, 4, 5] };
    expect(() => businessCalendar({ ...base, timeZone: 'Mars/Olympus' })).toThrow(/time zone/);
    expect(() => businessCalendar({ ...base, country: 'XX' })).toThrow(/country/);
    expect(() => businessCalendar({ ...base, subdivision: 'ZZZ' })).toThrow(/subdivision/);
    expect(() => businessCalendar({ ...base, hours: { start: '17:30', end: '09:00' } })).toThrow(/end after/);
    expect(() => businessCalendar({ ...base, workdays: [] })).toThrow(/workdays/);
    expect(() => calendarForJurisdiction('gb')).toThrow(/jurisdiction/);
  });
  it('uses the subdivision holidays: 2 January is a holiday in Scotland, not in England', () => {
    const scotland = calendarForJurisdiction('GB-SCT');
    expect(isBusinessDay('2026-01-02', scotland)).toBe(false);
    expect(isBusinessDay('2026-01-02', england)).toBe(true);
  });
});
