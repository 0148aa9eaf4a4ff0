import type { Detector } from './detector';
import { base58CheckVersion, bech32Ok, ethAddressOk } from './crypto-codecs';

const isAlnum = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** Which coin a token is a valid address of, or undefined. */
export function cryptoAddressKind(t: string): string | undefined {
  if (t.startsWith('0x')) return ethAddressOk(t) ? 'ethereum' : undefined;
  const lower = t.toLowerCase();
  if (lower.startsWith('bc1') || lower.startsWith('tb1')) return bech32Ok(t) ? 'bitcoin' : undefined;
  if (lower.startsWith('ltc1')) return bech32Ok(t) ? 'litecoin' : undefined;
  if (t.length < 25 || t.length > 35) return undefined;
  const v = base58CheckVersion(t);
  if (v === undefined) return undefined;
  if ((t[0] === '1' && v === 0) || (t[0] === '3' && v === 5)) return 'bitcoin';
  if ((t[0] === 'L' && v === 48) || (t[0] === 'M' && v === 50)) return 'litecoin';
  if (t[0] === 'D' && v === 30) return 'dogecoin';
  if (t[0] === 'T' && v === 65) return 'tron';
  if ((t[0] === 'm' || t[0] === 'n') && v === 111) return 'bitcoin-testnet';
  return undefined;
}

/** Cryptocurrency addresses, checksum-verified (Base58Check, Bech32/Bech32m, EIP-55). */
export const cryptoDetector: Detector = {
  name: 'crypto',
  kinds: ['crypto'],
  applies: (s) => s.longestToken >= 25,
  detect(state) {
    const { text, rs } = state;
    let checked = 0;
    for (let i = 0; i < text.length && checked < 16; ) {
      if (!isAlnum(text.charCodeAt(i))) {
        i++;
        continue;
      }
      let j = i;
      while (j < text.length && isAlnum(text.charCodeAt(j))) j++;
      const len = j - i;
      if (len >= 25 && len <= 90) {
        checked++;
        const token = text.slice(i, j);
        const coin = cryptoAddressKind(token);
        if (coin !== undefined) state.hits.push({ kind: 'crypto', start: i, end: j, normalized: token, rule: `crypto.${coin}`, clause: rs.crypto.clause, weight: rs.crypto.weight });
      }
      i = j;
    }
  },
};
