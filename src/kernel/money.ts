/** Money is an integer amount of minor units plus an ISO 4217 code. */
export interface Money {
  readonly amountMinor: number;
  readonly currency: string;
}

const CURRENCY = /^[A-Z]{3}$/;

/** Minor-unit exponent per currency (ISO 4217); the default is 2. */
const EXPONENTS: Record<string, number> = { JPY: 0, KRW: 0, CLP: 0, ISK: 0, HUF: 2, BHD: 3, KWD: 3, JOD: 3, OMR: 3, TND: 3 };

export function isCurrency(code: string): boolean {
  return CURRENCY.test(code);
}

export function currencyExponent(currency: string): number {
  return EXPONENTS[currency] ?? 2;
}

/** @example money(1250000, 'USD') // $12,500.00 */
export function money(amountMinor: number, currency: string): Money {
  if (!Number.isSafeInteger(amountMinor)) throw new RangeError(`amount must be an integer of minor units, got ${amountMinor}`);
  if (!isCurrency(currency)) throw new RangeError(`currency must be an ISO 4217 code, got ${currency}`);
  return { amountMinor, currency };
}

/** Multiplies by a rate given in basis points, rounding half away from zero. */
export function applyRateBps(m: Money, bps: number): Money {
  const raw = (m.amountMinor * bps) / 10_000;
  return money(Math.sign(raw) * Math.round(Math.abs(raw)), m.currency);
}

export function formatMoney(m: Money, locale = 'en'): string {
  const exp = currencyExponent(m.currency);
  return new Intl.NumberFormat(locale, { style: 'currency', currency: m.currency }).format(m.amountMinor / 10 ** exp);
}
