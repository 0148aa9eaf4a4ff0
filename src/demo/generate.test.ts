import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemo, type DemoData, type DemoEvent, type DemoMessage } from './index';
import { ANCHOR_MS, WINDOW_START_MS } from './time';
import { fill } from './render';
import { de } from './phrases/de';
import { en } from './phrases/en';
import { es } from './phrases/es';
import { fr } from './phrases/fr';
import { it as itBank } from './phrases/it';
import { nl } from './phrases/nl';
import type { Bank } from './phrases/bank';

const LANGS = ['en', 'fr', 'it', 'de', 'es', 'nl'] as const;

function byConversation(messages: DemoMessage[]): Map<string, DemoMessage[]> {
  const out = new Map<string, DemoMessage[]>();
  for (const m of messages) {
    const list = out.get(m.conversation_id);
    if (list) list.push(m);
    else out.set(m.conversation_id, [m]);
  }
  return out;
}

function eventsByListing(events: DemoEvent[]): Map<string, DemoEvent[]> {
  const out = new Map<string, DemoEvent[]>();
  const orderListing = new Map<string, string>();
  for (const e of events) {
    let listing: string | undefined;
    if (e.type === 'order.created') {
      orderListing.set(e.order_id, e.listing_id);
      listing = e.listing_id;
    } else if (e.type === 'order.cancelled' || e.type === 'order.refunded') listing = orderListing.get(e.order_id);
    else listing = 'listing_id' in e ? e.listing_id : undefined;
    if (!listing) continue;
    const list = out.get(listing);
    if (list) list.push(e);
    else out.set(listing, [e]);
  }
  return out;
}

