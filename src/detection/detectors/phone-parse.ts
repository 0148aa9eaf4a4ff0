import { Metadata, PhoneNumber as CorePhoneNumber, type MetadataJson } from 'libphonenumber-js/core';
import { parsePhoneNumberFromString, type CountryCode, type PhoneNumber } from 'libphonenumber-js/max';
import metadata from 'libphonenumber-js/max/metadata';

/**
 * `parsePhoneNumberFromString` of libphonenumber-js (max metadata) for a string of ASCII digits:
 * national with a default region, or international ("+" before the digits). The same
 * `PhoneNumber` — calling code, national number, country — that the parser makes, which
 * libphonenumber-js then validates (`isValid`), without the parser's front end: finding a number
 * in free text, its punctuation, extensions and RFC 3966 URIs (a third of a parse; the detector
 * hands it bare digits), and its per-call `Metadata` objects and regex compilations.
 *
 * The steps of the parser are followed one by one, read from the same metadata through the
 * library's own `Metadata` accessors; whatever else the parser could do with the digits — an
 * international call prefix, the calling code written without "+", a national prefix that
 * captures a carrier code or is rewritten by a transform rule, a calling code of no country —
 * is handed to the parser itself. phone-parse.test.ts checks the result against the parser's.
 */

const META = metadata as unknown as MetadataJson;
const MIN_LENGTH_FOR_NSN = 2;
const MAX_LENGTH_FOR_NSN = 17;
const MAX_LENGTH_COUNTRY_CODE = 3;
const ASCII_DIGITS = /^[0-9]+$/;

/** The accessors of `Metadata` the parser reads (the typings declare only a few). */
interface MetadataReader {
  selectNumberingPlan(countryOrCallingCode: string): void;
  hasCountry(country: string): boolean;
  hasCallingCode(callingCode: string): boolean | undefined;
  getCountryCodesForCallingCode(callingCode: string): readonly string[] | undefined;
  IDDPrefix(): string;
  nationalNumberPattern(): string;
  possibleLengths(): readonly number[] | undefined;
  leadingDigits(): string | undefined;
  hasTypes(): boolean;
  type(name: string): { pattern(): string; possibleLengths(): readonly number[] | undefined } | undefined;
  numberingPlan: { callingCode(): string; nationalPrefixForParsing(): string | undefined; nationalPrefixTransformRule(): string | undefined } | undefined;
}

const reader = (): MetadataReader => new Metadata(META) as unknown as MetadataReader;

/** What the parser reads of one numbering plan (selected by region or calling code). */
interface Plan {
  readonly callingCode: string;
  readonly idd: RegExp;
  /** `^(?:national prefix for parsing)`, when there is one. */
  readonly prefix: RegExp | undefined;
  /** `^(?:national number pattern)$`. */
  readonly national: RegExp;
  readonly lengths: readonly number[] | undefined;
  /** The countries of the calling code; undefined for a non-geographic one. */
  readonly countries: readonly string[] | undefined;
}

function planOf(countryOrCallingCode: string): Plan {
  const m = reader();
  m.selectNumberingPlan(countryOrCallingCode);
  const np = m.numberingPlan!;
  const callingCode = np.callingCode();
  const forParsing = np.nationalPrefixForParsing();
  return {
    callingCode,
    idd: new RegExp(m.IDDPrefix()),
    prefix: forParsing ? new RegExp('^(?:' + forParsing + ')') : undefined,
    national: new RegExp('^(?:' + m.nationalNumberPattern() + ')$'),
    lengths: m.possibleLengths(),
    countries: m.getCountryCodesForCallingCode(callingCode),
  };
}

/** Per country: its leading-digits pattern (`String.search` as the parser does), and its possible lengths. */
interface CountryFacts {
  readonly leading: RegExp | undefined;
  readonly lengths: readonly number[] | undefined;
}

const regionPlans = new Map<string, Plan | null>();
const callingCodePlans = new Map<string, Plan>();
const countries = new Map<string, CountryFacts>();
const ALL = reader();

function regionPlan(region: string): Plan | null {
  let p = regionPlans.get(region);
  if (p === undefined) {
    p = ALL.hasCountry(region) ? planOf(region) : null;
    regionPlans.set(region, p);
  }
  return p;
}

function callingCodePlan(callingCode: string): Plan {
  let p = callingCodePlans.get(callingCode);
  if (p === undefined) {
    p = planOf(callingCode);
    callingCodePlans.set(callingCode, p);
  }
  return p;
}

