import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { maskJson, maskText, partyIdsIn, reducedName } from './masking';

const digit = fc.integer({ min: 0, max: 9 }).map(String);
const sep = fc.constantFrom(' ', '-', '.', '', ' ');
/** Phone numbers as people type them: groups of digits with separators, sometimes a + prefix. */
const phone = fc
  .tuple(fc.boolean(), fc.array(fc.array(digit, { minLength: 2, maxLength: 4 }).map((d) => d.join('')), { minLength: 3, maxLength: 5 }), sep)
  .map(([plus, groups, s]) => `${plus ? '+' : ''}${groups.join(s)}`);
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
