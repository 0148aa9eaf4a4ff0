/**
 * Deterministic demo data for Assay: dealers, buyers, listings, conversations in six languages,
 * listing and order events consistent with the conversations, and planted off-platform cases with
 * their ground truth. See README.md beside this file for how the planted cases are built.
 *
 * @example
 * const data = generateDemo({ seed: 42 });            // full size (≈ 24k conversations)
 * const small = generateDemo({ seed: 42, scale: 0.05 }); // proportionally smaller, for tests
 */
import { newPiece, priceMinor, nicePrice } from './catalog';
import type { BuyerX, ConvX, EventSpec, EventX, ListingX, MessageX, OrderX, SellerX } from './model';
import type { Bank } from './phrases/bank';
import { de } from './phrases/de';
import { en } from './phrases/en';
import { es } from './phrases/es';
import { fr } from './phrases/fr';
import { it } from './phrases/it';
import { nl } from './phrases/nl';
import { Rng, WeightedTable } from './prng';
import { TERMINAL_SCENARIOS, buildScenario, layout, makeCtx, type Scenario } from './scenarios';
import { ANCHOR_MS, DAY, HOUR, WINDOW_START_MS, iso } from './time';
import type {
  DemoBuyer, DemoCategory, DemoData, DemoEvent, DemoLang, DemoListing, DemoMessage, DemoSeller, DemoTruth,
} from './types';
import { NAMES, country, newIban, newPhone, slugify, type City, type Country, type Culture } from './world';

export interface GenerateOptions {
  seed: number;
  /** 1 = full size (default); smaller values shrink every count proportionally. */
  scale?: number;
}

/** Full-size counts (scale 1). */
export const FULL_SIZE = { sellers: 240, buyers: 1400, listings: 6000, conversations: 24000 } as const;

/** Share of conversations that try to move the sale off the platform. */
export const ATTEMPT_SHARE = 0.04;
const DECOY_SHARE = 0.024;

const BANKS: Record<DemoLang, Bank> = { en, fr, it, de, es, nl };

const TIERS = { standard: 1500, premier: 1200, elite: 1000 } as const;
type Tier = keyof typeof TIERS;

// ------------------------------------------------------------------ helpers

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

function pickZone(rng: Rng, c: Country, city: City): string {
  return city.zone ?? rng.weighted(c.zones);
}

function cultureOf(c: Country, lang: DemoLang, city: City): Culture {
  if (c.code === 'BE') return lang === 'nl' ? 'be_nl' : 'fr';
  if (c.code === 'CH') return lang === 'fr' || city.name === 'Geneva' || city.name === 'Lausanne' ? 'fr' : lang === 'it' ? 'it' : 'de';
  if (c.code === 'CA' && lang === 'fr') return 'fr';
  if (c.code === 'LU') return lang === 'de' ? 'de' : 'fr';
  return c.culture;
}

// ------------------------------------------------------------------ sellers

const SELLER_COUNTRIES: readonly (readonly [string, number])[] = [
  ['US', 22], ['GB', 15], ['FR', 16], ['IT', 12], ['DE', 9], ['ES', 8], ['NL', 8.5], ['BE', 6], ['CH', 2], ['AT', 2], ['DK', 2],
];

const CATEGORY_MIX: readonly (readonly [DemoCategory, number])[] = [['furniture', 34], ['lighting', 18], ['art', 20], ['jewelry', 14], ['watches', 14]];

const GALLERY_PATTERNS: Record<string, Record<'decor' | 'art' | 'jewelry' | 'watches', readonly string[]>> = {
  en: {
    decor: ['{L} & {L2} Antiques', '{L} Modern', '{L} Design Gallery', 'The {L} Collection', '{L} Fine Furniture', '{City} Modern', '{L} & Co.', '{L} Antiques', '{L} Mid-Century'],
    art: ['{L} Fine Art', '{L} Gallery', '{L} Contemporary', 'The {L} Print Room', '{L} & {L2} Fine Art'],
    jewelry: ['{L} Fine Jewels', '{L} & {L2} Jewellers', '{F} {L} Jewelry', '{L} Antique Jewellery'],
    watches: ['{L} Vintage Watches', '{L} Horology', '{City} Watch Exchange', '{L} & {L2} Watches'],
  },
  fr: {
    decor: ['Galerie {L}', '{L} Antiquités', 'Maison {L}', 'Atelier {L}', '{L} & Fils', 'Galerie {L} Design', 'Les Puces de {L}'],
    art: ['Galerie {L}', '{L} Estampes', 'Galerie {F} {L}'],
    jewelry: ['{L} Joaillerie', 'Bijoux {L}', 'Maison {L} Joaillier'],
    watches: ['{L} Horlogerie', 'Montres {L}'],
  },
  it: {
    decor: ['Antichità {L}', 'Galleria {L}', '{L} Design', 'Studio {L}', 'Bottega {L}', '{L} Modernariato'],
    art: ['Galleria {L}', '{L} Arte', 'Studio d’Arte {L}'],
    jewelry: ['Gioielleria {L}', '{L} Gioielli'],
    watches: ['Orologeria {L}', '{L} Orologi d’Epoca'],
  },
  de: {
    decor: ['Kunsthandel {L}', '{L} Antiquitäten', 'Galerie {L}', '{L} Möbel & Design', '{L} Moderne'],
    art: ['Galerie {L}', 'Kunsthandel {L}', '{L} Grafik'],
    jewelry: ['Juwelier {L}', '{L} Schmuck'],
    watches: ['Uhren {L}', '{L} Zeitmesser'],
  },
  es: {
    decor: ['Antigüedades {L}', 'Galería {L}', '{L} Diseño', 'Almoneda {L}'],
    art: ['Galería {L}', '{L} Arte'],
    jewelry: ['Joyería {L}', '{L} Joyas'],
    watches: ['Relojería {L}'],
  },
  nl: {
    decor: ['{L} Antiek', 'Galerie {L}', 'Kunsthandel {L}', '{L} Design', '{L} Vintage'],
    art: ['Galerie {L}', 'Kunsthandel {L}'],
    jewelry: ['{L} Juwelen', 'Juwelier {L}'],
    watches: ['{L} Horloges', '{L} Uurwerken'],
  },
  nordic: {
    decor: ['{L} Design', '{L} Møbler', '{City} Modern', 'Galleri {L}'],
    art: ['Galleri {L}'],
    jewelry: ['{L} Smykker'],
    watches: ['{L} Ure'],
  },
};

