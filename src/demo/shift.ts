import { ANCHOR_MS, DAY } from './time';
import type { DemoData } from './types';

const WEEK = 7 * DAY;

/**
 * How far to move the demo's fixed time frame so that it ends in the week before `now`: whole weeks,
 * so weekdays, business hours and daylight-saving dates keep their meaning. Zero when `now` is not
 * past the anchor.
 */
export function demoShiftMs(now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - ANCHOR_MS) / WEEK) * WEEK);
}

function shiftIso(value: string, ms: number): string {
  return new Date(Date.parse(value) + ms).toISOString();
}

/** Every `*_at` time of every item moved by `ms`; the data is otherwise unchanged (ids, text, truth). */
export function shiftDemo(data: DemoData, ms: number): DemoData {
  if (ms === 0) return data;
  const move = <T extends object>(item: T): T => {
    const out = { ...item } as Record<string, unknown>;
    for (const [k, v] of Object.entries(out)) if (k.endsWith('_at') && typeof v === 'string') out[k] = shiftIso(v, ms);
    return out as T;
  };
  return {
    ...data,
    sellerRevisions: data.sellerRevisions.map(move),
    sellers: data.sellers.map(move),
    buyers: data.buyers.map(move),
    listings: data.listings.map(move),
    messages: data.messages.map(move),
    events: data.events.map(move),
  };
}
