import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { maskJson, maskText, numberPlaceholder, partyIdsIn, reducedName } from './masking';

const digit = fc.integer({ min: 0, max: 9 }).map(String);
const sep = fc.constantFrom(' ', '-', '.', '', ' ');
/**
 * Phone numbers as people type them: a trunk 0 or an international prefix (+CC or 00CC), then 8+
 * digits in groups with separators.
 */
const phone = fc
  .tuple(
    fc.constantFrom('0', '+33 ', '+41', '0049 ', '+1-', '+44 (0)'),
    fc.array(fc.array(digit, { minLength: 2, maxLength: 4 }).map((d) => d.join('')), { minLength: 3, maxLength: 5 }).filter((g) => g.join('').length >= 8),
    sep,
  )
  .map(([prefix, groups, s]) => `${prefix}${groups.join(s)}`);
const word = fc.stringMatching(/^[a-z]{2,10}$/);
const email = fc.tuple(word, word, fc.constantFrom('com', 'fr', 'de', 'co.uk')).map(([a, b, tld]) => `${a}@${b}.${tld}`);
const filler = fc.array(fc.constantFrom('bonjour', 'the', 'commode', 'Louis XV', 'price', '€', 'merci', ',', '!', 'call', 'me'), { maxLength: 8 }).map((w) => w.join(' '));

describe('the vendor masker', () => {
  it('never lets a planted phone number or e-mail through, whatever surrounds it', () => {
    fc.assert(
      fc.property(filler, phone, filler, email, filler, (a, p, b, e, c) => {
        const text = `${a} ${p} ${b} ${e} ${c}`;
        const masked = maskText(text).text;
        expect(masked).not.toContain(p);
        expect(masked).not.toContain(e);
      }),
      { numRuns: 500 },
    );
  });

  it('masks detector hits, handles, URLs, IBANs and known names with typed placeholders', () => {
    const text = 'Galerie Dupont here: call 06 12 34 56 78, @dupont_antiques, www.dupont.fr, IBAN FR76 3000 6000 0112 3456 7890 189 or galerie@dupont.fr';
    const m = maskText(text, { parties: [{ label: reducedName('Seller', 'Galerie Dupont'), names: ['Galerie Dupont'], emails: ['galerie@dupont.fr'] }] });
    expect(m.text).toBe('Seller G. here: call [phone], [handle], [url], IBAN [iban] or [email]');
  });

  it('re-maps hit offsets onto the masked text', () => {
    const text = 'zero six twelve thirty-four, ok?';
    const m = maskText(text, { hits: [{ kind: 'phone', start: 0, end: 27 }] });
    expect(m.text).toBe('[phone], ok?');
    expect(m.text.slice(m.mapStart(0), m.mapEnd(27))).toBe('[phone]');
    expect(m.mapStart(29)).toBe(9);
  });

  it('leaves ids, timestamps and enums of a JSON response alone and masks the rest', () => {
    const out = maskJson({ id: 'case_0612345678', at: '2026-11-02T10:00:00.000Z', status: 'open', detail: 'write to a@b.com', nested: [{ body: 'ring 0612345678' }] });
    expect(out).toEqual({ id: 'case_0612345678', at: '2026-11-02T10:00:00.000Z', status: 'open', detail: 'write to [email]', nested: [{ body: 'ring [phone]' }] });
  });

  it('masks free text under a structural key (an error reason echoing input) but keeps codes and ids there', () => {
    const out = maskJson({ reason: 'review.lease_expired', errors: [{ field: '/clause_id', reason: 'clause TP-a@b.com does not exist' }], clause_id: 'x@y.org' });
    expect(out).toEqual({ reason: 'review.lease_expired', errors: [{ field: '/clause_id', reason: 'clause [email] does not exist' }], clause_id: '[email]' });
  });

  it('reduces the names of known parties anywhere in a JSON value', () => {
    const parties = [{ label: reducedName('Seller', 'Galerie Dupont'), names: ['Galerie Dupont'], emails: ['contact@dupont.fr'] }];
    const out = maskJson({ id: 'case_1', title: 'Dupont again', notes: [{ body: 'Galerie Dupont wrote from contact@dupont.fr' }] }, { parties });
    expect(out).toEqual({ id: 'case_1', title: 'Seller G. again', notes: [{ body: 'Seller G. wrote from [email]' }] });
  });

  it('finds the seller, buyer, conversation and case ids a response is about', () => {
    const ids = partyIdsIn({ items: [{ id: 'case_1', subjects: { seller_id: 's1', buyer_id: null, conversation_id: 'c1' } }, { case_id: 'case_2', seller_id: 's1' }] });
    expect(ids).toEqual({ sellerIds: ['s1'], buyerIds: [], conversationIds: ['c1'], caseIds: ['case_2'] });
  });
});