function sellerLanguages(rng: Rng, code: string, city: City): { all: string[]; demo: DemoLang[] } {
  let all: string[];
  switch (code) {
    case 'US': all = ['en', ...(rng.chance(0.12) ? ['es'] : []), ...(rng.chance(0.06) ? ['fr'] : [])]; break;
    case 'GB': all = ['en', ...(rng.chance(0.1) ? ['fr'] : []), ...(rng.chance(0.05) ? ['it'] : [])]; break;
    case 'FR': all = ['fr', 'en', ...(rng.chance(0.1) ? ['it'] : []), ...(rng.chance(0.08) ? ['es'] : [])]; break;
    case 'IT': all = ['it', 'en', ...(rng.chance(0.12) ? ['fr'] : [])]; break;
    case 'DE': all = ['de', 'en', ...(rng.chance(0.08) ? ['fr'] : [])]; break;
    case 'ES': all = ['es', 'en', ...(rng.chance(0.1) ? ['fr'] : [])]; break;
    case 'NL': all = ['nl', 'en', 'de']; break;
    case 'BE': all = rng.chance(0.5) ? ['fr', 'nl', 'en'] : ['nl', 'fr', 'en']; break;
    case 'CH': all = city.name === 'Geneva' || city.name === 'Lausanne' ? ['fr', 'en', 'de'] : ['de', 'fr', 'en', ...(rng.chance(0.3) ? ['it'] : [])]; break;
    case 'AT': all = ['de', 'en']; break;
    case 'DK': all = ['da', 'en', 'de']; break;
    default: all = ['en'];
  }
  const demo = all.filter((l): l is DemoLang => l in BANKS);
  return { all, demo };
}

