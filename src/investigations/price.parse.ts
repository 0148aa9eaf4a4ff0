/**
 * Amounts of money written in messages: "€ 3.200", "$12,500", "12 500 EUR", "4.500 €",
 * "CHF 4’500.–", "2.5k". Pure; used by the price-negotiation signal.
 */

export interface FoundAmount {
  /** Minor units (cents); every currency seen here has two decimals. */
  readonly amountMinor: number;
  /** ISO 4217 code, or undefined when the text names none ("2.5k"). */
  readonly currency: string | undefined;
  /** UTF-16 offsets into the text, end exclusive. */
  readonly start: number;
  readonly end: number;
}

const SYMBOLS: Readonly<Record<string, string>> = { '€': 'EUR', $: 'USD', '£': 'GBP', 'US$': 'USD', 'CHF': 'CHF', 'Fr.': 'CHF' };
/** Gold fineness marks written like thousands: 9k, 14k, 18k… */
const KARATS = ['9', '10', '14', '18', '21', '22', '24'];
const CODES = ['EUR', 'USD', 'GBP', 'CHF', 'DKK', 'SEK', 'NOK'] as const;
const CODE_WORDS: Readonly<Record<string, string>> = { euro: 'EUR', euros: 'EUR', dollars: 'USD', pounds: 'GBP', francs: 'CHF' };

const CURRENCY = String.raw`(?:US\$|[€$£]|Fr\.|(?:EUR|USD|GBP|CHF|DKK|SEK|NOK)\b|(?:euros?|dollars|pounds|francs)\b)`;
// digits with optional group separators (space, no-break space, narrow no-break space, dot, comma, apostrophes)
const NUMBER = String.raw`\d{1,3}(?:[ \u00a0\u202f.,’'](?:\d{3}))+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?`;
const SUFFIX = String.raw`(?:\s?[kK]\b)?`;
const TAIL = String.raw`(?:[.,][-–—]{1,2})?`;
const PATTERN = new RegExp(
  String.raw`(?<pre>${CURRENCY})\s?(?<n1>${NUMBER})(?<k1>${SUFFIX})${TAIL}|(?<n2>${NUMBER})(?<k2>${SUFFIX})${TAIL}\s?(?<post>${CURRENCY})?`,
  'gu',
);

function currencyOf(token: string | undefined): string | undefined {
  if (token === undefined) return undefined;
  const t = token.trim();
  if (SYMBOLS[t] !== undefined) return SYMBOLS[t];
  if ((CODES as readonly string[]).includes(t.toUpperCase())) return t.toUpperCase();
  return CODE_WORDS[t.toLowerCase()];
}

/**
 * A written number as minor units. A separator followed by exactly three digits groups thousands
 * ("3.200", "12,500", "12 500"); a final separator followed by one or two digits is the decimal
 * mark ("2.5", "1.250,50"). Undefined when it does not read as an amount.
 */
export function parseAmountMinor(text: string, thousands: boolean): number | undefined {
  const parts = text.split(/[ \u00a0\u202f.,’']/);
  let intDigits = text;
  let fraction = '';
  const last = parts.at(-1) ?? '';
  if (parts.length > 1 && last.length <= 2) {
    fraction = last.padEnd(2, '0');
    intDigits = parts.slice(0, -1).join('');
  } else {
    intDigits = parts.join('');
  }
  if (!/^\d+$/.test(intDigits)) return undefined;
  const units = Number(intDigits) * 100 + (fraction === '' ? 0 : Number(fraction));
  const value = thousands ? units * 1000 : units;
  return Number.isSafeInteger(value) ? value : undefined;
}

/**
 * Every amount in the text that carries a currency (a symbol or code before or after it) or a
 * thousands suffix ("2.5k"). Bare numbers (dimensions, years, lot numbers) are not amounts.
 */
export function findAmounts(text: string): FoundAmount[] {
  const out: FoundAmount[] = [];
  for (const m of text.matchAll(PATTERN)) {
    const g = m.groups ?? {};
    const pre = g['pre'];
    const number = g['n1'] ?? g['n2'];
    const k = (g['k1'] ?? g['k2'] ?? '').trim() !== '';
    const post = g['post'];
    if (number === undefined) continue;
    const currency = currencyOf(pre) ?? currencyOf(post);
    if (currency === undefined && !k) continue;
    // without a currency, "18k" is the fineness of gold, not money
    if (currency === undefined && KARATS.includes(number)) continue;
    // a year or a size next to a currency word is rare; a number glued to letters ("A123") is no amount
    const before = m.index === 0 ? '' : text[m.index - 1]!;
    if (/[\p{L}\d]/u.test(before)) continue;
    const amountMinor = parseAmountMinor(number, k);
    if (amountMinor === undefined || amountMinor <= 0) continue;
    out.push({ amountMinor, currency, start: m.index, end: m.index + m[0].trimEnd().length });
  }
  return out;
}
