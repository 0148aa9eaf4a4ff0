import { randomBytes } from 'node:crypto';

/** Crockford base32, as ULID uses it: sortable as text, no ambiguous letters. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

let lastTime = 0;
let lastRandom: Uint8Array = new Uint8Array(10);

function encodeTime(ms: number): string {
  let out = '';
  let t = ms;
  for (let i = 0; i < 10; i++) {
    out = ALPHABET[t % 32] + out;
    t = Math.floor(t / 32);
  }
  return out;
}

function encodeRandom(bytes: Uint8Array): string {
  // 80 bits -> 16 base32 characters
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  let out = '';
  for (let i = 0; i < 16; i++) {
    out = ALPHABET[Number(bits & 31n)] + out;
    bits >>= 5n;
  }
  return out;
}

function incrementRandom(bytes: Uint8Array): Uint8Array {
  const next = new Uint8Array(bytes);
  for (let i = next.length - 1; i >= 0; i--) {
    if (next[i]! < 255) {
      next[i]! += 1;
      return next;
    }
    next[i] = 0;
  }
  return next;
}

/**
 * A ULID: 48-bit millisecond time + 80 random bits, monotonic within one process.
 * @example ulid() // '01JD3Z8X9K2M4N6P8Q0R2S4T6V'
 */
export function ulid(now: number = Date.now()): string {
  if (now <= lastTime) {
    lastRandom = incrementRandom(lastRandom);
    return encodeTime(lastTime) + encodeRandom(lastRandom);
  }
  lastTime = now;
  lastRandom = new Uint8Array(randomBytes(10));
  return encodeTime(now) + encodeRandom(lastRandom);
}

/**
 * A prefixed, sortable id such as `case_01JD3Z8X9K2M4N6P8Q0R2S4T6V`.
 * @example newId('msg')
 */
export function newId<P extends string>(prefix: P): `${P}_${string}` {
  return `${prefix}_${ulid()}`;
}

const ID_PATTERN = /^[a-z]{2,12}_[0-9A-HJKMNP-TV-Z]{26}$/;

/** True when `value` looks like an id made by {@link newId} with the given prefix. */
export function isId(value: string, prefix?: string): boolean {
  if (!ID_PATTERN.test(value)) return false;
  return prefix === undefined || value.startsWith(`${prefix}_`);
}