function makeSellers(rng: Rng, n: number): SellerX[] {
  const out: SellerX[] = [];
  const usedNames = new Set<string>();
  const badCount = Math.max(1, Math.round(n * 0.07));
  const badIdx = new Set(rng.sample(Array.from({ length: n }, (_, i) => i), badCount));
  for (let i = 0; i < n; i++) {
    const code = i < SELLER_COUNTRIES.length ? (SELLER_COUNTRIES[i] as readonly [string, number])[0] : rng.weighted(SELLER_COUNTRIES);
    const c = country(code);
    const city = rng.pick(c.cities);
    const zone = pickZone(rng, c, city);
    const langs = sellerLanguages(rng, code, city);
    const culture = cultureOf(c, langs.demo[0] ?? 'en', city);
    const names = NAMES[culture];
    const first = rng.pick(names.first);
    const last = rng.pick(names.last);
    const primary = rng.weighted(CATEGORY_MIX);
    const secondaryOptions: Record<DemoCategory, readonly (readonly [DemoCategory, number])[]> = {
      furniture: [['lighting', 6], ['art', 2]], lighting: [['furniture', 7], ['art', 1]], art: [['furniture', 3], ['lighting', 1]],
      jewelry: [['watches', 4], ['art', 0.5]], watches: [['jewelry', 4]],
    };
    const secondary = rng.chance(0.55) ? rng.weighted(secondaryOptions[primary]) : undefined;
    const cats: [DemoCategory, number][] = secondary ? [[primary, 0.72], [secondary, 0.28]] : [[primary, 1]];
    const group = primary === 'furniture' || primary === 'lighting' ? 'decor' : primary;
    const patternsByCulture = GALLERY_PATTERNS[culture === 'be_nl' ? 'nl' : culture] ?? GALLERY_PATTERNS.en;
    const patterns = (patternsByCulture ?? GALLERY_PATTERNS.en)?.[group] ?? ['{L} Gallery'];
    let gallery = '';
    for (let tries = 0; tries < 8; tries++) {
      const last2 = rng.pick(names.last);
      gallery = rng.pick(patterns).replace('{L2}', last2 === last ? rng.pick(NAMES.en.last) : last2).replace('{L}', tries < 3 ? last : rng.pick(names.last)).replace('{F}', first).replace('{City}', city.name);
      if (tries >= 5) gallery = `${gallery} ${city.names?.[langs.demo[0] ?? 'en'] ?? city.name}`;
      if (!usedNames.has(gallery)) break;
    }
    usedNames.add(gallery);
    const slug = slugify(gallery);
    const tierRoll = rng.next();
    const tier: Tier = tierRoll < 0.55 ? 'standard' : tierRoll < 0.85 ? 'premier' : 'elite';
    const onboarded = WINDOW_START_MS + rng.int(1, 72) * HOUR;
    const phone = newPhone(rng, c);
    const provider = rng.pick(c.mailProviders);
    const emailRoll = rng.next();
    const privateEmail = emailRoll < 0.45 ? `${slug}@gmail.com` : emailRoll < 0.75 ? `info@${slug}.${c.tld}` : `${slugify(first, '.')}.${slugify(last, '')}@${provider}`;
    const website = rng.chance(0.7) ? `www.${slug}.${c.tld}` : `${slug}.com`;
    const handle = rng.chance(0.5) ? slugify(gallery, '_') : `${slugify(gallery, '.')}${rng.chance(0.4) ? `.${slugify(city.name, '')}` : ''}`;
    const rec: DemoSeller = {
      id: `slr_${pad(i + 1, 4)}`,
      name: gallery,
      email: `contact@${slug}.example`,
      country: code,
      time_zone: zone,
      languages: langs.all,
      tier,
      commission_rate_bps: TIERS[tier],
      status: 'active',
      updated_at: iso(onboarded),
    };
    const bad = badIdx.has(i);
    const seller: SellerX = {
      rec, index: i, country: c, city, first, last, gallery, slug, langs: langs.demo.length ? langs.demo : ['en'], cats,
      imperial: code === 'US', dimStyle: rng.int(0, 2), bad,
      replyMedianH: bad ? rng.real(0.5, 2) : Math.min(20, Math.max(0.3, rng.logNormal(3, 0.7))),
      replyRate: bad ? 0.99 : rng.real(0.82, 0.99), regulars: [], phone, website, handle, privateEmail,
      size: rng.logNormal(1, 0.75),
    };
    const iban = newIban(rng, c);
    if (iban) seller.iban = iban;
    out.push(seller);
  }
  return out;
}

/** Earlier seller versions: some dealers changed tier (and so commission rate) inside the window. */
function makeRevisions(rng: Rng, sellers: SellerX[]): DemoSeller[] {
  const revisions: DemoSeller[] = [];
  for (const s of sellers) {
    if (!rng.chance(0.12)) continue;
    const current = s.rec.tier as Tier;
    const previous: Tier = current === 'standard' ? 'premier' : current === 'premier' ? (rng.chance(0.8) ? 'standard' : 'elite') : 'premier';
    const changedAt = WINDOW_START_MS + rng.int(20, 150) * DAY + rng.int(8, 18) * HOUR;
    revisions.push({ ...s.rec, languages: [...s.rec.languages], tier: previous, commission_rate_bps: TIERS[previous] });
    s.rec.updated_at = iso(changedAt);
  }
  revisions.sort((a, b) => (a.updated_at < b.updated_at ? -1 : a.updated_at > b.updated_at ? 1 : a.id < b.id ? -1 : 1));
  return revisions;
}

// ------------------------------------------------------------------ buyers

const BUYER_COUNTRIES: readonly (readonly [string, number])[] = [
  ['US', 27], ['GB', 12], ['FR', 9], ['IT', 6.5], ['DE', 7], ['ES', 6], ['NL', 6.5], ['BE', 4.5], ['CH', 3], ['AT', 2], ['DK', 1.5], ['SE', 1.5],
  ['NO', 1], ['IE', 1], ['PT', 1], ['LU', 0.6], ['MC', 0.6], ['CA', 3], ['MX', 3.5], ['AR', 0.6], ['AU', 2], ['HK', 2], ['SG', 1.5], ['AE', 2], ['JP', 1],
];

const RINGS = [
  { us: '4.5', eu: 48, uk: 'I' }, { us: '5', eu: 49, uk: 'J½' }, { us: '5.5', eu: 50, uk: 'K½' }, { us: '6', eu: 52, uk: 'L½' },
  { us: '6.5', eu: 53, uk: 'M½' }, { us: '7', eu: 54, uk: 'N½' }, { us: '7.5', eu: 56, uk: 'O½' }, { us: '8', eu: 57, uk: 'P½' },
] as const;

