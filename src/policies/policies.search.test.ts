import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fold, likeEscape, queryTerms, score, snippet } from './policies.search';

const clause = (title: string, text: string, clauseId = 'TP-9.1') => ({ clauseId, title, text });

describe('folding for search', () => {
  it('ignores case and accents', () => {
    expect(fold('Délai de RÉPONSE, Öffnungszeiten, Niño')).toBe('delai de reponse, offnungszeiten, nino');
  });

  it('is idempotent and leaves plain ASCII merely lowercased', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (s) => {
        expect(fold(fold(s))).toBe(fold(s));
      }),
    );
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...'abcXYZ 09-.'), maxLength: 80 }), (s) => {
        expect(fold(s)).toBe(s.toLowerCase());
      }),
    );
  });
});

describe('query terms', () => {
  it('splits on spaces and punctuation, keeps clause ids whole, drops duplicates', () => {
    expect(queryTerms('  Bank, transfer? bank "TP-2.2". ', 10)).toEqual(['bank', 'transfer', 'tp-2.2']);
  });

  it('keeps at most the number asked for', () => {
    expect(queryTerms('a b c d e', 3)).toEqual(['a', 'b', 'c']);
  });

  it('escapes LIKE wildcards so they match themselves', () => {
    expect(likeEscape('100%_\\x')).toBe('100\\%\\_\\\\x');
  });
});

describe('ranking', () => {
  it('puts the clause id asked for first, then title matches, then text matches', () => {
    const q = 'checkout';
    const terms = queryTerms(q, 10);
    const byId = score(clause('Anything', 'checkout', 'TP-2.2'), 'tp-2.2', queryTerms('tp-2.2', 10));
    const inTitle = score(clause('Payment only through checkout', 'Use it.'), q, terms);
    const inText = score(clause('Payment', 'Only through checkout, checkout, checkout.'), q, terms);
    expect(byId.matchedIn).toBe('id');
    expect(inTitle.matchedIn).toBe('title');
    expect(inText.matchedIn).toBe('text');
    expect(byId.score).toBeGreaterThan(inTitle.score);
    expect(inTitle.score).toBeGreaterThan(inText.score);
  });

  it('scores zero unless every term occurs somewhere', () => {
    expect(score(clause('Payment', 'bank details'), 'bank transfer', ['bank', 'transfer']).score).toBe(0);
    expect(score(clause('Payment', 'bank transfer'), 'bank transfer', ['bank', 'transfer']).score).toBeGreaterThan(0);
  });
});

describe('snippets', () => {
  const long =
    'Take payment for marketplace orders, and for any item you offer to a marketplace lead, only through checkout. Do not ask for or accept bank transfers, cash, payments on your own card terminal, payment apps or cryptocurrency for such a sale.';

  it('show the text around the match, cut at words, with ellipses', () => {
    const s = snippet(long, 'cryptocurrency', ['cryptocurrency'], 80);
    expect(s).toContain('cryptocurrency');
    expect(s.startsWith('…')).toBe(true);
    expect(s.length).toBeLessThanOrEqual(82);
    expect(s.replace(/^…|…$/g, '').split(' ').every((w) => long.includes(w))).toBe(true);
  });

  it('find the match when the text has accents the query lacks', () => {
    const text = `${'Lorem ipsum dolor sit amet. '.repeat(8)}Répondez sous deux jours ouvrés.`;
    expect(snippet(text, 'ouvres', ['ouvres'], 60)).toContain('ouvrés');
  });

  it('are the start of the text when only the title matched', () => {
    expect(snippet(long, 'zebra', ['zebra'], 40).startsWith('Take payment')).toBe(true);
  });

  it('are a bounded extract of the text, never a split character', () => {
    const word = fc.stringMatching(/^[a-zé😀]{1,12}$/u);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 60 }), fc.nat(), (words, pick) => {
        const text = words.join(' ');
        const needle = words[pick % words.length]!;
        const s = snippet(text, needle, [fold(needle)], 50);
        const body = s.replace(/^…/, '').replace(/…$/, '');
        expect(text).toContain(body);
        expect(s.length).toBeLessThanOrEqual(Math.max(52, needle.length + 2));
        expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
