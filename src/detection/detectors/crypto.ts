import type { Detector } from './detector';
import { base58CheckVersion, bech32Ok, ethAddressOk } from './crypto-codecs';

const isAlnum = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** First characters of the Base58Check addresses recognized below ("1", "3", "L", "M", "D", "T", "m", "n"). */
const BASE58_LEADS = new Set([...'13LMDTmn'].map((c) => c.charCodeAt(0)));
/** ASCII units of the Base58 alphabet (no 0, O, I, l). */
const BASE58_ASCII = new Uint8Array(128);
for (const c of '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz') BASE58_ASCII[c.charCodeAt(0)] = 1;

function isBase58(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 128 || BASE58_ASCII[c] === 0) return false;
  }
  return true;
}

/**
 * Which coin a token is a valid address of, or undefined. `quick` refusals (a lead character no coin
 * uses, a character outside Base58) only save the decoding: the answer is the same without them.
 */
export function cryptoAddressKind(t: string, quick = true): string | undefined {
  if (t.startsWith('0x')) return ethAddressOk(t) ? 'ethereum' : undefined;
  const lower = t.toLowerCase();
  if (lower.startsWith('bc1') || lower.startsWith('tb1')) return bech32Ok(t) ? 'bitcoin' : undefined;
  if (lower.startsWith('ltc1')) return bech32Ok(t) ? 'litecoin' : undefined;
  if (t.length < 25 || t.length > 35) return undefined;
  // every coin below starts with one of these; and a character outside Base58 (0, O, I, l, …) fails
  // the decoding: both refused before the big-number decoding and the two hashes
  if (quick && (!BASE58_LEADS.has(t.charCodeAt(0)) || !isBase58(t))) return undefined;
  const v = base58CheckVersion(t);
  if (v === undefined) return undefined;
  if ((t[0] === '1' && v === 0) || (t[0] === '3' && v === 5)) return 'bitcoin';
  if ((t[0] === 'L' && v === 48) || (t[0] === 'M' && v === 50)) return 'litecoin';
  if (t[0] === 'D' && v === 30) return 'dogecoin';
  if (t[0] === 'T' && v === 65) return 'tron';
  if ((t[0] === 'm' || t[0] === 'n') && v === 111) return 'bitcoin-testnet';
  return undefined;
}

/** Tokens shorter than this are not looked at (no address of the coins below is that short). */
const MIN_TOKEN = 25;

/**
 * The first run of MIN_TOKEN or more ASCII letters and digits that starts at or after `from` ([start,
 * end)), where `from` is 0 or the end of a run. Such a run covers one of every MIN_TOKEN consecutive
 * positions: probing those finds it, reading a fraction of the text.
 */
export function nextLongRun(text: string, from: number): [number, number] | undefined {
  for (let p = from + MIN_TOKEN - 1; p < text.length; p += MIN_TOKEN) {
    if (!isAlnum(text.charCodeAt(p))) continue;
    let i = p;
    while (i > from && isAlnum(text.charCodeAt(i - 1))) i--;
    let j = p + 1;
    while (j < text.length && isAlnum(text.charCodeAt(j))) j++;
    if (j - i >= MIN_TOKEN) return [i, j];
    // a shorter run: the next one starts after j, and the first probe past j - 1 on the grid finds it
    p = j - 1;
  }
  return undefined;
}

/** Cryptocurrency addresses, checksum-verified (Base58Check, Bech32/Bech32m, EIP-55). */
export const cryptoDetector: Detector = {
  name: 'crypto',
  kinds: ['crypto'],
  applies: (s) => s.longestToken >= MIN_TOKEN,
  detect(state) {
    const { text, rs } = state;
    let checked = 0;
    for (let r = nextLongRun(text, 0); r !== undefined && checked < 16; r = nextLongRun(text, r[1])) {
      const [i, j] = r;
      if (j - i > 90) continue;
      checked++;
      const token = text.slice(i, j);
      const coin = cryptoAddressKind(token);
      if (coin !== undefined) state.hits.push({ kind: 'crypto', start: i, end: j, normalized: token, rule: `crypto.${coin}`, clause: rs.crypto.clause, weight: rs.crypto.weight });
    }
  },
};