function makeBuyers(rng: Rng, n: number): BuyerX[] {
  const out: BuyerX[] = [];
  const badCount = Math.max(1, Math.round(n * 0.02));
  const badIdx = new Set(rng.sample(Array.from({ length: n }, (_, i) => i), badCount));
  const usedEmails = new Set<string>();
  for (let i = 0; i < n; i++) {
    const code = rng.weighted(BUYER_COUNTRIES);
    const c = country(code);
    const city = rng.pick(c.cities);
    const zone = pickZone(rng, c, city);
    const lang = rng.weighted(c.speaks);
    const names = NAMES[cultureOf(c, lang, city)];
    const first = rng.pick(names.first);
    const last = rng.pick(names.last);
    const designer = rng.chance(0.55);
    const fs = slugify(first, '');
    const ls = slugify(last, '');
    let accountEmail = `${fs}.${ls}@example.com`;
    for (let k = 2; usedEmails.has(accountEmail); k++) accountEmail = `${fs}.${ls}${k}@example.com`;
    usedEmails.add(accountEmail);
    const provider = rng.pick(c.mailProviders);
    const privateEmail = rng.pick([
      `${fs}.${ls}@${provider}`, `${fs}${ls}${rng.int(10, 89)}@${provider}`, `${fs.charAt(0)}.${ls}@${provider}`,
      designer ? `studio@${ls}interiors.${c.tld}` : `${ls}.${fs}@${provider}`,
    ]);
    const handle = designer ? rng.pick([`${ls}.interiors`, `studio_${ls}`, `${fs}${ls}design`]) : rng.pick([`${fs}.${ls}`, `${fs}_${ls}_collects`, `${ls}${rng.int(1, 99)}`]);
    const bad = badIdx.has(i);
    const rec: DemoBuyer = { id: `byr_${pad(i + 1, 5)}`, name: `${first} ${last}`, email: accountEmail, country: code, updated_at: iso(WINDOW_START_MS + rng.int(1, 96) * HOUR) };
    out.push({
      rec, index: i, country: c, city, zone, first, last, lang, designer,
      activity: rng.logNormal(1, 0.9) * (designer ? 1.3 : 1) * (bad ? 2 : 1), bad, phone: newPhone(rng, c), email: privateEmail, handle,
      ring: rng.pick(RINGS), wristCm: rng.int(31, 39) / 2,
    });
  }
  return out;
}

// ------------------------------------------------------------------ listings

function makeListings(rng: Rng, sellers: SellerX[], n: number): ListingX[] {
  const bySize = new WeightedTable(sellers, (s) => s.size);
  const raw: ListingX[] = [];
  const earliest = WINDOW_START_MS + DAY;
  const latest = ANCHOR_MS - 21 * DAY;
  // every dealer lists something
  for (let i = 0; i < n; i++) {
    const seller = i < sellers.length ? (sellers[i] as SellerX) : bySize.pick(rng);
    const category = rng.weighted(seller.cats);
    const piece = newPiece(rng, category, seller.imperial, seller.dimStyle);
    const createdMs = Math.floor(earliest + (latest - earliest) * Math.pow(rng.next(), 1.35));
    const currency = seller.country.currency;
    const minor = priceMinor(rng, piece.priceUsd, currency);
    const age = (ANCHOR_MS - createdMs) / (ANCHOR_MS - WINDOW_START_MS);
    const priceFactor = 1 / (1 + Math.max(0, Math.log10(piece.priceUsd / 1500)) * 0.6);
    raw.push({
      id: '', seller, piece, createdMs, priceMajor: minor / 100, currency, priceChanges: [],
      popularity: rng.logNormal(1, 0.85) * (0.35 + 0.65 * age) * priceFactor * (seller.bad ? 1.15 : 1),
    });
  }
  raw.sort((a, b) => a.createdMs - b.createdMs);
  raw.forEach((l, i) => {
    l.id = `lst_${pad(i + 1, 6)}`;
    if (rng.chance(0.12)) {
      const at = l.createdMs + rng.int(12, 80) * DAY + rng.int(8, 18) * HOUR;
      if (at < ANCHOR_MS - 5 * DAY) {
        const major = nicePrice(rng, l.priceMajor * rng.real(0.8, 0.94));
        if (major < l.priceMajor) l.priceChanges.push({ at, major });
      }
    }
  });
  return raw;
}

function priceAt(l: ListingX, at: number): number {
  let p = l.priceMajor;
  for (const ch of l.priceChanges) if (ch.at <= at) p = ch.major;
  return p;
}

// ------------------------------------------------------------------ conversations: who talks about what

interface Slot {
  index: number;
  listing: ListingX;
  buyer: BuyerX;
  scenario?: Scenario;
}

