import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SIGNAL_WEIGHTS, scoreConversation, type ConversationFacts, type FactMessage } from './signals';

const T0 = Date.parse('2026-10-01T10:00:00Z');
const at = (hours: number) => new Date(T0 + hours * 3_600_000);
const phone = [{ kind: 'phone', value: '+33 6 12 34 56 78', rule: 'phone.e164' }];

function msg(id: string, role: 'buyer' | 'seller', hours: number, body: string, hits: FactMessage['hits'] = []): FactMessage {
  return { id, senderRole: role, sentAt: at(hours), body, hits };
}

/** The planted shape: a question, an offer, a number, one acknowledgement, then the listing is sold with no order. */
function offPlatformSale(): ConversationFacts {
  return {
    conversationId: 'c1',
    sellerId: 's1',
    buyerId: 'b1',
    listingId: 'l1',
    listingPriceMinor: 500_000,
    listingCurrency: 'EUR',
    messages: [
      msg('m1', 'buyer', 0, 'Is the Wegner chair still available? Would you take €4,200?'),
      msg('m2', 'seller', 1, 'I can do 4.600 €. Call me, it is simpler: +33 6 12 34 56 78', phone),
      msg('m3', 'buyer', 2, 'OK, I will call you'),
    ],
    listingEvents: [{ id: 'e1', type: 'status_changed', status: 'sold', priceMinor: undefined, occurredAt: at(50) }],
    orders: [],
    buyerPatternSellers: 0,
    sellerViolations: 0,
    sellerConfirmedSales: 0,
  };
}

const strengthOf = (f: ConversationFacts, name: string) => scoreConversation(f, { windowDays: 14 }).signals.find((s) => s.name === name)!.strength;

