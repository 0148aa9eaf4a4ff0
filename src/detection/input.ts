import { err, ok, type Result } from '../kernel/result';
import type { ScanInput } from './types';

/** Longest `text` one scan input may carry (UTF-16 units). The engine is linear; this bounds memory per item. */
export const MAX_SCAN_TEXT = 1_000_000;
/** Longest id, sender or conversation. */
const MAX_ID = 256;

/** Why an input line or item cannot be scanned; `field` is a JSON pointer into it. */
export interface ScanInputProblem {
  readonly field: string;
  readonly reason: string;
}

/** A refused input: its id when one could be read (the contract's error line echoes it), and the problems. */
export interface ScanInputRefusal {
  readonly id: string | null;
  readonly problems: readonly ScanInputProblem[];
}

const COUNTRY = /^[A-Za-z]{2}$/;

function idLike(v: unknown): string | undefined {
  if (typeof v === 'string' && v.length > 0 && v.length <= MAX_ID) return v;
  if (typeof v === 'number' && Number.isSafeInteger(v)) return String(v);
  return undefined;
}

/**
 * Reads one input of the scan contract (ARCHITECTURE.md, "The scan contract"): `id` and `text`
 * required, `lang`, `country`, `sender`, `conversation`, `seller_country`, `buyer_country` and
 * `order_exists` optional (`null` reads as absent), other fields ignored. `assay scan` and
 * `POST /v1/scan` both read their input with it, so they accept and refuse the same things.
 *
 * @example
 *   parseScanInput({ id: 'm1', text: 'hello', country: 'fr' }) // → ok({ id: 'm1', text: 'hello', country: 'FR' })
 *   parseScanInput({ id: 'm2' })                             // → err({ id: 'm2', problems: [{ field: '/text', … }] })
 */
export function parseScanInput(value: unknown, defaults: { readonly country?: string | undefined } = {}): Result<ScanInput, ScanInputRefusal> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return err({ id: null, problems: [{ field: '', reason: 'must be a JSON object with id and text' }] });
  const o = value as Record<string, unknown>;
  const problems: ScanInputProblem[] = [];
  const id = idLike(o['id']);
  if (id === undefined) problems.push({ field: '/id', reason: `must be a non-empty string of at most ${MAX_ID} characters (or an integer)` });
  const text = o['text'];
  if (typeof text !== 'string') problems.push({ field: '/text', reason: 'must be a string' });
  else if (text.length > MAX_SCAN_TEXT) problems.push({ field: '/text', reason: `must be at most ${MAX_SCAN_TEXT} characters` });

  const out: { -readonly [K in keyof ScanInput]: ScanInput[K] } = { id: id ?? '', text: typeof text === 'string' ? text : '' };
  const present = (k: string): boolean => o[k] !== undefined && o[k] !== null;
  if (present('lang')) {
    const v = o['lang'];
    if (typeof v === 'string' && v.length <= 35) out.lang = v;
    else problems.push({ field: '/lang', reason: 'must be a language tag of at most 35 characters' });
  }
  for (const k of ['country', 'seller_country', 'buyer_country'] as const) {
    if (!present(k)) continue;
    const v = o[k];
    if (typeof v === 'string' && COUNTRY.test(v)) out[k] = v.toUpperCase();
    else problems.push({ field: `/${k}`, reason: 'must be an ISO 3166 alpha-2 country code such as FR' });
  }
  for (const k of ['sender', 'conversation'] as const) {
    if (!present(k)) continue;
    const v = idLike(o[k]);
    if (v !== undefined) out[k] = v;
    else problems.push({ field: `/${k}`, reason: `must be a non-empty string of at most ${MAX_ID} characters` });
  }
  if (present('order_exists')) {
    if (typeof o['order_exists'] === 'boolean') out.order_exists = o['order_exists'];
    else problems.push({ field: '/order_exists', reason: 'must be true or false' });
  }
  if (problems.length > 0) return err({ id: id ?? null, problems });
  if (out.country === undefined && defaults.country !== undefined) out.country = defaults.country.toUpperCase();
  return ok(out);
}

/** One line for the contract's `{"id", "error"}` answer: "text must be a string; country must be …". */
export function describeScanInputProblems(problems: readonly ScanInputProblem[]): string {
  return problems.map((p) => (p.field === '' ? p.reason : `${p.field.slice(1)} ${p.reason}`)).join('; ');
}