function assignRegulars(rng: Rng, sellers: SellerX[], buyers: BuyerX[]): void {
  const table = new WeightedTable(buyers, (b) => b.activity);
  for (const s of sellers) {
    const k = rng.int(2, 5);
    for (let i = 0; i < k; i++) {
      let b = table.pick(rng);
      for (let t = 0; t < 4 && s.langs.length > 1 && !s.langs.includes(b.lang); t++) b = table.pick(rng);
      if (!s.regulars.includes(b)) s.regulars.push(b);
    }
  }
}

function makeSlots(rng: Rng, listings: ListingX[], buyers: BuyerX[], n: number): Slot[] {
  const byPopularity = new WeightedTable(listings, (l) => l.popularity);
  const anyBuyer = new WeightedTable(buyers, (b) => b.activity);
  const byLang = new Map<DemoLang, WeightedTable<BuyerX>>();
  for (const lang of ['fr', 'it', 'de', 'es', 'nl'] as const) {
    const speakers = buyers.filter((b) => b.lang === lang);
    if (speakers.length > 0) byLang.set(lang, new WeightedTable(speakers, (b) => b.activity));
  }
  const seen = new Set<string>();
  const slots: Slot[] = [];
  for (let i = 0; i < n; i++) {
    let listing = byPopularity.pick(rng);
    let buyer: BuyerX | undefined;
    for (let attempt = 0; attempt < 12; attempt++) {
      if (attempt === 6) listing = byPopularity.pick(rng);
      const seller = listing.seller;
      const roll = rng.next();
      let candidate: BuyerX;
      const local = seller.langs.filter((l) => l !== 'en');
      if (roll < 0.12 && seller.regulars.length > 0) candidate = rng.pick(seller.regulars);
      else if (roll < 0.58 && local.length > 0) candidate = (byLang.get(rng.pick(local)) ?? anyBuyer).pick(rng);
      else candidate = anyBuyer.pick(rng);
      if (!seen.has(`${listing.id}|${candidate.index}`)) {
        buyer = candidate;
        break;
      }
    }
    if (!buyer) continue;
    seen.add(`${listing.id}|${buyer.index}`);
    slots.push({ index: slots.length, listing, buyer });
  }
  return slots;
}

/** Chooses which conversations carry planted off-platform attempts, sales and decoys. */
function planScenarios(rng: Rng, slots: Slot[]): void {
  const claimed = new Map<ListingX, Scenario>();
  const claim = (s: Slot, sc: Scenario): boolean => {
    if (claimed.has(s.listing)) return false;
    claimed.set(s.listing, sc);
    s.scenario = sc;
    return true;
  };
  // attempts: weighted sampling without replacement (Efraimidis–Spirakis keys)
  const nAttempts = Math.round(slots.length * ATTEMPT_SHARE);
  const keyed = slots.map((s) => {
    const w = 1 + (s.listing.seller.bad ? 11 : 0) + (s.buyer.bad ? 10 : 0);
    return { s, key: Math.pow(rng.next(), 1 / w) };
  });
  keyed.sort((a, b) => b.key - a.key || a.s.index - b.s.index);
  const attempts = keyed.slice(0, nAttempts).map((k) => k.s).sort((a, b) => a.index - b.index);
  for (const s of attempts) {
    const pSale = s.listing.seller.bad ? 0.55 : s.buyer.bad ? 0.35 : 0.16;
    if (rng.chance(pSale) && claim(s, 'op_sale')) continue;
    const sc: Scenario = rng.weighted([
      ['op_refused_order', 0.18], ['op_refused', 0.2], ['op_ignored', 0.25], ['op_then_order', 0.12], ['op_future_direct', 0.1],
    ] as const);
    if (TERMINAL_SCENARIOS.has(sc)) {
      if (!claim(s, sc)) s.scenario = rng.chance(0.5) ? 'op_refused' : 'op_ignored';
    } else s.scenario = sc;
  }
  // decoys
  const nDecoys = Math.round(slots.length * DECOY_SHARE);
  const targets: [Scenario, number][] = [
    ['dc_post_order_contact', 0.28], ['dc_sold_to_other', 0.2], ['dc_silent_delisted', 0.14], ['dc_negotiated_order', 0.16],
    ['dc_hold_then_order', 0.08], ['dc_location_numbers', 0.14],
  ];
  const remaining = new Map<Scenario, number>(targets.map(([sc, w]) => [sc, Math.max(1, Math.round(nDecoys * w))]));
  const order = rng.shuffle(slots.filter((s) => !s.scenario));
  for (const s of order) {
    let placed = false;
    for (const [sc] of targets) {
      const left = remaining.get(sc) ?? 0;
      if (left <= 0) continue;
      if (sc === 'dc_location_numbers') s.scenario = sc;
      else if (sc === 'dc_sold_to_other') {
        if (claimed.has(s.listing)) continue;
        claimed.set(s.listing, 'dc_sold_to_other');
        s.scenario = sc;
      } else if (!claim(s, sc)) continue;
      remaining.set(sc, left - 1);
      placed = true;
      break;
    }
    if (!placed && [...remaining.values()].every((v) => v <= 0)) break;
    // rotate the preferred type so decoys interleave rather than filling one type first
    targets.push(targets.shift() as [Scenario, number]);
  }
}