describe('signals of an off-platform sale', () => {
  it('the weights share the whole score', () => {
    expect(Object.values(SIGNAL_WEIGHTS).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
  });

  it('a number exchanged, the buyer gone quiet and the listing sold without an order score high, with an explanation for each', () => {
    const s = scoreConversation(offPlatformSale(), { windowDays: 14 });
    expect(s.score).toBeGreaterThanOrEqual(0.7);
    expect(s.firstContactAt).toEqual(at(1));
    const byName = Object.fromEntries(s.signals.map((x) => [x.name, x]));
    expect(byName['contact_exchanged']!.messageIds).toEqual(['m2']);
    expect(byName['listing_changed_after_contact']!.explanation).toMatch(/went sold 2\.0 days after/);
    expect(byName['listing_changed_after_contact']!.eventIds).toEqual(['e1']);
    expect(byName['buyer_silent']!.strength).toBe(0.8);
    expect(byName['price_negotiated']!.strength).toBe(1);
    for (const x of s.signals) expect(x.contribution).toBeCloseTo(x.weight * x.strength, 3);
  });

  it('a hit a reviewer cleared still counts: the buyer has the number', () => {
    // the facts carry stored hits whatever the review decided; nothing here depends on a verdict
    expect(strengthOf(offPlatformSale(), 'contact_exchanged')).toBe(1);
  });

  it('contact shared after a checkout order between the parties is not an exchange', () => {
    const f = offPlatformSale();
    const ordered: ConversationFacts = { ...f, orders: [{ id: 'o1', listingId: 'l1', buyerId: 'b1', sellerId: 's1', status: 'created', createdAt: at(0.5) }] };
    expect(strengthOf(ordered, 'contact_exchanged')).toBe(0);
    expect(scoreConversation(ordered, { windowDays: 14 }).score).toBeLessThan(0.3);
  });

  it('a listing sold through checkout to another buyer is explained, and so is the buyer buying it themselves', () => {
    const f = offPlatformSale();
    const other: ConversationFacts = { ...f, orders: [{ id: 'o2', listingId: 'l1', buyerId: 'b2', sellerId: 's1', status: 'created', createdAt: at(49.9) }] };
    expect(strengthOf(other, 'listing_changed_after_contact')).toBe(0);
    const same: ConversationFacts = { ...f, orders: [{ id: 'o3', listingId: 'l1', buyerId: 'b1', sellerId: 's1', status: 'created', createdAt: at(70) }] };
    expect(strengthOf(same, 'listing_changed_after_contact')).toBe(0);
  });

  it('a change outside the window, or before the contact, does not count', () => {
    const f = offPlatformSale();
    expect(strengthOf({ ...f, listingEvents: [{ ...f.listingEvents[0]!, occurredAt: at(24 * 15) }] }, 'listing_changed_after_contact')).toBe(0);
    expect(strengthOf({ ...f, listingEvents: [{ ...f.listingEvents[0]!, occurredAt: at(0.5) }] }, 'listing_changed_after_contact')).toBe(0);
  });

  it('removed, on hold and repriced count for less than sold', () => {
    const f = offPlatformSale();
    const ev = f.listingEvents[0]!;
    expect(strengthOf({ ...f, listingEvents: [{ ...ev, status: 'removed' }] }, 'listing_changed_after_contact')).toBe(0.9);
    expect(strengthOf({ ...f, listingEvents: [{ ...ev, status: 'on_hold' }] }, 'listing_changed_after_contact')).toBe(0.75);
    expect(strengthOf({ ...f, listingEvents: [{ ...ev, type: 'price_changed', status: undefined, priceMinor: 450_000 }] }, 'listing_changed_after_contact')).toBe(0.5);
  });

  it('a buyer who keeps writing is not silent', () => {
    const f = offPlatformSale();
    const chatty = { ...f, messages: [...f.messages, msg('m4', 'buyer', 3, 'Also, is there a matching table?'), msg('m5', 'buyer', 4, 'Thanks!')] };
    expect(strengthOf(chatty, 'buyer_silent')).toBe(0);
  });

  it("the seller's record, the buyer's pattern elsewhere and past purchases add to the score", () => {
    const f = offPlatformSale();
    const base = scoreConversation(f, { windowDays: 14 }).score;
    const record: ConversationFacts = {
      ...f,
      sellerViolations: 2,
      sellerConfirmedSales: 1,
      buyerPatternSellers: 2,
      orders: [{ id: 'o0', listingId: 'l9', buyerId: 'b1', sellerId: 's1', status: 'created', createdAt: at(-500) }],
    };
    // the earlier order predates the conversation: the contact exchange still counts
    expect(strengthOf(record, 'contact_exchanged')).toBe(1);
    expect(strengthOf(record, 'seller_history')).toBe(1);
    expect(strengthOf(record, 'buyer_pattern')).toBe(1);
    expect(strengthOf(record, 'prior_purchases')).toBe(0.5);
    expect(scoreConversation(record, { windowDays: 14 }).score).toBeGreaterThan(base);
  });

  it('the score stays in 0..1 and is the sum of the contributions whatever the facts', () => {
    const arbMsg = fc.record({
      id: fc.string({ minLength: 1, maxLength: 4 }),
      senderRole: fc.constantFrom('buyer' as const, 'seller' as const),
      sentAt: fc.integer({ min: 0, max: 2000 }).map(at),
      body: fc.constantFrom('hello', '€ 3.200', 'I offer 2.5k', 'call me'),
      hits: fc.subarray([...phone, { kind: 'payment', value: 'wire', rule: 'payment.wire' }]),
    });
    fc.assert(
      fc.property(
        fc.array(arbMsg, { maxLength: 8 }),
        fc.array(fc.record({ id: fc.string(), type: fc.constantFrom('status_changed' as const, 'price_changed' as const), status: fc.constantFrom('sold', 'removed', 'on_hold', 'active', undefined), priceMinor: fc.constant(undefined), occurredAt: fc.integer({ min: 0, max: 3000 }).map(at) }), { maxLength: 4 }),
        fc.nat(5),
        fc.nat(5),
        fc.nat(5),
        (messages, listingEvents, p, v, c) => {
          const sorted = [...messages].sort((a, b) => a.sentAt.getTime() - b.sentAt.getTime());
          const s = scoreConversation({ ...offPlatformSale(), messages: sorted, listingEvents, buyerPatternSellers: p, sellerViolations: v, sellerConfirmedSales: c }, { windowDays: 14 });
          expect(s.score).toBeGreaterThanOrEqual(0);
          expect(s.score).toBeLessThanOrEqual(1);
          expect(s.score).toBeCloseTo(Math.min(1, s.signals.reduce((a, x) => a + x.contribution, 0)), 2);
        },
      ),
    );
  });
});