function countryFacts(country: string): CountryFacts {
  let f = countries.get(country);
  if (f === undefined) {
    const m = reader();
    m.selectNumberingPlan(country);
    const leading = m.leadingDigits();
    f = { leading: leading ? new RegExp(leading) : undefined, lengths: m.possibleLengths() };
    countries.set(country, f);
  }
  return f;
}

/**
 * What `getNumberType` and `isValidNumber` read of one country, with the patterns compiled once
 * (the library compiles each one again on every test: `matchesEntirely`).
 */
interface Types {
  /** `^(?:national number pattern)$`. */
  readonly general: RegExp;
  /** The number types that have a pattern; undefined when the country has no types at all. */
  readonly types: readonly { readonly lengths: readonly number[] | undefined; readonly pattern: RegExp }[] | undefined;
}

/** The types `getNumberType` tries: FIXED_LINE, then the others; a number has a type when any of them takes it. */
const TYPE_NAMES = ['FIXED_LINE', 'MOBILE', 'PREMIUM_RATE', 'TOLL_FREE', 'SHARED_COST', 'VOIP', 'PERSONAL_NUMBER', 'PAGER', 'UAN', 'VOICEMAIL'];
const countryTypes = new Map<string, Types>();

function typesOf(country: string): Types {
  let t = countryTypes.get(country);
  if (t === undefined) {
    const m = reader();
    m.selectNumberingPlan(country);
    let types: { lengths: readonly number[] | undefined; pattern: RegExp }[] | undefined;
    if (m.hasTypes()) {
      types = [];
      for (const name of TYPE_NAMES) {
        const def = m.type(name);
        // the library's isNumberTypeEqualTo: a type without a pattern takes no number
        if (def === undefined || !def.pattern()) continue;
        types.push({ lengths: def.possibleLengths(), pattern: new RegExp('^(?:' + def.pattern() + ')$') });
      }
    }
    t = { general: new RegExp('^(?:' + m.nationalNumberPattern() + ')$'), types };
    countryTypes.set(country, t);
  }
  return t;
}

/** `getNumberType(…) !== undefined` for a national number of `country`. */
function hasType(country: string, nationalNumber: string): boolean {
  const { general, types } = typesOf(country);
  if (types === undefined || !general.test(nationalNumber)) return false;
  for (const t of types) if ((t.lengths === undefined || t.lengths.indexOf(nationalNumber.length) >= 0) && t.pattern.test(nationalNumber)) return true;
  return false;
}

/** `phone.isValid()`: a number type takes the national number, or, in a country without types, the general pattern does. */
function isValid(phone: PhoneNumber): boolean {
  const country = phone.country;
  if (country === undefined || !ALL.hasCountry(country)) return phone.isValid();
  const { general, types } = typesOf(country);
  return types === undefined ? general.test(phone.nationalNumber) : hasType(country, phone.nationalNumber);
}

/**
 * The parser's constructor call `new PhoneNumber(callingCodeOrCountry, nationalNumber, metadata)`
 * (the typings declare the E.164 form only).
 */
const makePhoneNumber = CorePhoneNumber as unknown as new (callingCodeOrCountry: string, nationalNumber: string, metadata: MetadataJson) => PhoneNumber;

/**
 * The country the parser's `getCountryByCallingCode` picks for a national number: the one country
 * of the calling code, or the first whose leading digits or one of whose number types take the
 * number. `typed`: picked because a number type of that country took the number, which is exactly
 * what `isValid` asks of it afterwards.
 */
interface Pick {
  readonly country: string | undefined;
  readonly typed: boolean;
}

const NO_PICK: Pick = { country: undefined, typed: false };
const picks = new Map<string, { readonly plain: Pick; readonly typed: Pick }>();

function pickOf(country: string, typed: boolean): Pick {
  let p = picks.get(country);
  if (p === undefined) {
    p = { plain: { country, typed: false }, typed: { country, typed: true } };
    picks.set(country, p);
  }
  return typed ? p.typed : p.plain;
}

function countryOf(plan: Plan, nationalNumber: string): Pick {
  const list = plan.countries;
  if (list === undefined) return NO_PICK;
  if (list.length === 1) return pickOf(list[0]!, false);
  for (const c of list) {
    const { leading } = countryFacts(c);
    if (leading !== undefined) {
      if (nationalNumber !== '' && nationalNumber.search(leading) === 0) return pickOf(c, false);
    } else if (nationalNumber !== '' && hasType(c, nationalNumber)) return pickOf(c, true);
  }
  return NO_PICK;
}