describe('demo data at full size (scale 1)', () => {
  let data: DemoData;
  let wallMs = 0;
  let cpuMs = 0;
  let convs: Map<string, DemoMessage[]>;

  beforeAll(() => {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    data = generateDemo({ seed: 20261101 });
    wallMs = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    cpuMs = (cpu.user + cpu.system) / 1000;
    convs = byConversation(data.messages);
    console.log(`demo generation at scale 1: ${Math.round(wallMs)} ms wall, ${Math.round(cpuMs)} ms CPU; ${data.messages.length} messages, ${convs.size} conversations, ${data.events.length} events`);
  }, 60_000);

  it('generates the full set in under five seconds of CPU time', () => {
    expect(cpuMs).toBeLessThan(5000);
  });

  it('meets the minimum counts', () => {
    expect(data.sellers.length).toBeGreaterThanOrEqual(200);
    expect(new Set(data.sellers.map((s) => s.country)).size).toBeGreaterThanOrEqual(8);
    expect(data.listings.length).toBeGreaterThanOrEqual(5000);
    expect(data.buyers.length).toBeGreaterThanOrEqual(1000);
    expect(new Set(data.buyers.map((b) => b.country)).size).toBeGreaterThanOrEqual(15);
    expect(convs.size).toBeGreaterThanOrEqual(20000);
    expect(data.messages.length).toBeGreaterThanOrEqual(100000);
    for (const cat of ['furniture', 'lighting', 'art', 'jewelry', 'watches']) {
      expect(data.listings.filter((l) => l.category === cat).length).toBeGreaterThan(300);
    }
  });

  it('writes in all six languages, each in a real share of conversations', () => {
    const perLang = new Map<string, number>();
    for (const [, ms] of convs) perLang.set(ms[0]!.lang, (perLang.get(ms[0]!.lang) ?? 0) + 1);
    for (const l of LANGS) expect(perLang.get(l) ?? 0).toBeGreaterThan(convs.size * 0.02);
    for (const [, ms] of convs) expect(new Set(ms.map((m) => m.lang)).size).toBe(1);
  });

  it('writes clean message bodies: no unfilled slot, no "undefined", no empty message', () => {
    const bad = data.messages.filter((m) => m.body.length === 0 || /[{}]|undefined|NaN|\s{3,}/.test(m.body));
    expect(bad.slice(0, 5)).toEqual([]);
    const titles = data.listings.filter((l) => /undefined|NaN|\s{2,}/.test(`${l.title} ${l.dimensions} ${l.materials}`));
    expect(titles).toEqual([]);
  });

  it('keeps every reference intact: messages point at existing parties and the listing belongs to the seller', () => {
    const sellers = new Set(data.sellers.map((s) => s.id));
    const buyers = new Set(data.buyers.map((b) => b.id));
    const listingSeller = new Map(data.listings.map((l) => [l.id, l.seller_id]));
    // collect offenders and assert once: 145k individual expect() calls would dominate the run time
    const broken = data.messages.filter((m) => !sellers.has(m.seller_id) || !buyers.has(m.buyer_id) || listingSeller.get(m.listing_id) !== m.seller_id);
    expect(broken).toEqual([]);
    const mixed = [...convs.values()].filter((ms) => ms.some((m) => m.buyer_id !== ms[0]!.buyer_id || m.seller_id !== ms[0]!.seller_id || m.listing_id !== ms[0]!.listing_id));
    expect(mixed).toEqual([]);
    for (const e of data.events) {
      if (e.type === 'order.created') {
        expect(buyers.has(e.buyer_id)).toBe(true);
        expect(listingSeller.get(e.listing_id)).toBe(e.seller_id);
      }
      if (e.type === 'listing.status_changed' || e.type === 'listing.price_changed') expect(listingSeller.has(e.listing_id)).toBe(true);
    }
  });

  it('uses readable, unique marketplace ids and currencies that match the dealer', () => {
    const unique = (ids: string[]) => new Set(ids).size === ids.length;
    expect(data.sellers.every((s) => /^slr_\d{4}$/.test(s.id))).toBe(true);
    expect(data.buyers.every((b) => /^byr_\d{5}$/.test(b.id))).toBe(true);
    expect(data.listings.every((l) => /^lst_\d{6}$/.test(l.id))).toBe(true);
    expect(data.messages.every((m) => /^m_\d{7}$/.test(m.id) && /^conv_\d{6}$/.test(m.conversation_id))).toBe(true);
    expect(data.events.every((e) => /^evt_\d{6}$/.test(e.id))).toBe(true);
    for (const ids of [data.sellers.map((s) => s.id), data.buyers.map((b) => b.id), data.listings.map((l) => l.id), data.messages.map((m) => m.id), data.events.map((e) => e.id)]) {
      expect(unique(ids)).toBe(true);
    }
    const currency: Record<string, string> = { US: 'USD', GB: 'GBP', CH: 'CHF', DK: 'DKK' };
    const sellerCountry = new Map(data.sellers.map((s) => [s.id, s.country]));
    for (const l of data.listings) {
      expect(Number.isInteger(l.price_minor) && l.price_minor > 0).toBe(true);
      expect(l.currency).toBe(currency[sellerCountry.get(l.seller_id) ?? ''] ?? 'EUR');
    }
    const rates: Record<string, number> = { standard: 1500, premier: 1200, elite: 1000 };
    for (const s of [...data.sellers, ...data.sellerRevisions]) expect(s.commission_rate_bps).toBe(rates[s.tier]);
    expect(data.sellerRevisions.length).toBeGreaterThan(0);
  });

  it('keeps all times inside the 180 days before the anchor, strictly increasing within a conversation', () => {
    const inWindow = (iso: string) => {
      const t = Date.parse(iso);
      return t >= WINDOW_START_MS && t < ANCHOR_MS;
    };
    expect(data.messages.filter((m) => !inWindow(m.sent_at))).toEqual([]);
    expect(data.events.filter((e) => !inWindow(e.occurred_at))).toEqual([]);
    expect(data.listings.filter((l) => !inWindow(l.created_at) || !inWindow(l.updated_at))).toEqual([]);
    expect([...data.sellers, ...data.sellerRevisions, ...data.buyers].filter((s) => !inWindow(s.updated_at))).toEqual([]);
    const unordered = [...convs.values()].filter((ms) => ms.some((m, i) => i > 0 && Date.parse(m.sent_at) <= Date.parse(ms[i - 1]!.sent_at)));
    expect(unordered).toEqual([]);
    const created = new Map(data.listings.map((l) => [l.id, Date.parse(l.created_at)]));
    expect(data.messages.filter((m) => Date.parse(m.sent_at) <= created.get(m.listing_id)!)).toEqual([]);
  });

  it('keeps listing and order events consistent: no order on a sold listing, every sale explained', () => {
    const planted = new Set<string>();
    const convListing = new Map([...convs].map(([id, ms]) => [id, ms[0]!.listing_id]));
    for (const s of data.truth.offPlatformSales) planted.add(s.listing_id);
    for (const d of data.truth.decoys) planted.add(convListing.get(d.conversation_id)!);
    for (const [listing, events] of eventsByListing(data.events)) {
      let status = 'active';
      const open = new Set<string>();
      for (const e of events) {
        switch (e.type) {
          case 'order.created':
            expect(['active', 'on_hold']).toContain(status);
            expect(open.size).toBe(0);
            open.add(e.order_id);
            break;
          case 'order.cancelled':
          case 'order.refunded':
            expect(open.has(e.order_id)).toBe(true);
            open.delete(e.order_id);
            break;
          case 'listing.status_changed':
            if (e.status === 'sold') expect(open.size > 0 || planted.has(listing)).toBe(true);
            status = e.status;
            break;
          case 'listing.price_changed':
            expect(['active', 'on_hold']).toContain(status);
            break;
        }
      }
    }
  });

  it('places the events a conversation causes after its messages', () => {
    const orders = data.events.filter((e): e is Extract<DemoEvent, { type: 'order.created' }> => e.type === 'order.created');
    const byPair = new Map<string, DemoMessage[]>();
    for (const [, ms] of convs) byPair.set(`${ms[0]!.listing_id}|${ms[0]!.buyer_id}`, ms);
    let checked = 0;
    for (const o of orders) {
      const ms = byPair.get(`${o.listing_id}|${o.buyer_id}`);
      if (!ms) continue;
      checked++;
      expect(Date.parse(ms[0]!.sent_at)).toBeLessThan(Date.parse(o.occurred_at));
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('plants off-platform attempts in 3–5% of conversations, in varied ways, with the messages named', () => {
    const share = data.truth.offPlatformAttempts.length / convs.size;
    expect(share).toBeGreaterThanOrEqual(0.03);
    expect(share).toBeLessThanOrEqual(0.05);
    const kinds = new Set(data.truth.offPlatformAttempts.flatMap((a) => a.kinds));
    for (const k of ['phone', 'phone_obfuscated', 'phone_split', 'email', 'email_obfuscated', 'website', 'whatsapp', 'instagram', 'iban', 'bank_transfer', 'direct_deal', 'contact_request']) {
      expect(kinds.has(k)).toBe(true);
    }
    const msgConv = new Map(data.messages.map((m) => [m.id, m.conversation_id]));
    for (const a of data.truth.offPlatformAttempts) {
      expect(a.message_ids.length).toBeGreaterThan(0);
      for (const id of a.message_ids) expect(msgConv.get(id)).toBe(a.conversation_id);
    }
    const attemptLangs = new Set(data.truth.offPlatformAttempts.map((a) => convs.get(a.conversation_id)![0]!.lang));
    expect(attemptLangs.size).toBe(6);
  });

  it('plants off-platform sales: contact exchanged, then the listing goes without an order between the two, and the buyer goes silent', () => {
    expect(data.truth.offPlatformSales.length).toBeGreaterThan(100);
    const attempts = new Map(data.truth.offPlatformAttempts.map((a) => [a.conversation_id, a]));
    const byListing = eventsByListing(data.events);
    for (const s of data.truth.offPlatformSales) {
      const a = attempts.get(s.conversation_id);
      expect(a).toBeDefined();
      const ms = convs.get(s.conversation_id)!;
      const lastAttempt = Math.max(...a!.message_ids.map((id) => Date.parse(ms.find((m) => m.id === id)!.sent_at)));
      const buyerAfter = ms.filter((m) => m.sender_role === 'buyer' && Date.parse(m.sent_at) > lastAttempt);
      expect(buyerAfter.length).toBeLessThanOrEqual(1);
      const events = byListing.get(s.listing_id) ?? [];
      expect(events.some((e) => e.type === 'order.created' && e.buyer_id === s.buyer_id)).toBe(false);
      const end = Date.parse(ms[ms.length - 1]!.sent_at);
      const next = events.find((e) => e.type === 'listing.status_changed' && Date.parse(e.occurred_at) > end);
      expect(next).toBeDefined();
      expect(Date.parse(next!.occurred_at) - end).toBeLessThan(8 * 86_400_000);
      expect(['sold', 'on_hold', 'removed']).toContain((next as { status: string }).status);
    }
    // the planted sales cluster on a few dealers, as in real fee avoidance
    const perSeller = new Map<string, number>();
    for (const s of data.truth.offPlatformSales) perSeller.set(s.seller_id, (perSeller.get(s.seller_id) ?? 0) + 1);
    const top = [...perSeller.values()].sort((x, y) => y - x).slice(0, Math.ceil(data.sellers.length * 0.07));
    expect(top.reduce((x, y) => x + y, 0)).toBeGreaterThan(data.truth.offPlatformSales.length * 0.4);
  });

  it('plants innocent decoys that share signals but are not off-platform sales', () => {
    const sales = new Set(data.truth.offPlatformSales.map((s) => s.conversation_id));
    const shares = new Set(data.truth.decoys.flatMap((d) => d.shares));
    for (const s of ['contact_details', 'listing_sold_soon_after', 'buyer_silent', 'price_negotiation', 'listing_on_hold', 'contact_like_text']) expect(shares.has(s)).toBe(true);
    expect(data.truth.decoys.length).toBeGreaterThan(300);
    const attempts = new Set(data.truth.offPlatformAttempts.map((a) => a.conversation_id));
    const byListing = eventsByListing(data.events);
    for (const d of data.truth.decoys) {
      expect(sales.has(d.conversation_id)).toBe(false);
      expect(attempts.has(d.conversation_id)).toBe(false);
      const ms = convs.get(d.conversation_id)!;
      if (d.shares.includes('contact_details')) {
        // contact details only after an on-platform order between the same two parties
        const order = (byListing.get(ms[0]!.listing_id) ?? []).find((e) => e.type === 'order.created' && e.buyer_id === ms[0]!.buyer_id);
        expect(order).toBeDefined();
      }
      if (d.shares.includes('listing_sold_soon_after')) {
        const order = (byListing.get(ms[0]!.listing_id) ?? []).find((e) => e.type === 'order.created');
        expect(order && order.type === 'order.created' && order.buyer_id !== ms[0]!.buyer_id).toBe(true);
      }
    }
  });
});

describe('demo data determinism', () => {
  it('gives byte-identical output for the same seed and different output for another seed', () => {
    const a = JSON.stringify(generateDemo({ seed: 7, scale: 0.04 }));
    const b = JSON.stringify(generateDemo({ seed: 7, scale: 0.04 }));
    const c = JSON.stringify(generateDemo({ seed: 8, scale: 0.04 }));
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });

  it('shrinks proportionally and still plants 3–5% attempts at small scale', () => {
    const d = generateDemo({ seed: 3, scale: 0.05 });
    const convCount = new Set(d.messages.map((m) => m.conversation_id)).size;
    expect(d.listings.length).toBe(300);
    expect(convCount).toBeGreaterThan(1000);
    const share = d.truth.offPlatformAttempts.length / convCount;
    expect(share).toBeGreaterThanOrEqual(0.03);
    expect(share).toBeLessThanOrEqual(0.05);
    expect(d.truth.offPlatformSales.length).toBeGreaterThan(0);
    expect(d.truth.decoys.length).toBeGreaterThan(0);
  });

  it('refuses a nonsensical scale', () => {
    expect(() => generateDemo({ seed: 1, scale: 0 })).toThrow(/scale/);
    expect(() => generateDemo({ seed: 1, scale: Number.NaN })).toThrow(/scale/);
  });
});

describe('phrase banks', () => {
  const banks: Record<string, Bank> = { en, fr, it: itBank, de, es, nl };
  const slots = new Proxy({}, { get: (_t, key) => (typeof key === 'string' ? `<${key}>` : undefined) }) as Record<string, string>;

  function templates(value: unknown, out: string[] = []): string[] {
    if (typeof value === 'string') out.push(value);
    else if (Array.isArray(value)) for (const v of value) templates(v, out);
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) if (k !== 'fmt') templates(v, out);
    return out;
  }

  it('every language fills every phrase the English bank has', () => {
    const shape = (v: unknown): unknown => (Array.isArray(v) ? 'list' : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).filter(([k]) => k !== 'fmt' && k !== 'lang').map(([k, x]) => [k, shape(x)])) : typeof v);
    for (const lang of LANGS) {
      const b = banks[lang]!;
      expect(templates(b).length).toBeGreaterThan(300);
      for (const t of templates(b)) expect(() => fill(t, slots)).not.toThrow();
      // the category-specific question/answer lists are paired by index, so their lengths must match
      for (const cat of ['furniture', 'lighting', 'art', 'jewelry', 'watches'] as const) {
        for (const topic of ['condition', 'authenticity', 'shipping'] as const) {
          expect(b.askCat[cat]?.[topic]?.length, `${lang} askCat.${cat}.${topic}`).toBe(en.askCat[cat]?.[topic]?.length);
          expect(b.answerCat[cat]?.[topic]?.length, `${lang} answerCat.${cat}.${topic}`).toBe(en.answerCat[cat]?.[topic]?.length);
        }
      }
      expect(Object.keys(shape(b.op) as object).sort()).toEqual(Object.keys(shape(en.op) as object).sort());
      expect(b.op.buyerAck.length).toBe(5);
    }
  });

  it('formats prices, dates and dictated phone numbers the local way', () => {
    expect(en.fmt.price(12500, 'USD', 0)).toBe('$12,500');
    expect(fr.fmt.price(12500, 'EUR', 0)).toBe('12 500 €');
    expect(de.fmt.price(12500, 'EUR', 0)).toBe('12.500 €');
    expect(de.fmt.price(12500, 'CHF', 0)).toBe('CHF 12’500.–');
    expect(nl.fmt.price(12500, 'EUR', 2)).toBe('€12.500,-');
    const tuesday = Date.UTC(2026, 6, 14, 10);
    expect(en.fmt.date(tuesday, false)).toBe('Tuesday 14 July');
    expect(fr.fmt.date(tuesday, false)).toBe('mardi 14 juillet');
    expect(de.fmt.date(tuesday, false)).toBe('Dienstag, 14. Juli');
    expect(es.fmt.date(tuesday, false)).toBe('el martes 14 de julio');
    expect(fr.fmt.digitWords('0612347891', 0)).toBe('zéro six, douze, trente-quatre, soixante-dix-huit, quatre-vingt-onze');
    expect(en.fmt.digitWords('07700', 0)).toBe('oh double seven double oh');
  });
});
