import { sha256Hex } from '../../kernel/hash';

const B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const B58_INDEX = new Map([...B58].map((c, i) => [c, i]));

/** Base58 → bytes, or undefined on a character outside the alphabet. */
export function base58Decode(s: string): Uint8Array | undefined {
  // the number in base 256, least significant byte first, multiplied by 58 and added to per
  // character: the bytes a big integer would give, without big-integer arithmetic
  const bytes: number[] = [];
  for (const c of s) {
    const v = B58_INDEX.get(c);
    if (v === undefined) return undefined;
    let carry = v;
    for (let j = 0; j < bytes.length; j++) {
      carry += bytes[j]! * 58;
      bytes[j] = carry & 0xff;
      carry >>= 8;
    }
    while (carry > 0) {
      bytes.push(carry & 0xff);
      carry >>= 8;
    }
  }
  for (const c of s) {
    if (c !== '1') break;
    bytes.push(0);
  }
  return Uint8Array.from(bytes.reverse());
}

function sha256(bytes: Uint8Array): Uint8Array {
  return Uint8Array.from(Buffer.from(sha256Hex(bytes), 'hex'));
}

/** Base58Check: payload plus the first four bytes of a double SHA-256. Returns the version byte. */
export function base58CheckVersion(s: string): number | undefined {
  const b = base58Decode(s);
  if (b === undefined || b.length < 5) return undefined;
  const payload = b.subarray(0, b.length - 4);
  const check = sha256(sha256(payload));
  for (let i = 0; i < 4; i++) if (check[i] !== b[b.length - 4 + i]) return undefined;
  return payload[0];
}

const BECH32 = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
const GEN = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];

function polymod(values: number[]): number {
  let chk = 1;
  for (const v of values) {
    const top = chk >>> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ v;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) chk ^= GEN[i]!;
  }
  return chk >>> 0;
}

/** Bech32 (BIP 173) or Bech32m (BIP 350) checksum of a lower-case address with human part `hrp`. */
export function bech32Ok(addr: string): boolean {
  const s = addr.toLowerCase();
  if (s !== addr && addr.toUpperCase() !== addr) return false;
  const pos = s.lastIndexOf('1');
  if (pos < 1 || pos + 7 > s.length || s.length > 90) return false;
  const hrp = s.slice(0, pos);
  const data: number[] = [];
  for (const c of s.slice(pos + 1)) {
    const v = BECH32.indexOf(c);
    if (v < 0) return false;
    data.push(v);
  }
  const expanded: number[] = [];
  for (const c of hrp) expanded.push(c.charCodeAt(0) >> 5);
  expanded.push(0);
  for (const c of hrp) expanded.push(c.charCodeAt(0) & 31);
  const pm = polymod([...expanded, ...data]);
  return pm === 1 || pm === 0x2bc830a3;
}

const RC = [
  0x0000000000000001n, 0x0000000000008082n, 0x800000000000808an, 0x8000000080008000n, 0x000000000000808bn, 0x0000000080000001n,
  0x8000000080008081n, 0x8000000000008009n, 0x000000000000008an, 0x0000000000000088n, 0x0000000080008009n, 0x000000008000000an,
  0x000000008000808bn, 0x800000000000008bn, 0x8000000000008089n, 0x8000000000008003n, 0x8000000000008002n, 0x8000000000000080n,
  0x000000000000800an, 0x800000008000000an, 0x8000000080008081n, 0x8000000000008080n, 0x0000000080000001n, 0x8000000080008008n,
];
const ROT = [0, 1, 62, 28, 27, 36, 44, 6, 55, 20, 3, 10, 43, 25, 39, 41, 45, 15, 21, 8, 18, 2, 61, 56, 14];
const M64 = (1n << 64n) - 1n;
const rotl = (x: bigint, n: number): bigint => (n === 0 ? x : ((x << BigInt(n)) | (x >> BigInt(64 - n))) & M64);

/** Keccak-256 (the pre-standard SHA-3 Ethereum uses), for EIP-55 address checksums. */
export function keccak256Hex(input: string): string {
  const bytes = [...Buffer.from(input, 'utf8')];
  const rate = 136;
  bytes.push(0x01);
  while (bytes.length % rate !== 0) bytes.push(0);
  bytes[bytes.length - 1]! |= 0x80;
  const s = new Array<bigint>(25).fill(0n);
  for (let off = 0; off < bytes.length; off += rate) {
    for (let i = 0; i < rate / 8; i++) {
      let lane = 0n;
      for (let b = 7; b >= 0; b--) lane = (lane << 8n) | BigInt(bytes[off + i * 8 + b]!);
      s[i] = s[i]! ^ lane;
    }
    for (let round = 0; round < 24; round++) {
      const c = [0, 1, 2, 3, 4].map((x) => s[x]! ^ s[x + 5]! ^ s[x + 10]! ^ s[x + 15]! ^ s[x + 20]!);
      for (let x = 0; x < 5; x++) {
        const d = c[(x + 4) % 5]! ^ rotl(c[(x + 1) % 5]!, 1);
        for (let y = 0; y < 25; y += 5) s[y + x] = s[y + x]! ^ d;
      }
      const b = new Array<bigint>(25).fill(0n);
      for (let x = 0; x < 5; x++) for (let y = 0; y < 5; y++) b[y + ((2 * x + 3 * y) % 5) * 5] = rotl(s[x + 5 * y]!, ROT[x + 5 * y]!);
      for (let x = 0; x < 5; x++) for (let y = 0; y < 5; y++) s[x + 5 * y] = b[x + 5 * y]! ^ (~b[((x + 1) % 5) + 5 * y]! & M64 & b[((x + 2) % 5) + 5 * y]!);
      s[0] = s[0]! ^ RC[round]!;
    }
  }
  let hex = '';
  for (let i = 0; i < 4; i++) for (let b = 0; b < 8; b++) hex += Number((s[i]! >> BigInt(8 * b)) & 0xffn).toString(16).padStart(2, '0');
  return hex;
}

/** EIP-55: a mixed-case Ethereum address must match its checksum; one-case addresses carry none. */
export function ethAddressOk(addr: string): boolean {
  if (!/^0x[0-9a-fA-F]{40}$/.test(addr)) return false;
  const body = addr.slice(2);
  if (body === body.toLowerCase() || body === body.toUpperCase()) return true;
  const hash = keccak256Hex(body.toLowerCase());
  for (let i = 0; i < 40; i++) {
    const c = body[i]!;
    if (/[a-f]/i.test(c) && (parseInt(hash[i]!, 16) >= 8 ? c !== c.toUpperCase() : c !== c.toLowerCase())) return false;
  }
  return true;
}