// ------------------------------------------------------------------ timelines

const EST_DAYS: Record<Scenario, number> = {
  unanswered: 3, short: 1, qa: 4, negotiation: 4, late_inquiry: 1, purchase: 26, purchase_cancelled: 8, purchase_refunded: 42,
  op_sale: 12, op_refused_order: 26, op_refused: 5, op_ignored: 3, op_then_order: 26, op_future_direct: 26,
  dc_post_order_contact: 26, dc_sold_to_other: 4, dc_silent_delisted: 9, dc_negotiated_order: 26, dc_hold_then_order: 28, dc_location_numbers: 4,
};

interface World {
  convs: ConvX[];
  events: EventX[];
  seq: { n: number };
  scenarioOf: Map<ConvX, Scenario>;
  sharesOf: Map<ConvX, string[]>;
}

function langFor(seller: SellerX, buyer: BuyerX): DemoLang {
  return seller.langs.includes(buyer.lang) ? buyer.lang : 'en';
}

/** Builds one conversation (messages + caused events) placed inside [lo, limit]. */
function runConversation(
  rng: Rng, w: World, slot: Slot, scenario: Scenario, lo: number, limit: number, alignEnd = false,
): { conv: ConvX; terminalAt?: number; end: number } {
  const seller = slot.listing.seller;
  const buyer = slot.buyer;
  const lang = langFor(seller, buyer);
  const est = EST_DAYS[scenario] * DAY;
  const hi = Math.max(lo, limit - est);
  let start = lo + rng.next() * (hi - lo);
  start = Math.floor(start / 1000) * 1000;
  const ctx = makeCtx(rng, BANKS[lang], seller, buyer, slot.listing, priceAt(slot.listing, start));
  const built = buildScenario(ctx, scenario);
  let times = layout(rng, built.steps, start, limit, seller, buyer);
  if (alignEnd) {
    const end = times[times.length - 1] as number;
    const shift = Math.floor((limit - end) / 1000) * 1000;
    if (shift > 0) times = times.map((t) => t + shift);
  }
  const conv: ConvX = { index: w.convs.length, id: '', listing: slot.listing, buyer, lang, messages: [], events: [], startMs: times[0] as number };
  let terminalAt: number | undefined;
  built.steps.forEach((step, i) => {
    const at = times[i] as number;
    if (step.role && step.text) {
      const msg: MessageX = { at, seq: i, role: step.role, body: step.text(at), id: '', conv };
      if (step.attempt) msg.attempt = step.attempt;
      conv.messages.push(msg);
    }
    if (step.events) {
      for (const spec of step.events(at)) {
        const ev: EventX = { at, seq: w.seq.n++, spec };
        conv.events.push(ev);
        w.events.push(ev);
      }
    }
    if (step.terminal) terminalAt = at;
  });
  w.convs.push(conv);
  w.scenarioOf.set(conv, scenario);
  if (scenario.startsWith('dc_')) w.sharesOf.set(conv, built.shares);
  const end = times[times.length - 1] as number;
  return terminalAt === undefined ? { conv, end } : { conv, terminalAt, end };
}

function pushEvent(w: World, at: number, spec: EventSpec): void {
  w.events.push({ at: Math.floor(at / 1000) * 1000, seq: w.seq.n++, spec });
}

function ordinaryScenario(rng: Rng, slot: Slot): Scenario {
  if (!rng.chance(slot.listing.seller.replyRate)) return 'unanswered';
  return rng.weighted([['short', 0.24], ['qa', 0.4], ['negotiation', 0.22]] as const);
}

