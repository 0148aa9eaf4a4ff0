import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONTEXT_MESSAGES, createConversationScanner, defaultCompiledRuleSet, scanConversation, scanMessage, type ScanInput, type ScanResult } from './index';

const rs = defaultCompiledRuleSet();

describe('conversation scanning', () => {
  it('a number split over two consecutive messages of one sender is caught in the second', () => {
    const [a, b] = scanConversation(rs, [
      { id: '1', conversation: 'c', sender: 'seller-1', text: 'my cell is 06 12 34', country: 'FR' },
      { id: '2', conversation: 'c', sender: 'seller-1', text: '56 78', country: 'FR' },
    ]);
    expect(a!.hits.filter((h) => h.kind === 'phone')).toEqual([]);
    expect(b!.hits[0]).toMatchObject({ kind: 'phone', rule: 'phone.split_messages', normalized: '+33612345678', start: 0, end: 5 });
  });
  it('a short connective before the rest of the number ("then", "puis") does not hide it', () => {
    for (const [first, rest, country, e164] of [
      ['My number starts 604', 'then 176 086', 'ES', '+34604176086'],
      ['Appelez le 077 132', 'puis 26 61', 'CH', '+41771322661'],
      ['You can reach me on 617', 'and then 301 7474', 'US', '+16173017474'],
    ] as const) {
      const [, b] = scanConversation(rs, [
        { id: '1', conversation: 'c', sender: 'seller-1', text: first, seller_country: country },
        { id: '2', conversation: 'c', sender: 'seller-1', text: rest, seller_country: country },
      ]);
      const hit = b!.hits.find((h) => h.kind === 'phone');
      expect(hit, rest).toMatchObject({ rule: 'phone.split_messages', normalized: e164 });
      expect(rest.slice(hit!.start, hit!.end)).toMatch(/^\d/);
    }
  });
  it('a contact phrase ending in the first digits is flagged, and the rest is joined in the next message', () => {
    const [a, b] = scanConversation(rs, [
      { id: '1', conversation: 'c', sender: 'seller:s1', text: 'Sie erreichen mich unter 0171', seller_country: 'DE' },
      { id: '2', conversation: 'c', sender: 'seller:s1', text: '2345678, ab 9 Uhr', seller_country: 'DE' },
    ]);
    expect(a!.verdict).toBe('review');
    expect(a!.hits.map((h) => h.rule)).toContain('intent.number_start.de');
    expect(b!.hits.find((h) => h.kind === 'phone')).toMatchObject({ rule: 'phone.split_messages', normalized: '+491712345678' });
  });
  it('a connective is not skipped when the earlier message does not end in digits', () => {
    const [, b] = scanConversation(rs, [
      { id: '1', conversation: 'c', sender: 'seller-1', text: 'my cell is 06 12 34 if needed', country: 'FR' },
      { id: '2', conversation: 'c', sender: 'seller-1', text: 'then 56 78', country: 'FR' },
    ]);
    expect(b!.hits.filter((h) => h.rule === 'phone.split_messages')).toEqual([]);
  });
  it('the other party\'s digits in between break the chain', () => {
    const r = scanConversation(rs, [
      { id: '1', conversation: 'c', sender: 'seller-1', text: 'my cell is 06 12 34', country: 'FR' },
      { id: '2', conversation: 'c', sender: 'buyer-1', text: 'ok' },
      { id: '3', conversation: 'c', sender: 'seller-1', text: '56 78', country: 'FR' },
    ]);
    expect(r[2]!.hits).toEqual([]);
  });
  it('different conversations do not mix', () => {
    const r = scanConversation(rs, [
      { id: '1', conversation: 'a', sender: 's', text: '06 12 34', country: 'FR' },
      { id: '2', conversation: 'b', sender: 's', text: '56 78', country: 'FR' },
    ]);
    expect(r[1]!.hits).toEqual([]);
  });
});

describe('conversation scanning with stored context', () => {
  it('a batch that continues a conversation sees its earlier stored messages', () => {
    const earlier = new Map([['c', [{ id: '1', conversation: 'c', sender: 'seller:s1', text: 'my cell is 06 12 34', country: 'FR' }]]]);
    const [b] = scanConversation(rs, [{ id: '2', conversation: 'c', sender: 'seller:s1', text: '56 78', country: 'FR' }], { earlier });
    expect(b!.hits[0]).toMatchObject({ kind: 'phone', rule: 'phone.split_messages', normalized: '+33612345678' });
  });
  it('stored context of another conversation is not used', () => {
    const earlier = new Map([['other', [{ id: '1', conversation: 'other', sender: 'seller:s1', text: 'my cell is 06 12 34', country: 'FR' }]]]);
    const [b] = scanConversation(rs, [{ id: '2', conversation: 'c', sender: 'seller:s1', text: '56 78', country: 'FR' }], { earlier });
    expect(b!.hits).toEqual([]);
  });
});

