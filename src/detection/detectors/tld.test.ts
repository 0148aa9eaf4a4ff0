import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALL_TLDS, ALL_TLDS_SHAPE, isIdnCode, isIPv4, isIPv4At, mayBeName, nameShape, TLDS, TLDS_SHAPE } from './tld';

/** The first definition of isIPv4 (split and a regex per part): the in-place one must agree with it. */
function isIPv4BySplit(host: string): boolean {
  const parts = host.split('.');
  return parts.length === 4 && parts.every((p) => /^(?:0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
}

const ipish = fc
  .array(fc.constantFrom('0', '1', '9', '00', '01', '10', '99', '100', '255', '256', '300', '999', '1000', '', 'a', ' ', '٣', '-1', '+1', '1e2'), { maxLength: 6 })
  .chain((parts) => fc.constantFrom('.', '..', ',').map((sep) => parts.join(sep)));

describe('host name helpers', () => {
  it('reads an IPv4 address in place exactly as by splitting it', () => {
    fc.assert(
      fc.property(fc.oneof(ipish, fc.string({ maxLength: 20 }), fc.stringMatching(/^[0-9.]{0,18}$/)), fc.string({ maxLength: 3 }), (s, pad) => {
        expect(isIPv4(s)).toBe(isIPv4BySplit(s));
        // a slice of a longer text
        expect(isIPv4At(pad + s + pad, pad.length, pad.length + s.length)).toBe(isIPv4BySplit(s));
      }),
      { numRuns: 5000 },
    );
    expect(isIPv4('192.168.0.1')).toBe(true);
    expect(isIPv4('192.168.00.1')).toBe(false);
  });

  it('never refuses a TLD by its shape, and refuses only what is none', () => {
    for (const t of TLDS) expect(mayBeName(TLDS_SHAPE, `.${t}.`, 1, t.length + 1)).toBe(true);
    for (const t of ALL_TLDS) expect(mayBeName(ALL_TLDS_SHAPE, t, 0, t.length)).toBe(true);
    const members = fc.constantFrom(...ALL_TLDS);
    fc.assert(
      fc.property(fc.oneof(members, members.map((t) => t.toUpperCase()), fc.string({ maxLength: 8 }), fc.stringMatching(/^[0-9a-zA-Z-]{0,6}$/)), (s) => {
        if (!mayBeName(TLDS_SHAPE, s, 0, s.length)) expect(TLDS.has(s)).toBe(false);
        if (!mayBeName(ALL_TLDS_SHAPE, s, 0, s.length)) expect(ALL_TLDS.has(s)).toBe(false);
        // lower: the ASCII letters read as lower-case (an ASCII original, lower-cased before the look-up)
        if (/^[\x00-\x7f]*$/.test(s) && !mayBeName(ALL_TLDS_SHAPE, s, 0, s.length, true)) expect(ALL_TLDS.has(s.toLowerCase())).toBe(false);
      }),
      { numRuns: 5000 },
    );
  });

  it('never refuses a name of any set by its shape', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'A', '1', '-', 'é', '\ud83d'), maxLength: 6 });
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 8 }), word, (names, s) => {
        const shape = nameShape(names);
        for (const n of names) expect(mayBeName(shape, `x${n}y`, 1, n.length + 1)).toBe(n.length > 0);
        if (!mayBeName(shape, s, 0, s.length)) expect(s.length === 0 || !names.includes(s)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
  it('shapes one-letter names apart from the longer names they begin', () => {
    const shape = nameShape(['a', 'ab']);
    expect(mayBeName(shape, 'a', 0, 1)).toBe(true);
    expect(mayBeName(shape, 'ab', 0, 2)).toBe(true);
    expect(mayBeName(shape, 'ac', 0, 2)).toBe(false);
    expect(mayBeName(shape, 'b', 0, 1)).toBe(false);
  });

  it('remembers, per unit, the answer it computed for internationalized host characters', () => {
    const IDN = /[\p{L}\p{M}\p{N}\p{So}\p{Sm}]/u;
    const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
    const direct = (c: number): boolean => {
      if (c < 128) return false;
      if (c >= 0xd800 && c <= 0xdfff) return true;
      const ch = String.fromCharCode(c);
      return IDN.test(ch) && !CJK.test(ch) && !['×', '÷', '±', '∓'].includes(ch);
    };
    for (let round = 0; round < 2; round++) for (let c = 0; c < 0x10000; c++) if (isIdnCode(c) !== direct(c)) expect([c, isIdnCode(c)]).toEqual([c, direct(c)]);
    expect(isIdnCode(Number.NaN)).toBe(false);
  });
});
