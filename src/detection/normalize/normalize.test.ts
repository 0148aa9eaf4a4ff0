import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addrView, digitView, fold, normalizeDigits, toOriginal, type TextView } from './index';
import { wordKind } from './digits';
import { NUMBER_CONNECTORS, NUMBER_WORDS, PLUS_WORDS, REPEATERS } from './number-words';

function checkMap(original: string, v: TextView): void {
  if (v.map === null) {
    expect(v.text.length).toBe(original.length);
    return;
  }
  expect(v.map.length).toBe(v.text.length);
  let prev = 0;
  for (let i = 0; i < v.text.length; i++) {
    const { start: s, end: e } = toOriginal(v, i, i + 1);
    expect(s).toBeGreaterThanOrEqual(prev);
    expect(s).toBeLessThanOrEqual(e);
    expect(e).toBeLessThanOrEqual(original.length);
    prev = s;
  }
}

describe('normalization', () => {
  it('spells French pairs back to digits: "zéro six douze trente-quatre…"', () => {
    expect(normalizeDigits('zéro six douze trente-quatre cinquante-six soixante-dix-huit').text).toBe('0 6 12 34 56 78');
  });
  it('reads compound number words of Italian, German, Dutch and Spanish', () => {
    expect(normalizeDigits('trentaquattro ventotto zero tre tre').text).toBe('34 28 0 3 3');
    expect(normalizeDigits('null sechs vierunddreißig zwölf').text).toBe('0 6 34 12');
    expect(normalizeDigits('drie vierenveertig twaalf nul').text).toBe('3 44 12 0');
    expect(normalizeDigits('treinta y cuatro veintidós cero seis').text).toBe('34 22 0 6');
  });
  it('leaves a lone article or "très" alone', () => {
    expect(normalizeDigits('une très belle commode').text).toBe('une tres belle commode');
    expect(normalizeDigits('très beau 06 12 34 56 78').text).toBe('tres beau 06 12 34 56 78');
  });
  it('turns O/o and l/I inside digit runs into 0 and 1, but not in words', () => {
    expect(normalizeDigits('O6 l2 34 56 78').text).toBe('06 12 34 56 78');
    expect(normalizeDigits('oil lot').text).toBe('oil lot');
  });
  it('folds full-width, Arabic-Indic and keycap digits', () => {
    expect(fold('０６１２').text).toBe('0612');
    expect(fold('٠٦١٢').text).toBe('0612');
    expect(fold('0️⃣6️⃣1️⃣2️⃣').text).toBe('0612');
  });
  it('folds look-alike Cyrillic letters and accents', () => {
    expect(fold('gmаil Déco').text).toBe('gmail deco');
  });
  it('rejoins "name at gmail dot com" and bracketed forms, mapped to the whole original span', () => {
    const s = 'mail: john at gmail dot com';
    const v = addrView(fold(s));
    expect(v.text).toBe('mail: john@gmail.com');
    expect(toOriginal(v, 6, v.text.length)).toEqual({ start: 6, end: s.length });
    expect(addrView(fold('j.doe [at] villa (dot) fr')).text).toBe('j.doe@villa.fr');
  });
  it('reads English "oh" as zero inside a spelled number, never on its own', () => {
    expect(normalizeDigits('oh seven nine, double oh, one two').text).toBe('0 7 9, 00, 1 2');
    expect(normalizeDigits('oh, two of them').text).toBe('oh, two of them');
  });
  it('reads a bracketed "a" as the at sign, "pt" as a dot, and spelled dots in the name part', () => {
    expect(addrView(fold('anne pt girard (a) orange pt fr')).text).toBe('anne.girard@orange.fr');
    expect(addrView(fold('marco [a] libero dot it')).text).toBe('marco@libero.it');
    expect(addrView(fold('paul dot martin at yahoo dot fr')).text).toBe('paul.martin@yahoo.fr');
  });
  it('leaves a list marker "(a)" and an @mention after a pronoun or a contraction alone', () => {
    expect(addrView(fold('option (a) or option (b)')).text).toBe('option (a) or option (b)');
    expect(addrView(fold("we're @atelier.roma on instagram")).text).toBe("we're @atelier.roma on instagram");
    expect(addrView(fold('follow us @atelier.roma')).text).toBe('follow us @atelier.roma');
  });
  it('does not read "point de vue" or "look at this" as an address', () => {
    expect(addrView(fold('le point de vue')).text).toBe('le point de vue');
    expect(addrView(fold('look at this. it is nice')).text).toBe('look at this. it is nice');
  });

  it('keeps a monotone offset map inside the original text, for any Unicode input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (s) => {
        const f = fold(s);
        checkMap(s, f);
        checkMap(s, digitView(f));
        checkMap(s, addrView(f));
      }),
      { numRuns: 300 },
    );
  });
  it('maps every normalized span back to a span that contains its source characters', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('zéro', 'six', '０', '1', ' ', 'O', 'l', '-', 'douze', 'a', 'é', '🔟', '٣'), { maxLength: 20 }), (parts) => {
        const s = parts.join('');
        const v = normalizeDigits(s);
        for (let a = 0; a < v.text.length; a++) {
          const { start, end } = toOriginal(v, a, a + 1);
          expect(start).toBeGreaterThanOrEqual(0);
          expect(end).toBeGreaterThan(start - 1);
          expect(end).toBeLessThanOrEqual(s.length);
        }
      }),
      { numRuns: 300 },
    );
  });
  it('is the identity on plain ASCII prose without numbers', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z ,.]{0,80}$/), (s) => {
        const v = fold(s);
        expect(v.map).toBeNull();
        expect(v.text).toBe(s);
      }),
    );
  });
});

/** The kind of a word as the dictionaries say, looked up one after the other. */
const kindOf = (w: string): string | undefined =>
  NUMBER_WORDS.has(w) ? 'num' : REPEATERS.has(w) ? 'rep' : NUMBER_CONNECTORS.has(w) ? 'conn' : PLUS_WORDS.has(w) ? 'plus' : undefined;

describe('number word lookup', () => {
  const known = [...NUMBER_WORDS.keys(), ...REPEATERS.keys(), ...NUMBER_CONNECTORS, ...PLUS_WORDS];
  it('knows every word of the dictionaries, inside a text too', () => {
    for (const w of known) {
      expect(wordKind(w, 0, w.length)).toBe(kindOf(w));
      expect(wordKind(`12 ${w}.`, 3, 3 + w.length)).toBe(kindOf(w));
    }
  });
  it('refuses by its first letters only words the dictionaries do not hold', () => {
    const letters = fc.array(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'), { minLength: 1, maxLength: 12 }).map((a) => a.join(''));
    // near misses: a known word with a letter changed, added or dropped
    const nearMiss = fc.tuple(fc.constantFrom(...known), fc.nat(20), fc.constantFrom(...'aeiousxz'), fc.constantFrom('swap', 'add', 'drop')).map(([w, i, c, op]) => {
      const k = i % (w.length + 1);
      return op === 'swap' ? w.slice(0, k) + c + w.slice(k + 1) : op === 'add' ? w.slice(0, k) + c + w.slice(k) : w.slice(0, k) + w.slice(k + 1);
    });
    fc.assert(
      fc.property(fc.oneof(letters, nearMiss, fc.constantFrom(...known)), (w) => {
        expect(wordKind(w, 0, w.length)).toBe(kindOf(w));
      }),
      { numRuns: 20_000 },
    );
  });
});