/** The parser's `checkNumberLength` read as "possible for an incomplete number": not too short, not an impossible length. */
function possibleIncomplete(length: number, lengths: readonly number[] | undefined): boolean {
  if (!lengths) return true;
  if (lengths[0] === length) return true;
  if (lengths[0]! > length) return false;
  if (lengths[lengths.length - 1]! < length) return true;
  return lengths.indexOf(length, 1) >= 0;
}

/** A national number and, when it was computed on the way, the country picked for it. */
interface National {
  readonly number: string;
  readonly pick: Pick | undefined;
}

/** The parser's `extractNationalNumber`: the national prefix taken away when what remains still can be a number; null: left to the parser. */
function nationalNumberOf(number: string, plan: Plan): National | null {
  let national = number;
  if (plan.prefix !== undefined) {
    const m = plan.prefix.exec(number);
    if (m !== null) {
      // a captured group is a carrier code, or input to a transform rule
      if (m.length > 1 && m[m.length - 1]) return null;
      national = number.slice(m[0].length);
    }
  }
  if (national === number) return { number, pick: undefined };
  if (plan.national.test(number) && !plan.national.test(national)) return { number, pick: undefined };
  if (plan.lengths) {
    const pick = countryOf(plan, national);
    if (!possibleIncomplete(national.length, pick.country === undefined ? plan.lengths : countryFacts(pick.country).lengths)) return { number, pick: undefined };
    // the parser asks the same question again of the same number: the answer is kept
    return { number: national, pick };
  }
  return { number: national, pick: undefined };
}

/** A parsed number, and whether it is already known to be valid (undefined: ask `isValid`). */
interface Parsed {
  readonly phone: PhoneNumber;
  readonly valid: true | undefined;
}

function finish(plan: Plan, national: National, fallback: string | undefined): Parsed | undefined {
  const nationalNumber = national.number;
  if (nationalNumber.length < MIN_LENGTH_FOR_NSN || nationalNumber.length > MAX_LENGTH_FOR_NSN) return undefined;
  const pick = national.pick ?? countryOf(plan, nationalNumber);
  const country = pick.country ?? fallback;
  const phone = new makePhoneNumber(plan.callingCode, nationalNumber, META);
  if (country) phone.country = country as CountryCode;
  return { phone, valid: pick.typed ? true : undefined };
}

const parsed = (phone: PhoneNumber | undefined): Parsed | undefined => (phone === undefined ? undefined : { phone, valid: undefined });

/** {@link parseDigits}, telling when the parse itself already proved the number valid. */
function parse(digits: string, region: string | undefined): Parsed | undefined {
  if (!ASCII_DIGITS.test(digits)) return parsed(region === undefined ? parsePhoneNumberFromString('+' + digits) : parsePhoneNumberFromString(digits, region as CountryCode));
  if (region === undefined) {
    // "+0…" is no number
    if (digits.charCodeAt(0) === 48) return undefined;
    for (let i = 1; i <= MAX_LENGTH_COUNTRY_CODE && i <= digits.length; i++) {
      const code = digits.slice(0, i);
      if (!ALL.hasCallingCode(code)) continue;
      const plan = callingCodePlan(code);
      const rest = digits.slice(i);
      if (plan.countries === undefined || rest === '') return parsed(parsePhoneNumberFromString('+' + digits));
      const national = nationalNumberOf(rest, plan);
      if (national === null) return parsed(parsePhoneNumberFromString('+' + digits));
      return finish(plan, national, undefined);
    }
    return undefined;
  }
  const plan = regionPlan(region);
  // an international call prefix or the calling code itself at the start: the parser reads them
  if (plan === null || plan.countries === undefined || digits.search(plan.idd) === 0 || digits.startsWith(plan.callingCode)) return parsed(parsePhoneNumberFromString(digits, region as CountryCode));
  const national = nationalNumberOf(digits, plan);
  if (national === null) return parsed(parsePhoneNumberFromString(digits, region as CountryCode));
  return finish(plan, national, region);
}

/**
 * `parsePhoneNumberFromString(digits, region)`, or `parsePhoneNumberFromString('+' + digits)`
 * when `region` is undefined, for `digits` made of ASCII digits only.
 */
export function parseDigits(digits: string, region: string | undefined): PhoneNumber | undefined {
  return parse(digits, region)?.phone;
}

/**
 * The number {@link parseDigits} reads when libphonenumber-js finds it valid (`isValid`), else
 * undefined. When the parse picked the country of a shared calling code because one of its number
 * types took the number, that is the very test `isValid` would repeat, and it is not asked twice.
 */
export function validDigits(digits: string, region: string | undefined): PhoneNumber | undefined {
  const p = parse(digits, region);
  return p !== undefined && (p.valid === true || isValid(p.phone)) ? p.phone : undefined;
}