function buildTimelines(rng: Rng, listings: ListingX[], slots: Slot[], buyers: BuyerX[]): World {
  const w: World = { convs: [], events: [], seq: { n: 0 }, scenarioOf: new Map(), sharesOf: new Map() };
  const byListing = new Map<ListingX, Slot[]>();
  for (const s of slots) {
    const list = byListing.get(s.listing);
    if (list) list.push(s);
    else byListing.set(s.listing, [s]);
  }
  const anyBuyer = new WeightedTable(buyers, (b) => b.activity);
  const H = ANCHOR_MS - HOUR;
  for (const l of listings) {
    const L = l.createdMs;
    const lslots = byListing.get(l) ?? [];
    let terminal = lslots.find((s) => s.scenario && TERMINAL_SCENARIOS.has(s.scenario));
    const soldToOther = lslots.find((s) => s.scenario === 'dc_sold_to_other');
    if (!terminal && !soldToOther && lslots.length > 0) {
      const free = lslots.filter((s) => !s.scenario);
      const pSale = Math.min(0.6, 0.16 + 0.06 * lslots.length);
      if (free.length > 0 && rng.chance(pSale)) {
        terminal = rng.pick(free);
        const r = rng.next();
        terminal.scenario = r < 0.06 ? 'purchase_cancelled' : r < 0.1 ? 'purchase_refunded' : 'purchase';
      }
    }
    let Te: number | undefined;
    let lastEnd = L;
    let terminalKind: 'sold' | 'reopened' | 'none' = 'none';
    if (terminal?.scenario) {
      const r = runConversation(rng, w, terminal, terminal.scenario, L + 2 * HOUR, H);
      Te = r.terminalAt ?? r.end;
      lastEnd = Math.max(lastEnd, r.end);
      terminalKind = terminal.scenario === 'purchase_cancelled' || terminal.scenario === 'purchase_refunded' ? 'reopened' : 'sold';
    } else if (soldToOther) {
      const r = runConversation(rng, w, soldToOther, 'dc_sold_to_other', L + 2 * HOUR, H - 8 * DAY);
      Te = r.end + rng.real(0.5, 5) * DAY;
      lastEnd = Math.max(lastEnd, r.end);
      let other = anyBuyer.pick(rng);
      while (lslots.some((s) => s.buyer === other)) other = anyBuyer.pick(rng);
      const order: OrderX = { id: '', at: Te, listing: l, buyer: other, amountMajor: priceAt(l, Te) };
      pushEvent(w, Te, { type: 'order.created', order });
      pushEvent(w, Te + rng.int(60, 1500) * 1000, { type: 'listing.status_changed', listing: l, status: 'sold' });
      terminalKind = 'sold';
    }
    for (const s of lslots) {
      if (s === terminal || s === soldToOther) continue;
      const planted = s.scenario !== undefined;
      let sc: Scenario = s.scenario ?? ordinaryScenario(rng, s);
      const lo = L + HOUR;
      if (Te === undefined) {
        const r = runConversation(rng, w, s, sc, lo, H);
        lastEnd = Math.max(lastEnd, r.end);
        continue;
      }
      // keep contact-sharing conversations well clear of a sale to someone else
      const margin = sc.startsWith('op_') ? 10 * DAY : 6 * HOUR;
      const limit = Te - margin;
      const roomy = limit - lo > Math.min(EST_DAYS[sc], 3) * DAY;
      const lateRoom = H - (Te + 2 * HOUR) > 2 * DAY;
      const late = !planted && terminalKind === 'sold' && lateRoom && (!roomy || rng.chance(0.08));
      if (late) {
        sc = 'late_inquiry';
        runConversation(rng, w, s, sc, Te + 2 * HOUR, Math.min(H, Te + 12 * DAY));
      } else if (roomy || planted) {
        const r = runConversation(rng, w, s, sc, lo, Math.max(lo + HOUR, planted && !roomy ? Te - 2 * HOUR : limit));
        lastEnd = Math.max(lastEnd, r.end);
      } else {
        runConversation(rng, w, s, sc, lo, Math.max(lo + HOUR, Te - 2 * HOUR));
      }
    }
    // listings nobody bought in a conversation: some sell through checkout, some are withdrawn or parked
    let liveUntil = Te;
    if (Te === undefined) {
      const r = rng.next();
      if (lslots.length === 0 && r < 0.1) {
        const at = L + DAY + rng.next() * Math.max(DAY, H - L - 2 * DAY);
        const order: OrderX = { id: '', at, listing: l, buyer: anyBuyer.pick(rng), amountMajor: priceAt(l, at) };
        pushEvent(w, at, { type: 'order.created', order });
        pushEvent(w, at + rng.int(60, 1500) * 1000, { type: 'listing.status_changed', listing: l, status: 'sold' });
        liveUntil = at;
      } else if (r < 0.16) {
        const at = Math.max(L + 10 * DAY, lastEnd + 21 * DAY) + rng.int(0, 10) * DAY;
        if (at < H) {
          pushEvent(w, at, { type: 'listing.status_changed', listing: l, status: 'removed' });
          liveUntil = at;
        }
      } else if (lslots.length === 0 && r < 0.19) {
        const at = L + rng.int(5, 40) * DAY;
        const back = at + rng.int(5, 20) * DAY;
        if (back < H) {
          pushEvent(w, at, { type: 'listing.status_changed', listing: l, status: 'on_hold' });
          pushEvent(w, back, { type: 'listing.status_changed', listing: l, status: 'active' });
        }
      }
    }
    // repricing happens only while the listing is live
    for (const ch of l.priceChanges) {
      if (liveUntil !== undefined && ch.at >= liveUntil - HOUR) continue;
      pushEvent(w, ch.at, { type: 'listing.price_changed', listing: l, major: ch.major });
    }
  }
  return w;
}

// ------------------------------------------------------------------ output