describe('the scanner\'s conversation tails', () => {
  /** The context as it is defined: the last CONTEXT_MESSAGES messages of the same conversation, oldest first. */
  function reference(inputs: readonly ScanInput[], earlier?: ReadonlyMap<string, readonly ScanInput[]>): ScanResult[] {
    const seen = new Map<string, ScanInput[]>([...(earlier ?? [])].map(([c, ms]) => [c, [...ms]]));
    return inputs.map((m) => {
      const tail = seen.get(m.conversation!) ?? [];
      const r = scanMessage(rs, m, { earlier: tail.slice(-CONTEXT_MESSAGES) });
      seen.set(m.conversation!, [...tail, m]);
      return r;
    });
  }
  const fragments = ['my cell is 06 12 34', '56 78', 'ok', '06 12', '34 56', '78', 'thanks', 'zéro six', 'douze trente-quatre', '+33 6'];
  const message = fc.record({
    conversation: fc.constantFrom('a', 'b', 'c', 'd'),
    sender: fc.constantFrom('seller:s1', 'buyer:b1'),
    text: fc.constantFrom(...fragments),
  });

  it('give every message the same context as the definition, bounded (evicting and compacting) or not', () => {
    fc.assert(
      fc.property(fc.array(message, { minLength: 100, maxLength: 160 }), (rows) => {
        const inputs: ScanInput[] = rows.map((r, i) => ({ id: String(i), country: 'FR', ...r }));
        const expected = reference(inputs);
        expect(scanConversation(rs, inputs)).toEqual(expected);
        // four conversations fit in four slots: the bounded scanner compacts its store but forgets nothing
        const bounded = createConversationScanner(rs, 4);
        expect(inputs.map((m) => bounded.scan(m))).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });

  it('give the same context when they start from stored messages, some of another conversation or without a sender', () => {
    // the stored messages were never scanned by the scanner: what they hold is read from them
    const stored = fc.record({
      conversation: fc.constantFrom('a', 'b', 'c', 'd', 'x'),
      sender: fc.constantFrom('seller:s1', 'buyer:b1', undefined),
      text: fc.constantFrom(...fragments),
    });
    let split = 0;
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), fc.array(stored, { maxLength: 6 })), fc.array(message, { minLength: 20, maxLength: 80 }), (byConversation, rows) => {
        const earlier = new Map(
          Object.entries(byConversation).map(([c, ms]) => [c, ms.map((m, i): ScanInput => ({ id: `${c}${i}`, country: 'FR', text: m.text, conversation: m.conversation, ...(m.sender === undefined ? {} : { sender: m.sender }) }))]),
        );
        const inputs: ScanInput[] = rows.map((r, i) => ({ id: String(i), country: 'FR', ...r }));
        const expected = reference(inputs, new Map([...earlier].map(([c, ms]) => [c, ms.slice(-CONTEXT_MESSAGES)])));
        split += expected.filter((r) => r.hits.some((h) => h.rule === 'phone.split_messages')).length;
        expect(scanConversation(rs, inputs, { earlier })).toEqual(expected);
        const bounded = createConversationScanner(rs, 2, earlier);
        const alone = reference(inputs.filter((m) => m.conversation === 'a'), new Map([...earlier].map(([c, ms]) => [c, ms.slice(-CONTEXT_MESSAGES)])));
        expect(inputs.filter((m) => m.conversation === 'a').map((m) => bounded.scan(m))).toEqual(alone);
      }),
      { numRuns: 60 },
    );
    expect(split).toBeGreaterThan(60);
  });

  it('forget the least recently used conversation when more are open than the bound', () => {
    const scanner = createConversationScanner(rs, 1);
    scanner.scan({ id: '1', conversation: 'a', sender: 'seller:s1', text: 'my cell is 06 12 34', country: 'FR' });
    scanner.scan({ id: '2', conversation: 'b', sender: 'seller:s1', text: 'hello', country: 'FR' });
    expect(scanner.scan({ id: '3', conversation: 'a', sender: 'seller:s1', text: '56 78', country: 'FR' }).hits).toEqual([]);
    const kept = createConversationScanner(rs, 2);
    kept.scan({ id: '1', conversation: 'a', sender: 'seller:s1', text: 'my cell is 06 12 34', country: 'FR' });
    kept.scan({ id: '2', conversation: 'b', sender: 'seller:s1', text: 'hello', country: 'FR' });
    expect(kept.scan({ id: '3', conversation: 'a', sender: 'seller:s1', text: '56 78', country: 'FR' }).hits[0]).toMatchObject({ rule: 'phone.split_messages' });
  });
});