describe('the pattern pass on numbers', () => {
  const kept = (text: string) => expect(maskText(text).text, text).toBe(text);
  const masked = (text: string, secret: string) => expect(maskText(text).text, text).not.toContain(secret);

  it('leaves prices, sizes, dates and years alone', () => {
    for (const text of [
      'The pair is $12,500 or € 3.200,00 each',
      'Prix : 12 500 000 € (négociable)',
      'Preis 12.500.000,00 EUR inkl. Versand',
      'Asking EUR 12.500.000 for the collection',
      'Budget 125000000 USD',
      'Sold for 1,250,000.00 dollars',
      'CHF 14 500 000.– for the set',
      'Dimensions 200 100 45 cm, or 120/60/85 cm',
      'Frame 1200 1000 450 mm',
      'Screen 32 34in',
      'Made between 1890-1910, restored 1925 1930',
      'Delivered on 2026-11-02 or 02.11.2026 or 2/11/1998',
    ]) kept(text);
  });

  it('still masks phone numbers next to prices, units and dates', () => {
    masked('Call 06 12 34 56 78 about the € 3.200,00 chair', '06 12 34 56 78');
    masked('€ 06 12 34 56 78', '06 12 34 56 78');
    masked('Ring +33 6 12 34 56 78 in the evening', '6 12 34 56 78');
    masked('whatsapp 0033 612 345 678 cm', '612 345 678');
    masked('my number 612 345 678 in the evening', '612 345 678');
    masked('612-345-6789 EUR', '612-345-6789');
    masked('card 4111 1111 1111 1111', '4111 1111 1111 1111');
    expect(maskText('Call +41 79 123 45 67').text).toBe('Call [phone]');
    expect(maskText('card 4111 1111 1111 1111 now').text).toBe('card [account] now');
  });

  it('classifies a run by its shape and what stands around it', () => {
    expect(numberPlaceholder('12 500 000', 'Prix ', ' €')).toBeUndefined();
    expect(numberPlaceholder('12 500 000', 'Prix ', ' now')).toBe('[phone]');
    expect(numberPlaceholder('06 12 34 56 78', '€ ', '')).toBe('[phone]');
    expect(numberPlaceholder('+41 79 12', '', '')).toBe('[phone]');
    expect(numberPlaceholder('1234567', '', '')).toBeUndefined();
    expect(numberPlaceholder('2026-11-02', '', '')).toBeUndefined();
    expect(numberPlaceholder('2026-13-02', '', '')).toBe('[phone]');
  });

  const amount = fc.integer({ min: 1000, max: 999_999_999 });
  const group = (n: number, sep: string) => n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  const price = fc.tuple(amount, fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 6 })).map(([n, cents, style]) => {
    const c = String(cents).padStart(2, '0');
    return [`$${group(n, ',')}.${c}`, `${group(n, ' ')},${c} €`, `${group(n, '.')},${c} EUR`, `€ ${group(n, ' ')}`, `EUR ${group(n, '.')}`, `${n} USD`, `£${group(n, ',')}`][style]!;
  });
  const size = fc.array(fc.integer({ min: 1, max: 2500 }), { minLength: 2, maxLength: 3 }).chain((dims) =>
    fc.constantFrom(`${dims.join(' x ')} cm`, `${dims.join('/')} cm`, `${dims.join(' ')} mm`, `${dims.join(' x ')}in`),
  );
  const date = fc.tuple(fc.integer({ min: 1600, max: 2099 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1600, max: 2099 })).chain(([y, m, d, y2]) => {
    const p2 = (x: number) => String(x).padStart(2, '0');
    return fc.constantFrom(`${y}-${p2(m)}-${p2(d)}`, `${p2(d)}.${p2(m)}.${y}`, `${d}/${m}/${y}`, `${y}-${y2}`, `${y} / ${y2}`);
  });
  const words = fc.array(fc.constantFrom('commode', 'the', 'prix', 'price', 'Louis XV', 'merci', 'for', 'walnut', 'H', 'L'), { maxLength: 5 }).map((w) => w.join(' '));

  it('never masks a price, a size or a date among words', () => {
    fc.assert(
      fc.property(words, fc.oneof(price, size, date), words, (a, x, b) => {
        const text = `${a} ${x} ${b}`;
        expect(maskText(text).text).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  /** Phone numbers without a trunk 0 or prefix (9–11 digits in groups): masked unless a currency or unit stands next to them. */
  const bare = fc
    .tuple(fc.integer({ min: 1, max: 9 }), fc.array(digit, { minLength: 8, maxLength: 10 }), fc.constantFrom(' ', '-', '.', ''), fc.integer({ min: 2, max: 4 }))
    .map(([first, rest, s, size]) => {
      const all = `${first}${rest.join('')}`;
      return all.match(new RegExp(`.{1,${size}}`, 'g'))!.join(s);
    });
  it('masks bare phone runs among words', () => {
    fc.assert(
      fc.property(words, bare, words, (a, p, b) => {
        const text = `${a} ${p} ${b}`;
        expect(maskText(text).text).not.toContain(p);
      }),
      { numRuns: 500 },
    );
  });
});