function emit(sellers: SellerX[], revisions: DemoSeller[], buyers: BuyerX[], listings: ListingX[], w: World): DemoData {
  const convs = w.convs.slice().sort((a, b) => a.startMs - b.startMs || a.index - b.index);
  convs.forEach((c, i) => (c.id = `conv_${pad(i + 1, 6)}`));
  const msgs: MessageX[] = [];
  for (const c of convs) msgs.push(...c.messages);
  msgs.sort((a, b) => a.at - b.at || (a.conv.id < b.conv.id ? -1 : a.conv.id > b.conv.id ? 1 : 0) || a.seq - b.seq);
  msgs.forEach((m, i) => (m.id = `m_${pad(i + 1, 7)}`));
  const events = w.events.slice().sort((a, b) => a.at - b.at || a.seq - b.seq);
  const orders = events.filter((e) => e.spec.type === 'order.created').map((e) => (e.spec as { order: OrderX }).order);
  orders.forEach((o, i) => (o.id = `ord_${pad(i + 1, 6)}`));

  const messages: DemoMessage[] = msgs.map((m) => ({
    id: m.id,
    conversation_id: m.conv.id,
    buyer_id: m.conv.buyer.rec.id,
    seller_id: m.conv.listing.seller.rec.id,
    listing_id: m.conv.listing.id,
    sender_role: m.role,
    body: m.body,
    sent_at: iso(m.at),
    lang: m.conv.lang,
  }));
  const outEvents: DemoEvent[] = events.map((e, i) => {
    const id = `evt_${pad(i + 1, 6)}`;
    const occurred_at = iso(e.at);
    const s = e.spec;
    switch (s.type) {
      case 'listing.status_changed':
        return { id, type: s.type, occurred_at, listing_id: s.listing.id, status: s.status };
      case 'listing.price_changed':
        return { id, type: s.type, occurred_at, listing_id: s.listing.id, price_minor: Math.round(s.major * 100), currency: s.listing.currency };
      case 'order.created':
        return {
          id, type: s.type, occurred_at, order_id: s.order.id, listing_id: s.order.listing.id, buyer_id: s.order.buyer.rec.id,
          seller_id: s.order.listing.seller.rec.id, amount_minor: Math.round(s.order.amountMajor * 100), currency: s.order.listing.currency,
        };
      case 'order.cancelled':
      case 'order.refunded':
        return { id, type: s.type, occurred_at, order_id: s.order.id };
    }
  });

  const truth: DemoTruth = { offPlatformAttempts: [], offPlatformSales: [], decoys: [] };
  for (const c of convs) {
    const att = c.messages.filter((m) => m.attempt && m.attempt.length > 0);
    if (att.length > 0) {
      const kinds = [...new Set(att.flatMap((m) => m.attempt ?? []))].sort();
      truth.offPlatformAttempts.push({ conversation_id: c.id, message_ids: att.map((m) => m.id), kinds });
    }
    const sc = w.scenarioOf.get(c);
    if (sc === 'op_sale') {
      truth.offPlatformSales.push({ conversation_id: c.id, seller_id: c.listing.seller.rec.id, buyer_id: c.buyer.rec.id, listing_id: c.listing.id });
    }
    const shares = w.sharesOf.get(c);
    if (shares) truth.decoys.push({ conversation_id: c.id, shares });
  }

  const outListings: DemoListing[] = listings.map((l) => ({
    id: l.id,
    seller_id: l.seller.rec.id,
    title: l.piece.title,
    category: l.piece.category,
    price_minor: Math.round(l.priceMajor * 100),
    currency: l.currency,
    status: 'active',
    period: l.piece.period,
    materials: l.piece.materials,
    dimensions: l.piece.dimensions,
    created_at: iso(l.createdMs),
    updated_at: iso(l.createdMs + (l.seller.index % 5) * 17 * 60_000),
  }));

  return {
    sellers: sellers.map((s) => s.rec),
    sellerRevisions: revisions,
    buyers: buyers.map((b) => b.rec),
    listings: outListings,
    messages,
    events: outEvents,
    truth,
  };
}

/** Generates the full demo data set for a seed; same seed and scale give byte-identical output. */
export function generateDemo(opts: GenerateOptions): DemoData {
  const scale = opts.scale ?? 1;
  if (!Number.isFinite(scale) || scale <= 0) throw new Error(`demo scale must be a positive number, got ${String(opts.scale)}`);
  if (!Number.isFinite(opts.seed)) throw new Error('demo seed must be a finite number');
  const root = new Rng(`assay-demo:${opts.seed}`);
  const n = (full: number, min: number): number => Math.max(min, Math.round(full * scale));
  const sellers = makeSellers(root.fork('sellers'), n(FULL_SIZE.sellers, 12));
  const revisions = makeRevisions(root.fork('revisions'), sellers);
  const buyers = makeBuyers(root.fork('buyers'), n(FULL_SIZE.buyers, 60));
  assignRegulars(root.fork('regulars'), sellers, buyers);
  const listings = makeListings(root.fork('listings'), sellers, n(FULL_SIZE.listings, 150));
  const slots = makeSlots(root.fork('slots'), listings, buyers, n(FULL_SIZE.conversations, 500));
  planScenarios(root.fork('plan'), slots);
  const world = buildTimelines(root.fork('timelines'), listings, slots, buyers);
  return emit(sellers, revisions, buyers, listings, world);
}

