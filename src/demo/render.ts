/** Template filling and the many ways people write (or hide) phone numbers and e-mail addresses. */
import type { Bank } from './phrases/bank';
import type { Rng } from './prng';
import { formatIntl, formatNational, nationalDigits, type Phone } from './world';

export type Slots = Record<string, string | number | undefined>;

const SLOT = /\{(\w+)\}/g;

/**
 * Fills `{slot}`s from `extra` then `slots`; `{Slot}` capitalises the value of `slot`. Throws on a
 * missing slot (a bug in a phrase bank).
 */
export function fill(template: string, slots: Slots, extra?: Slots): string {
  if (template.indexOf('{') < 0) return template;
  const out = template.replace(SLOT, (_m, key: string) => {
    const direct = extra?.[key] ?? slots[key];
    if (direct !== undefined) return String(direct);
    const lower = key.charAt(0).toLowerCase() + key.slice(1);
    const v = extra?.[lower] ?? slots[lower];
    if (v !== undefined && lower !== key) {
      const s = String(v);
      return s.charAt(0).toUpperCase() + s.slice(1);
    }
    throw new Error(`demo template slot {${key}} has no value in: ${template}`);
  });
  // a value ending in "." (e.g. "in.") before a template's own full stop
  return out.indexOf('..') < 0 ? out : out.replace(/(?<!\.)\.\.(?!\.)/g, '.');
}

/** Joins message parts the way people type: greeting on its own line or inline, sign-off last. */
export function compose(_rng: Rng, parts: readonly (string | undefined)[]): string {
  const kept = parts.map((p) => (p ?? '').trim()).filter((p) => p.length > 0);
  if (kept.length === 0) return '';
  const [first, ...rest] = kept;
  if (rest.length === 0) return first as string;
  const greetingLike = /[,:!]$/.test(first as string) && (first as string).length < 48;
  const head = greetingLike ? `${first}\n` : `${first} `;
  const body = rest.join(' ');
  return (head + body).replace(/ {2,}/g, ' ').trim();
}

// ------------------------------------------------------------------ phones

export interface PhoneForms {
  plain: string;
  spaced: string;
  words: string;
  splitA: string;
  splitB: string;
}

function substituteLookalikes(s: string): string {
  return s.replace(/0/g, 'O').replace(/1/g, 'l');
}

export function phoneForms(rng: Rng, phone: Phone, bank: Bank): PhoneForms {
  const national = formatNational(phone);
  const plain = rng.chance(0.55) ? national : formatIntl(phone, rng.chance(0.2));
  const digits = phone.spec.us ? phone.nsn : nationalDigits(phone);
  let spaced: string;
  switch (rng.int(0, 4)) {
    case 0: spaced = digits.split('').join(' '); break;
    case 1: spaced = digits.split('').join('.'); break;
    case 2: spaced = substituteLookalikes(national); break;
    case 3: spaced = digits.split('').join('  ').replace(/ {2}/g, rng.chance(0.5) ? ' - ' : ' '); break;
    default: {
      // words for the first two digits, then digits, e.g. "zero six 12 34 56 78"
      const head = bank.fmt.digitWords(digits.slice(0, 2), 1);
      spaced = `${head} ${digits.slice(2).replace(/(\d{2})(?=\d)/g, '$1 ')}`;
    }
  }
  const words = bank.fmt.digitWords(digits, rng.int(0, 5));
  const groups = national.split(/[ \-.()]+/).filter((g) => g.length > 0);
  const cut = Math.max(1, Math.floor(groups.length / 2));
  const splitA = groups.slice(0, cut).join(' ');
  const splitB = groups.slice(cut).join(' ');
  return { plain, spaced, words, splitA, splitB: splitB || digits.slice(-4) };
}

// ------------------------------------------------------------------ e-mail

export function emailObfuscated(rng: Rng, email: string, bank: Bank): string {
  const [local = '', domain = ''] = email.split('@');
  const at = rng.pick(bank.fmt.at);
  const dot = rng.pick(bank.fmt.dot);
  const parts = domain.split('.');
  switch (rng.int(0, 3)) {
    case 0: return `${local} ${at} ${parts.join(` ${dot} `)}`;
    case 1: return `${local}(${at.replace(/[()[\]]/g, '')})${parts.join(`(${dot.replace(/[()[\]]/g, '')})`)}`;
    case 2: return `${local} @ ${parts.join(' . ')}`;
    default: return `${local.replace(/\./g, ` ${dot} `)} ${at} ${parts.join(` ${dot} `)}`;
  }
}

export function emailProvider(email: string): { local: string; provider: string } {
  const [local = '', domain = ''] = email.split('@');
  const provider = domain.split('.')[0] ?? domain;
  return { local, provider: provider.charAt(0).toUpperCase() + provider.slice(1) };
}

// ------------------------------------------------------------------ tracking numbers

const ALNUM = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';
function alnum(rng: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += ALNUM[rng.int(0, ALNUM.length - 1)];
  return s;
}
function num(rng: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String(rng.int(0, 9));
  return s;
}

/** A tracking / job reference in the carrier's own format. */
export function trackingNumber(rng: Rng, carrier: string): string {
  switch (carrier) {
    case 'UPS': return `1Z${alnum(rng, 6)}${rng.pick(['01', '02', '03', '66'])}${num(rng, 8)}`;
    case 'FedEx': return rng.chance(0.5) ? num(rng, 12) : `${num(rng, 4)} ${num(rng, 4)} ${num(rng, 4)}`;
    case 'DHL Express': return num(rng, 10);
    case 'Chronopost': return `XY${num(rng, 9)}FR`;
    case 'Colissimo': return `6A${num(rng, 11)}`;
    case 'PostNL': return `3S${alnum(rng, 4)}${num(rng, 9)}`;
    case 'bpost': return `3232${num(rng, 20)}`;
    case 'SEUR': return num(rng, 14);
    case 'BRT': return num(rng, 15);
    case 'DPD': return num(rng, 14);
    case 'Royal Mail Special Delivery': return `${alnum(rng, 2).replace(/\d/g, 'K')}${num(rng, 9)}GB`;
    default: return `${alnum(rng, 2).replace(/\d/g, 'F')}-${26}-${num(rng, 4)}`;
  }
}
