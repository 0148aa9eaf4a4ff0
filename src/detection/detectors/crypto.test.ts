import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hitsOf } from './test-helpers';
import { base58Decode, keccak256Hex } from './crypto-codecs';
import { cryptoAddressKind, cryptoDetector, nextLongRun } from './crypto';
import { defaultCompiledRuleSet } from '../rules';
import type { ScanState } from './detector';
import type { RawHit } from '../types';

const VALID = ['1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa', '3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy', 'LVg2kJoFNg45Nbpy53h7Fe1wKyeXVRhMH9', 'DH5yaieqoZN36fDVciNyRueRGvGLR3mr7L', 'TJCnKsPa7y5okkXvQAidZBzqx3QyQ6sxMW', 'mipcBbFg9gMiCh81Kj8tqqdgoZub1ZJRfn'];

describe('crypto detector', () => {
  it('Base58Check, Bech32 and EIP-55 addresses are validated', () => {
    expect(cryptoAddressKind('1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa')).toBe('bitcoin');
    expect(cryptoAddressKind('bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq')).toBe('bitcoin');
    expect(cryptoAddressKind('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed')).toBe('ethereum');
  });
  it('refuses quickly only what the checksum would refuse', () => {
    const b58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
    const token = fc.oneof(
      fc.constantFrom(...VALID),
      // a valid address with one character changed (the lead, or any other, to any ASCII letter or digit)
      fc.tuple(fc.constantFrom(...VALID), fc.nat(40), fc.constantFrom(...'0OIl1239ABLMDTmnxz')).map(([v, i, c]) => v.slice(0, i % v.length) + c + v.slice((i % v.length) + 1)),
      fc.array(fc.constantFrom(...b58, '0', 'O', 'I', 'l', 'é'), { minLength: 24, maxLength: 36 }).map((a) => a.join('')),
    );
    fc.assert(fc.property(token, (t) => {
      expect(cryptoAddressKind(t)).toBe(cryptoAddressKind(t, false));
    }), { numRuns: 1500 });
    for (const v of VALID) expect(cryptoAddressKind(v)).toBeDefined();
  });
  it('finds every token of 25 to 90 letters and digits, the first 16 of them, as a scan of every character would', () => {
    const rs = defaultCompiledRuleSet();
    const isAlnum = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    const everyUnit = (text: string): Array<[number, number, string | undefined]> => {
      const out: Array<[number, number, string | undefined]> = [];
      let checked = 0;
      for (let i = 0; i < text.length && checked < 16; ) {
        if (!isAlnum(text.charCodeAt(i))) {
          i++;
          continue;
        }
        let j = i;
        while (j < text.length && isAlnum(text.charCodeAt(j))) j++;
        if (j - i >= 25 && j - i <= 90) {
          checked++;
          const coin = cryptoAddressKind(text.slice(i, j));
          if (coin !== undefined) out.push([i, j, coin]);
        }
        i = j;
      }
      return out;
    };
    // lengths at the edges (24–26, 90–91) and enough long runs before an address to reach the limit of 16
    const plain = fc.oneof(fc.constantFrom(1, 5, 24, 25, 26, 49, 50, 90, 91), fc.nat(100)).map((n) => 'a1B'.repeat(40).slice(0, n));
    const run = fc.oneof({ arbitrary: fc.constantFrom(...VALID), weight: 1 }, { arbitrary: plain, weight: 3 });
    const sep = fc.constantFrom(' ', '', '.', '-', 'é', '\n', '  ');
    const text = fc.array(fc.tuple(run, sep), { maxLength: 40 }).map((a) => a.map(([r, s]) => r + s).join(''));
    const runsOf = (t: string): Array<[number, number]> => {
      const out: Array<[number, number]> = [];
      for (let i = 0; i < t.length; ) {
        let j = i;
        while (j < t.length && isAlnum(t.charCodeAt(j))) j++;
        if (j - i >= 25) out.push([i, j]);
        i = Math.max(j, i + 1);
      }
      return out;
    };
    fc.assert(
      fc.property(fc.oneof(text, fc.string({ maxLength: 200 })), (t) => {
        const runs: Array<[number, number]> = [];
        for (let r = nextLongRun(t, 0); r !== undefined; r = nextLongRun(t, r[1])) runs.push(r);
        expect(runs).toEqual(runsOf(t));
      }),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(text, (t) => {
        const hits: RawHit[] = [];
        cryptoDetector.detect({ text: t, rs, hits } as unknown as ScanState);
        expect(hits.map((h) => [h.start, h.end, h.rule.slice('crypto.'.length)])).toEqual(everyUnit(t));
      }),
      { numRuns: 1500 },
    );
  });
  it('decodes Base58 as a big integer would', () => {
    const B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
    const byBigInt = (s: string): number[] | undefined => {
      let n = 0n;
      for (const c of s) {
        const v = B58.indexOf(c);
        if (v < 0 || c.length !== 1) return undefined;
        n = n * 58n + BigInt(v);
      }
      const bytes: number[] = [];
      for (; n > 0n; n >>= 8n) bytes.push(Number(n & 0xffn));
      for (const c of s) {
        if (c !== '1') break;
        bytes.push(0);
      }
      return bytes.reverse();
    };
    const text = fc.oneof(fc.array(fc.constantFrom(...B58), { maxLength: 60 }).map((a) => a.join('')), fc.string({ maxLength: 12 }), fc.constantFrom(...VALID));
    fc.assert(
      fc.property(text, (s) => {
        const d = base58Decode(s);
        expect(d === undefined ? undefined : [...d]).toEqual(byBigInt(s));
      }),
      { numRuns: 3000 },
    );
  });
  it('a one-character typo breaks the checksum', () => {
    expect(cryptoAddressKind('1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb')).toBeUndefined();
    expect(cryptoAddressKind('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD')).toBeUndefined();
  });
  it('Keccak-256 of the empty string matches the known digest', () => {
    expect(keccak256Hex('')).toBe('c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470');
  });
  it('an address in a message is reported with its offsets', () => {
    const text = 'send to 3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy now';
    expect(hitsOf('crypto', text)[0]?.start).toBe(8);
  });
});
