import { describe, expect, it } from 'vitest';
import { generateDemo } from './generate';
import { demoShiftMs, shiftDemo } from './shift';
import { ANCHOR_MS, DAY } from './time';

describe('moving the demo to today', () => {
  it('moves by whole weeks so the frame ends in the week before now, never forwards past it', () => {
    expect(demoShiftMs(new Date(ANCHOR_MS - DAY))).toBe(0);
    expect(demoShiftMs(new Date(ANCHOR_MS + 6 * DAY))).toBe(0);
    expect(demoShiftMs(new Date(ANCHOR_MS + 20 * DAY))).toBe(14 * DAY);
  });

  it('moves every time and nothing else', () => {
    const data = generateDemo({ seed: 7, scale: 0.01 });
    const moved = shiftDemo(data, 14 * DAY);
    expect(moved.messages.map((m) => m.id)).toEqual(data.messages.map((m) => m.id));
    expect(moved.messages.map((m) => m.body)).toEqual(data.messages.map((m) => m.body));
    data.messages.forEach((m, i) => expect(Date.parse(moved.messages[i]!.sent_at) - Date.parse(m.sent_at)).toBe(14 * DAY));
    data.events.forEach((e, i) => expect(Date.parse(moved.events[i]!.occurred_at) - Date.parse(e.occurred_at)).toBe(14 * DAY));
    expect(moved.truth).toBe(data.truth);
  });
});
