import metadata from 'libphonenumber-js/max/metadata';

/**
 * A cheap, exact refusal before libphonenumber-js: whether a digit string (no '+') can possibly be
 * a valid number when parsed with a default region. Parsing costs tens of microseconds (the
 * library builds its regexes on every call), and most digit runs of a chat message — references,
 * dates, tracking numbers — are tried in every hint region; their length alone rules most out.
 *
 * Read as a national number, the string loses at most its national prefix ("0", "1"…) and what
 * remains must have a length one of the number types of that calling code allows (every country
 * sharing the code, every type) and match the national number pattern and a number type of one of
 * those countries: the parser checks all of that before it calls a number valid. The calling code
 * itself without '+' is read both ways. Anything else it could read another way — an international
 * prefix ("00", "011"), a national prefix given as a pattern
 * or rewritten by a transform rule, a country without per-type lengths — is left to the parser.
 */

interface LengthFilter {
  /** The region's international call prefix, as the parser reads it (a match at the start). */
  readonly idd: RegExp;
  readonly callingCode: string;
  /** Lengths a national prefix can take away (0 = none). */
  readonly strips: readonly number[];
  /** Bit n set: a national significant number of n digits can be valid. */
  readonly lengths: number;
  /** The countries sharing the calling code: their national number pattern and number types. */
  readonly countries: readonly CountryPlan[];
}

interface CountryPlan {
  readonly general: RegExp;
  readonly types: readonly { readonly lengths: number; readonly pattern: RegExp }[];
}

type CountryEntry = readonly unknown[];
const META = metadata as unknown as { countries: Record<string, CountryEntry>; country_calling_codes: Record<string, readonly string[]> };

/** Per region: the filter, or null where the parser must always be asked. */
const filters = new Map<string, LengthFilter | null>();

function lengthsOf(v: unknown): number[] | undefined {
  return Array.isArray(v) && v.every((n) => Number.isInteger(n) && n > 0 && n < 31) ? (v as number[]) : undefined;
}

function build(region: string): LengthFilter | null {
  const entry = META.countries[region];
  if (entry === undefined) return null;
  const [callingCode, idd] = entry as [unknown, unknown];
  const nationalPrefix = entry[5];
  const forParsing = entry[7] || nationalPrefix;
  if (typeof callingCode !== 'string' || typeof idd !== 'string' || entry[8]) return null;
  const strips = [0];
  if (forParsing) {
    if (typeof forParsing !== 'string') return null;
    // only alternatives of plain digits ("0", "0|180020"); any other pattern may take away anything
    for (const alt of forParsing.split('|')) {
      if (!/^\d+$/.test(alt)) return null;
      if (!strips.includes(alt.length)) strips.push(alt.length);
    }
  }
  let lengths = 0;
  const countries: CountryPlan[] = [];
  for (const country of META.country_calling_codes[callingCode] ?? []) {
    const c = META.countries[country];
    if (c === undefined || typeof c[2] !== 'string') return null;
    const general = lengthsOf(c[3]);
    const types = c[11];
    // without types the parser checks the general pattern only, whatever the length
    if (!Array.isArray(types) || types.length === 0 || general === undefined) return null;
    const plan: { lengths: number; pattern: RegExp }[] = [];
    for (const t of types) {
      // a type without a pattern is never the type of a number
      if (!Array.isArray(t) || typeof t[0] !== 'string' || t[0] === '') continue;
      const own = t[1] === undefined || t[1] === 0 ? general : lengthsOf(t[1]);
      if (own === undefined) return null;
      let bits = 0;
      for (const n of own) bits |= 1 << n;
      lengths |= bits;
      plan.push({ lengths: bits, pattern: new RegExp(`^(?:${t[0]})$`) });
    }
    countries.push({ general: new RegExp(`^(?:${c[2]})$`), types: plan });
  }
  return { idd: new RegExp(`^(?:${idd})`), callingCode, strips, lengths, countries };
}

/** The parser's test of a national significant number in one country: its general pattern, then one of its types. */
function fits(plan: CountryPlan, nsn: string): boolean {
  if (!plan.general.test(nsn)) return false;
  const bit = 1 << nsn.length;
  for (const t of plan.types) if ((t.lengths & bit) !== 0 && t.pattern.test(nsn)) return true;
  return false;
}

/** False only when parsing `digits` with default region `region` cannot give a valid number. */
export function mayBeValidIn(region: string, digits: string): boolean {
  let f = filters.get(region);
  if (f === undefined) {
    f = build(region);
    filters.set(region, f);
  }
  if (f === null || f.idd.test(digits)) return true;
  // the calling code written without '+' ("33612345678" in France): the parser may read the
  // number with or without it, and either reading is a number of the same calling code
  if (digits.startsWith(f.callingCode) && mayBeNational(f, digits.slice(f.callingCode.length))) return true;
  return mayBeNational(f, digits);
}

/** Whether `digits`, less at most a national prefix, can be a valid national significant number of the calling code. */
function mayBeNational(f: LengthFilter, digits: string): boolean {
  for (const k of f.strips) {
    const n = digits.length - k;
    if (n <= 0 || n >= 31 || (f.lengths & (1 << n)) === 0) continue;
    const nsn = k === 0 ? digits : digits.slice(k);
    for (const plan of f.countries) if (fits(plan, nsn)) return true;
  }
  return false;
}
