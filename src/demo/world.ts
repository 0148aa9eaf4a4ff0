/**
 * People and places of the demo world: countries with currencies, time zones, languages, cities,
 * street addresses, personal names, phone numbers, e-mail providers and IBANs.
 */
import type { Rng } from './prng';
import type { DemoLang } from './types';

export type Culture =
  | 'en'
  | 'fr'
  | 'it'
  | 'de'
  | 'es'
  | 'nl'
  | 'be_nl'
  | 'nordic'
  | 'pt'
  | 'ja'
  | 'zh'
  | 'ar';

export interface City {
  /** English name; other languages in `names` where they differ. */
  name: string;
  names?: Partial<Record<DemoLang, string>>;
  zone?: string;
  region?: string;
  post: string;
  streets: readonly string[];
}

export interface PhoneSpec {
  cc: string;
  trunk: string;
  /** Generates the national significant number. */
  nsn(rng: Rng): string;
  /** Group sizes for the national display (trunk included). */
  natGroups: readonly number[];
  intlGroups: readonly number[];
  natSep: string;
  us?: boolean;
}

export interface Country {
  code: string;
  currency: string;
  zones: readonly (readonly [string, number])[];
  culture: Culture;
  /** Languages this country's people write in, among the six demo languages, with weights. */
  speaks: readonly (readonly [DemoLang, number])[];
  cities: readonly City[];
  tld: string;
  mailProviders: readonly string[];
  phone: PhoneSpec;
  /** Basic bank account number generator (IBAN without country + check digits); none for the US etc. */
  bban?: (rng: Rng) => string;
  address: 'us' | 'uk' | 'eu_street_first' | 'eu_number_first' | 'asia';
  region?: readonly string[];
}

const digits = (rng: Rng, n: number): string => {
  let s = '';
  for (let i = 0; i < n; i++) s += String(rng.int(0, 9));
  return s;
};
const upper = (rng: Rng, n: number): string => {
  const A = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
  let s = '';
  for (let i = 0; i < n; i++) s += A[rng.int(0, A.length - 1)];
  return s;
};

// ---------------------------------------------------------------- names

export const NAMES: Record<Culture, { first: readonly string[]; last: readonly string[] }> = {
  en: {
    first: ['James', 'Olivia', 'William', 'Charlotte', 'Henry', 'Amelia', 'George', 'Sophie', 'Edward', 'Emma', 'Thomas', 'Lucy', 'Oliver', 'Grace', 'Jack', 'Harriet', 'Daniel', 'Claire', 'Michael', 'Sarah', 'David', 'Rebecca', 'Andrew', 'Laura', 'Christopher', 'Katherine', 'Jonathan', 'Elizabeth', 'Peter', 'Anna', 'Robert', 'Emily', 'Benjamin', 'Victoria', 'Samuel', 'Alice', 'Matthew', 'Isabel', 'Nicholas', 'Hannah', 'Marcus', 'Caroline', 'Julian', 'Margaret', 'Hugo', 'Frances'],
    last: ['Smith', 'Walker', 'Harrington', 'Whitmore', 'Fletcher', 'Ashby', 'Carter', 'Bennett', 'Hughes', 'Lawson', 'Pemberton', 'Sinclair', 'Thornton', 'Abbott', 'Mercer', 'Hale', 'Prescott', 'Sutton', 'Caldwell', 'Hayes', 'Morgan', 'Reed', 'Foster', 'Kendall', 'Brooks', 'Chambers', 'Russell', 'Gordon', 'Ellis', 'Hartley', 'Blake', 'Quinn', 'Lowell', 'Whitaker', 'Campbell', 'Murray', 'Palmer', 'Dalton', 'Sheridan', 'Coleman', 'Vance', 'Holloway', 'Greer', 'Fairfax'],
  },
  fr: {
    first: ['Camille', 'Louis', 'Claire', 'Antoine', 'Isabelle', 'Pierre', 'Hélène', 'Julien', 'Sophie', 'Mathieu', 'Nathalie', 'Olivier', 'Juliette', 'François', 'Céline', 'Thibault', 'Anne', 'Guillaume', 'Margaux', 'Étienne', 'Valérie', 'Laurent', 'Chloé', 'Nicolas', 'Élodie', 'Bertrand', 'Agnès', 'Benoît', 'Pauline', 'Rémi', 'Delphine', 'Arnaud'],
    last: ['Dubois', 'Moreau', 'Lefèvre', 'Laurent', 'Girard', 'Bonnet', 'Mercier', 'Fontaine', 'Chevalier', 'Rousseau', 'Lambert', 'Faure', 'Garnier', 'Perrin', 'Morel', 'Blanchard', 'Guérin', 'Roux', 'Vasseur', 'Delacroix', 'Marchand', 'Lemoine', 'Joubert', 'Carpentier', 'Renaud', 'Aubert', 'Besson', 'Collin', 'Dumont', 'Leclerc', 'Deschamps', 'Vidal'],
  },
  it: {
    first: ['Marco', 'Giulia', 'Alessandro', 'Francesca', 'Lorenzo', 'Chiara', 'Matteo', 'Elena', 'Giovanni', 'Sofia', 'Luca', 'Valentina', 'Andrea', 'Federica', 'Riccardo', 'Silvia', 'Stefano', 'Paola', 'Davide', 'Martina', 'Filippo', 'Beatrice', 'Tommaso', 'Laura', 'Roberto', 'Alessandra', 'Pietro', 'Carlotta', 'Enrico', 'Ludovica'],
    last: ['Rossi', 'Bianchi', 'Ferrari', 'Colombo', 'Ricci', 'Marino', 'Greco', 'Bruno', 'Gallo', 'Conti', 'De Luca', 'Costa', 'Giordano', 'Mancini', 'Rizzo', 'Lombardi', 'Moretti', 'Barbieri', 'Fontana', 'Santoro', 'Mariani', 'Rinaldi', 'Caruso', 'Ferrara', 'Galli', 'Martini', 'Leone', 'Longo', 'Gentile', 'Villa'],
  },
  de: {
    first: ['Anna', 'Lukas', 'Katharina', 'Maximilian', 'Julia', 'Felix', 'Sophie', 'Jonas', 'Laura', 'Florian', 'Lena', 'Tobias', 'Johanna', 'Sebastian', 'Clara', 'Matthias', 'Charlotte', 'Moritz', 'Hannah', 'Stefan', 'Sabine', 'Andreas', 'Christina', 'Markus', 'Friederike', 'Thomas', 'Miriam', 'Jan', 'Eva', 'Philipp'],
    last: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Koch', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Zimmermann', 'Braun', 'Hartmann', 'Krüger', 'Lange', 'Werner', 'Krause', 'Lehmann', 'Köhler', 'Maier', 'Huber', 'Vogel', 'Brandt'],
  },
  es: {
    first: ['Lucía', 'Javier', 'María', 'Carlos', 'Carmen', 'Alejandro', 'Elena', 'Pablo', 'Isabel', 'Diego', 'Marta', 'Álvaro', 'Paula', 'Sergio', 'Laura', 'Fernando', 'Cristina', 'Jorge', 'Beatriz', 'Miguel', 'Ana', 'Ignacio', 'Clara', 'Rafael', 'Pilar', 'Gonzalo', 'Inés', 'Andrés', 'Teresa', 'Manuel'],
    last: ['García', 'Martínez', 'López', 'Sánchez', 'González', 'Fernández', 'Rodríguez', 'Pérez', 'Gómez', 'Ruiz', 'Díaz', 'Moreno', 'Álvarez', 'Romero', 'Navarro', 'Torres', 'Domínguez', 'Vázquez', 'Ramos', 'Gil', 'Serrano', 'Blanco', 'Molina', 'Ortega', 'Delgado', 'Castro', 'Ortiz', 'Rubio', 'Marín', 'Iglesias'],
  },
  nl: {
    first: ['Daan', 'Sanne', 'Bram', 'Lotte', 'Thijs', 'Eva', 'Joost', 'Femke', 'Ruben', 'Anouk', 'Sem', 'Lisa', 'Maarten', 'Marieke', 'Pieter', 'Noor', 'Jeroen', 'Ilse', 'Wouter', 'Esther', 'Koen', 'Fleur', 'Stijn', 'Roos', 'Bas', 'Inge', 'Jasper', 'Mirjam', 'Niels', 'Hanneke'],
    last: ['de Jong', 'Jansen', 'de Vries', 'van den Berg', 'van Dijk', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'de Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'van Leeuwen', 'Dekker', 'Brouwer', 'de Wit', 'Dijkstra', 'Smits', 'de Graaf', 'van der Meer', 'Kok', 'van der Linden', 'Verbeek', 'Prins', 'Kuipers', 'Timmermans'],
  },
  be_nl: {
    first: ['Wout', 'Lies', 'Pieter', 'Elke', 'Jens', 'Katrien', 'Bart', 'Annelies', 'Tom', 'Sofie', 'Dries', 'Hanne', 'Kobe', 'Griet', 'Stijn', 'Leen', 'Arne', 'Nele'],
    last: ['Peeters', 'Janssens', 'Maes', 'Jacobs', 'Mertens', 'Willems', 'Claes', 'Goossens', 'Wouters', 'De Smet', 'Vermeulen', 'Van Damme', 'De Clercq', 'Verhoeven', 'Van Acker', 'Desmet', 'Claeys', 'Lauwers'],
  },
  nordic: {
    first: ['Mads', 'Freja', 'Lars', 'Ingrid', 'Anders', 'Sofie', 'Magnus', 'Astrid', 'Henrik', 'Karin', 'Erik', 'Maja', 'Nils', 'Linnea', 'Rasmus', 'Ida'],
    last: ['Jensen', 'Nielsen', 'Hansen', 'Andersson', 'Johansson', 'Larsen', 'Lindqvist', 'Berg', 'Dahl', 'Holm', 'Eriksson', 'Sørensen', 'Lund', 'Nyberg', 'Kristiansen', 'Wallin'],
  },
  pt: {
    first: ['João', 'Inês', 'Tiago', 'Mariana', 'Rui', 'Beatriz', 'Miguel', 'Sofia', 'Duarte', 'Leonor'],
    last: ['Silva', 'Santos', 'Ferreira', 'Pereira', 'Costa', 'Oliveira', 'Almeida', 'Carvalho', 'Sousa', 'Mendes'],
  },
  ja: {
    first: ['Haruki', 'Yuki', 'Kenji', 'Aiko', 'Takashi', 'Emi', 'Hiroshi', 'Naoko', 'Daisuke', 'Mika'],
    last: ['Sato', 'Suzuki', 'Takahashi', 'Tanaka', 'Watanabe', 'Ito', 'Yamamoto', 'Nakamura', 'Kobayashi', 'Mori'],
  },
  zh: {
    first: ['Wing', 'Mei', 'Kelvin', 'Winnie', 'Jason', 'Karen', 'Raymond', 'Vivian', 'Eric', 'Joyce'],
    last: ['Chan', 'Wong', 'Lee', 'Cheung', 'Lau', 'Ng', 'Tan', 'Lim', 'Ho', 'Leung'],
  },
  ar: {
    first: ['Omar', 'Layla', 'Khalid', 'Noor', 'Rashid', 'Mariam', 'Faisal', 'Huda', 'Tariq', 'Salma'],
    last: ['Al Mansoori', 'Al Hashimi', 'Haddad', 'Khoury', 'Nasser', 'Al Suwaidi', 'Saleh', 'Farouk', 'Al Qasimi', 'Aziz'],
  },
};

// ---------------------------------------------------------------- phones

const mk = (spec: PhoneSpec): PhoneSpec => spec;

const PHONES: Record<string, PhoneSpec> = {
  US: mk({ cc: '1', trunk: '', nsn: (r) => r.pick(['212', '646', '917', '310', '323', '305', '312', '415', '214', '404', '617', '202', '843', '518', '561']) + String(r.int(2, 9)) + digits(r, 2) + digits(r, 4), natGroups: [3, 3, 4], intlGroups: [3, 3, 4], natSep: '-', us: true }),
  CA: mk({ cc: '1', trunk: '', nsn: (r) => r.pick(['416', '647', '514', '438', '604', '778']) + String(r.int(2, 9)) + digits(r, 6), natGroups: [3, 3, 4], intlGroups: [3, 3, 4], natSep: '-', us: true }),
  GB: mk({ cc: '44', trunk: '0', nsn: (r) => (r.chance(0.8) ? '7' + String(r.int(4, 9)) + digits(r, 8) : '207946' + '0' + digits(r, 3)), natGroups: [5, 3, 3], intlGroups: [4, 3, 3], natSep: ' ' }),
  IE: mk({ cc: '353', trunk: '0', nsn: (r) => '8' + r.pick(['3', '5', '6', '7']) + digits(r, 7), natGroups: [3, 3, 4], intlGroups: [2, 3, 4], natSep: ' ' }),
  FR: mk({ cc: '33', trunk: '0', nsn: (r) => (r.chance(0.85) ? r.pick(['6', '7']) : r.pick(['1', '4'])) + digits(r, 8), natGroups: [2, 2, 2, 2, 2], intlGroups: [1, 2, 2, 2, 2], natSep: ' ' }),
  MC: mk({ cc: '377', trunk: '', nsn: (r) => '6' + digits(r, 8), natGroups: [1, 2, 2, 2, 2], intlGroups: [1, 2, 2, 2, 2], natSep: ' ' }),
  IT: mk({ cc: '39', trunk: '', nsn: (r) => (r.chance(0.85) ? '3' + r.pick(['33', '35', '38', '39', '47', '48', '49', '40', '66', '92']) + digits(r, 7) : '02' + digits(r, 8)), natGroups: [3, 3, 4], intlGroups: [3, 3, 4], natSep: ' ' }),
  DE: mk({ cc: '49', trunk: '0', nsn: (r) => '1' + r.pick(['51', '52', '60', '62', '70', '71', '72', '73', '76', '77']) + digits(r, 7), natGroups: [4, 7], intlGroups: [3, 7], natSep: ' ' }),
  AT: mk({ cc: '43', trunk: '0', nsn: (r) => '6' + r.pick(['64', '76', '60', '99']) + digits(r, 7), natGroups: [4, 7], intlGroups: [3, 7], natSep: ' ' }),
  CH: mk({ cc: '41', trunk: '0', nsn: (r) => '7' + r.pick(['6', '7', '8', '9']) + digits(r, 7), natGroups: [3, 3, 2, 2], intlGroups: [2, 3, 2, 2], natSep: ' ' }),
  ES: mk({ cc: '34', trunk: '', nsn: (r) => r.pick(['6', '6', '7']) + digits(r, 8), natGroups: [3, 3, 3], intlGroups: [3, 2, 2, 2], natSep: ' ' }),
  NL: mk({ cc: '31', trunk: '0', nsn: (r) => '6' + digits(r, 8), natGroups: [2, 8], intlGroups: [1, 4, 4], natSep: '-' }),
  BE: mk({ cc: '32', trunk: '0', nsn: (r) => '4' + r.pick(['70', '71', '72', '73', '75', '76', '77', '78', '79', '85', '86', '94', '95', '96', '97', '98']) + digits(r, 6), natGroups: [4, 2, 2, 2], intlGroups: [3, 2, 2, 2], natSep: ' ' }),
  LU: mk({ cc: '352', trunk: '', nsn: (r) => '6' + r.pick(['21', '28', '61', '91']) + digits(r, 6), natGroups: [3, 3, 3], intlGroups: [3, 3, 3], natSep: ' ' }),
  DK: mk({ cc: '45', trunk: '', nsn: (r) => r.pick(['2', '3', '4', '5']) + digits(r, 7), natGroups: [2, 2, 2, 2], intlGroups: [2, 2, 2, 2], natSep: ' ' }),
  SE: mk({ cc: '46', trunk: '0', nsn: (r) => '7' + r.pick(['0', '2', '3', '6']) + digits(r, 7), natGroups: [3, 3, 2, 2], intlGroups: [2, 3, 2, 2], natSep: ' ' }),
  NO: mk({ cc: '47', trunk: '', nsn: (r) => r.pick(['4', '9']) + digits(r, 7), natGroups: [3, 2, 3], intlGroups: [3, 2, 3], natSep: ' ' }),
  PT: mk({ cc: '351', trunk: '', nsn: (r) => '9' + r.pick(['1', '2', '3', '6']) + digits(r, 7), natGroups: [3, 3, 3], intlGroups: [3, 3, 3], natSep: ' ' }),
  AU: mk({ cc: '61', trunk: '0', nsn: (r) => '4' + digits(r, 8), natGroups: [4, 3, 3], intlGroups: [3, 3, 3], natSep: ' ' }),
  HK: mk({ cc: '852', trunk: '', nsn: (r) => r.pick(['5', '6', '9']) + digits(r, 7), natGroups: [4, 4], intlGroups: [4, 4], natSep: ' ' }),
  SG: mk({ cc: '65', trunk: '', nsn: (r) => r.pick(['8', '9']) + digits(r, 7), natGroups: [4, 4], intlGroups: [4, 4], natSep: ' ' }),
  AE: mk({ cc: '971', trunk: '0', nsn: (r) => '5' + r.pick(['0', '2', '5', '6']) + digits(r, 7), natGroups: [3, 3, 4], intlGroups: [2, 3, 4], natSep: ' ' }),
  JP: mk({ cc: '81', trunk: '0', nsn: (r) => r.pick(['90', '80', '70']) + digits(r, 8), natGroups: [3, 4, 4], intlGroups: [2, 4, 4], natSep: '-' }),
  MX: mk({ cc: '52', trunk: '', nsn: (r) => '55' + digits(r, 8), natGroups: [2, 4, 4], intlGroups: [2, 4, 4], natSep: ' ' }),
  AR: mk({ cc: '54', trunk: '', nsn: (r) => '911' + digits(r, 8), natGroups: [1, 2, 4, 4], intlGroups: [1, 2, 4, 4], natSep: ' ' }),
};

export interface Phone {
  spec: PhoneSpec;
  nsn: string;
}

function group(s: string, sizes: readonly number[], sep: string): string {
  const out: string[] = [];
  let i = 0;
  for (const n of sizes) {
    if (i >= s.length) break;
    out.push(s.slice(i, i + n));
    i += n;
  }
  if (i < s.length) out.push(s.slice(i));
  return out.join(sep);
}

export function nationalDigits(p: Phone): string {
  return p.spec.trunk + p.nsn;
}

export function formatNational(p: Phone): string {
  if (p.spec.us) return `(${p.nsn.slice(0, 3)}) ${p.nsn.slice(3, 6)}-${p.nsn.slice(6)}`;
  if (p.spec.cc === '44' && p.nsn.startsWith('20')) return `020 ${p.nsn.slice(2, 6)} ${p.nsn.slice(6)}`;
  return group(nationalDigits(p), p.spec.natGroups, p.spec.natSep);
}

export function formatIntl(p: Phone, compact = false): string {
  if (compact) return `+${p.spec.cc}${p.nsn}`;
  if (p.spec.cc === '44' && p.nsn.startsWith('20')) return `+44 20 ${p.nsn.slice(2, 6)} ${p.nsn.slice(6)}`;
  return `+${p.spec.cc} ${group(p.nsn, p.spec.intlGroups, ' ')}`;
}

export function formatUsDashed(p: Phone, sep: string): string {
  return group(p.nsn, [3, 3, 4], sep);
}

export function newPhone(rng: Rng, country: Country): Phone {
  return { spec: country.phone, nsn: country.phone.nsn(rng) };
}

// ---------------------------------------------------------------- IBAN

function mod97(numeric: string): number {
  let r = 0;
  for (let i = 0; i < numeric.length; i += 7) r = Number(String(r) + numeric.slice(i, i + 7)) % 97;
  return r;
}

/** A syntactically valid IBAN (ISO 13616 check digits) for the country, grouped by four. */
export function newIban(rng: Rng, country: Country): string | undefined {
  if (!country.bban) return undefined;
  const bban = country.bban(rng);
  const rearranged = bban + country.code + '00';
  const numeric = rearranged.replace(/[A-Z]/g, (ch) => String(ch.charCodeAt(0) - 55));
  const check = String(98 - mod97(numeric)).padStart(2, '0');
  const iban = country.code + check + bban;
  return iban.replace(/(.{4})/g, '$1 ').trim();
}

export function ibanBic(country: Country, iban: string): string {
  const compact = iban.replace(/ /g, '');
  const letters = compact.slice(4, 8);
  if (/^[A-Z]{4}$/.test(letters)) return `${letters}${country.code}2X`;
  const banks: Record<string, string> = { FR: 'BNPAFRPP', DE: 'COBADEFF', IT: 'BCITITMM', ES: 'CAIXESBB', BE: 'GEBABEBB', CH: 'UBSWCHZH', AT: 'BKAUATWW', DK: 'DABADKKK', PT: 'BCOMPTPL', LU: 'BCEELULL', MC: 'CFMOMCMX', SE: 'ESSESESS', NO: 'DNBANOKK', IE: 'AIBKIE2D' };
  return banks[country.code] ?? 'BANK' + country.code + '2X';
}

// ---------------------------------------------------------------- countries

const C = (c: Country): Country => c;

export const COUNTRIES: Record<string, Country> = {
  US: C({
    code: 'US', currency: 'USD', culture: 'en', speaks: [['en', 1]], tld: 'com', address: 'us',
    zones: [['America/New_York', 6], ['America/Los_Angeles', 3], ['America/Chicago', 2]],
    mailProviders: ['gmail.com', 'gmail.com', 'yahoo.com', 'icloud.com', 'outlook.com', 'aol.com', 'me.com'],
    phone: PHONES.US as PhoneSpec,
    region: ['Connecticut', 'the Hamptons', 'upstate New York', 'Palm Beach', 'Pasadena', 'Charleston', 'the Hudson Valley'],
    cities: [
      { name: 'New York', zone: 'America/New_York', region: 'NY', post: '100##', streets: ['East 72nd Street', 'Madison Avenue', 'West 11th Street', 'Park Avenue', 'Greenwich Street', 'East 61st Street', 'Bleecker Street'] },
      { name: 'Los Angeles', zone: 'America/Los_Angeles', region: 'CA', post: '900##', streets: ['Melrose Place', 'North La Cienega Boulevard', 'South Robertson Boulevard', 'Beverly Boulevard'] },
      { name: 'Chicago', zone: 'America/Chicago', region: 'IL', post: '606##', streets: ['North State Street', 'West Armitage Avenue', 'North Wells Street'] },
      { name: 'Miami', zone: 'America/New_York', region: 'FL', post: '331##', streets: ['NE 40th Street', 'Brickell Avenue', 'Collins Avenue'] },
      { name: 'San Francisco', zone: 'America/Los_Angeles', region: 'CA', post: '941##', streets: ['Jackson Street', 'Sacramento Street', 'Fillmore Street'] },
      { name: 'Houston', zone: 'America/Chicago', region: 'TX', post: '770##', streets: ['Westheimer Road', 'Kirby Drive'] },
      { name: 'Dallas', zone: 'America/Chicago', region: 'TX', post: '752##', streets: ['Dragon Street', 'McKinney Avenue'] },
      { name: 'Palm Beach', zone: 'America/New_York', region: 'FL', post: '33480', streets: ['Worth Avenue', 'South County Road'] },
      { name: 'Atlanta', zone: 'America/New_York', region: 'GA', post: '303##', streets: ['Miami Circle', 'Peachtree Road'] },
      { name: 'Boston', zone: 'America/New_York', region: 'MA', post: '021##', streets: ['Charles Street', 'Newbury Street'] },
      { name: 'Hudson', zone: 'America/New_York', region: 'NY', post: '12534', streets: ['Warren Street', 'Columbia Street'] },
      { name: 'Charleston', zone: 'America/New_York', region: 'SC', post: '294##', streets: ['King Street', 'Meeting Street'] },
      { name: 'Washington', zone: 'America/New_York', region: 'DC', post: '200##', streets: ['P Street NW', 'Wisconsin Avenue NW'] },
      { name: 'Aspen', zone: 'America/Denver', region: 'CO', post: '81611', streets: ['East Hopkins Avenue', 'South Galena Street'] },
    ],
  }),
  CA: C({
    code: 'CA', currency: 'CAD', culture: 'en', speaks: [['en', 4], ['fr', 1]], tld: 'ca', address: 'us',
    zones: [['America/Toronto', 3], ['America/Vancouver', 1]],
    mailProviders: ['gmail.com', 'outlook.com', 'yahoo.ca', 'videotron.ca'],
    phone: PHONES.CA as PhoneSpec,
    cities: [
      { name: 'Toronto', zone: 'America/Toronto', region: 'ON', post: 'M5R #K#', streets: ['Yorkville Avenue', 'Queen Street West'] },
      { name: 'Montreal', names: { fr: 'Montréal' }, zone: 'America/Toronto', region: 'QC', post: 'H2V #L#', streets: ['Avenue Laurier Ouest', 'Rue Notre-Dame Ouest'] },
      { name: 'Vancouver', zone: 'America/Vancouver', region: 'BC', post: 'V6J #B#', streets: ['West 4th Avenue', 'South Granville Street'] },
    ],
  }),
  GB: C({
    code: 'GB', currency: 'GBP', culture: 'en', speaks: [['en', 1]], tld: 'co.uk', address: 'uk',
    zones: [['Europe/London', 1]],
    mailProviders: ['gmail.com', 'gmail.com', 'btinternet.com', 'hotmail.co.uk', 'icloud.com', 'outlook.com', 'yahoo.co.uk'],
    phone: PHONES.GB as PhoneSpec,
    bban: (r) => r.pick(['BARC', 'HBUK', 'LOYD', 'NWBK', 'MIDL', 'SRLG']) + digits(r, 6) + digits(r, 8),
    region: ['the Cotswolds', 'a country house in Norfolk', 'Sussex', 'a Scottish estate', 'Yorkshire', 'Somerset'],
    cities: [
      { name: 'London', names: { fr: 'Londres', it: 'Londra', es: 'Londres', nl: 'Londen' }, post: 'W11 #AJ|SW3 #PT|NW1 #NH|W8 #QA|SW6 #RL|N1 #BX', streets: ['Kensington Church Street', 'Pimlico Road', 'Lots Road', 'Portobello Road', "King's Road", 'Marylebone High Street', 'Upper Street', 'Elgin Crescent', 'Ledbury Road'] },
      { name: 'Edinburgh', names: { fr: 'Édimbourg', it: 'Edimburgo', es: 'Edimburgo' }, post: 'EH3 #QW', streets: ['Dundas Street', 'Thistle Street'] },
      { name: 'Bath', post: 'BA1 #LR', streets: ['Walcot Street', 'Bartlett Street'] },
      { name: 'Brighton', post: 'BN1 #GE', streets: ['Kensington Gardens', 'Upper North Street'] },
      { name: 'Oxford', post: 'OX2 #DA', streets: ['Walton Street', 'Little Clarendon Street'] },
      { name: 'Cheltenham', post: 'GL50 #ST', streets: ['Suffolk Road', 'Montpellier Walk'] },
      { name: 'Manchester', post: 'M2 #WB', streets: ['King Street', 'Oldham Street'] },
      { name: 'Harrogate', post: 'HG1 #EX', streets: ['Montpellier Parade', 'Swan Road'] },
    ],
  }),
  IE: C({
    code: 'IE', currency: 'EUR', culture: 'en', speaks: [['en', 1]], tld: 'ie', address: 'uk',
    zones: [['Europe/Dublin', 1]], mailProviders: ['gmail.com', 'eircom.net', 'outlook.com'],
    phone: PHONES.IE as PhoneSpec,
    bban: (r) => r.pick(['AIBK', 'BOFI']) + digits(r, 6) + digits(r, 8),
    cities: [{ name: 'Dublin', names: { it: 'Dublino', es: 'Dublín' }, post: 'D02 X#K#', streets: ['Francis Street', 'Merrion Square', 'Baggot Street Lower'] }],
  }),
  FR: C({
    code: 'FR', currency: 'EUR', culture: 'fr', speaks: [['fr', 1]], tld: 'fr', address: 'eu_number_first',
    zones: [['Europe/Paris', 1]],
    mailProviders: ['gmail.com', 'orange.fr', 'free.fr', 'wanadoo.fr', 'laposte.net', 'sfr.fr', 'hotmail.fr', 'yahoo.fr'],
    phone: PHONES.FR as PhoneSpec,
    bban: (r) => digits(r, 5) + digits(r, 5) + digits(r, 11) + digits(r, 2),
    region: ['a château in the Loire Valley', 'a Parisian apartment on the Left Bank', 'a villa on the Côte d’Azur', 'a manor house in Normandy', 'a collection in Lyon'],
    cities: [
      { name: 'Paris', names: { it: 'Parigi' }, post: '750##', streets: ['rue de Lille', 'rue Jacob', 'rue du Faubourg Saint-Honoré', 'boulevard Haussmann', 'rue de Seine', 'quai Voltaire', 'rue du Bac', 'avenue Mozart', 'rue de Grenelle'] },
      { name: 'Saint-Ouen', post: '93400', streets: ['rue des Rosiers', 'rue Paul Bert', 'rue Jules Vallès'] },
      { name: 'Lyon', names: { it: 'Lione' }, post: '6900#', streets: ['rue Auguste Comte', 'quai Saint-Antoine', 'rue de Brest'] },
      { name: 'Marseille', names: { it: 'Marsiglia', es: 'Marsella' }, post: '1300#', streets: ['rue Paradis', 'rue Edmond Rostand'] },
      { name: 'Bordeaux', names: { es: 'Burdeos' }, post: '33000', streets: ['rue Notre-Dame', 'cours de l’Intendance'] },
      { name: "L'Isle-sur-la-Sorgue", post: '84800', streets: ['avenue des Quatre Otages', 'quai de la Charité'] },
      { name: 'Nice', names: { it: 'Nizza', es: 'Niza' }, post: '0600#', streets: ['rue Catherine Ségurane', 'boulevard Victor Hugo'] },
      { name: 'Lille', post: '59000', streets: ['rue de la Monnaie', 'rue Esquermoise'] },
      { name: 'Toulouse', names: { it: 'Tolosa' }, post: '3100#', streets: ['rue Pharaon', 'rue des Filatiers'] },
    ],
  }),
  MC: C({
    code: 'MC', currency: 'EUR', culture: 'fr', speaks: [['fr', 2], ['en', 1]], tld: 'mc', address: 'eu_number_first',
    zones: [['Europe/Monaco', 1]], mailProviders: ['gmail.com', 'monaco.mc'],
    phone: PHONES.MC as PhoneSpec,
    bban: (r) => digits(r, 5) + digits(r, 5) + digits(r, 11) + digits(r, 2),
    cities: [{ name: 'Monaco', post: '98000', streets: ['boulevard des Moulins', 'avenue Princesse Grace'] }],
  }),
  IT: C({
    code: 'IT', currency: 'EUR', culture: 'it', speaks: [['it', 1]], tld: 'it', address: 'eu_street_first',
    zones: [['Europe/Rome', 1]],
    mailProviders: ['gmail.com', 'libero.it', 'alice.it', 'virgilio.it', 'tiscali.it', 'hotmail.it', 'yahoo.it'],
    phone: PHONES.IT as PhoneSpec,
    bban: (r) => upper(r, 1) + digits(r, 5) + digits(r, 5) + digits(r, 12),
    region: ['a villa on Lake Como', 'a palazzo in Venice', 'a Milanese apartment', 'a Tuscan estate', 'a collection in Turin'],
    cities: [
      { name: 'Milan', names: { it: 'Milano', fr: 'Milan', de: 'Mailand', es: 'Milán', nl: 'Milaan' }, post: '201##', streets: ['Via della Spiga', 'Corso Magenta', 'Via Brera', 'Via Santo Spirito', 'Corso di Porta Romana'] },
      { name: 'Rome', names: { it: 'Roma', de: 'Rom', es: 'Roma' }, post: '001##', streets: ['Via del Babuino', 'Via Margutta', 'Via dei Coronari', 'Via Giulia'] },
      { name: 'Florence', names: { it: 'Firenze', de: 'Florenz', es: 'Florencia' }, post: '501##', streets: ['Via Maggio', 'Borgo Ognissanti', 'Via dei Fossi'] },
      { name: 'Turin', names: { it: 'Torino', es: 'Turín', nl: 'Turijn' }, post: '101##', streets: ['Via Po', 'Via Maria Vittoria'] },
      { name: 'Venice', names: { it: 'Venezia', fr: 'Venise', de: 'Venedig', es: 'Venecia', nl: 'Venetië' }, post: '301##', streets: ['Calle Larga XXII Marzo', 'Dorsoduro'] },
      { name: 'Bologna', names: { es: 'Bolonia' }, post: '401##', streets: ['Via Santo Stefano', 'Via Castiglione'] },
      { name: 'Naples', names: { it: 'Napoli', de: 'Neapel', es: 'Nápoles', nl: 'Napels' }, post: '801##', streets: ['Via Chiaia', 'Via dei Mille'] },
      { name: 'Lucca', post: '55100', streets: ['Via del Fosso', 'Via Fillungo'] },
      { name: 'Como', post: '22100', streets: ['Via Vittorio Emanuele II', 'Via Borgovico'] },
    ],
  }),
  DE: C({
    code: 'DE', currency: 'EUR', culture: 'de', speaks: [['de', 1]], tld: 'de', address: 'eu_street_first',
    zones: [['Europe/Berlin', 1]],
    mailProviders: ['gmail.com', 'gmx.de', 'web.de', 't-online.de', 'gmx.net', 'posteo.de', 'outlook.de'],
    phone: PHONES.DE as PhoneSpec,
    bban: (r) => digits(r, 8) + digits(r, 10),
    region: ['a Munich collection', 'a villa on the Starnberger See', 'a Hamburg shipping family', 'a Rhineland estate'],
    cities: [
      { name: 'Munich', names: { de: 'München', nl: 'München', it: 'Monaco di Baviera', es: 'Múnich' }, post: '80###', streets: ['Maximilianstraße', 'Türkenstraße', 'Theresienstraße', 'Ludwigstraße'] },
      { name: 'Berlin', names: { it: 'Berlino', es: 'Berlín', nl: 'Berlijn' }, post: '10###', streets: ['Kantstraße', 'Auguststraße', 'Fasanenstraße', 'Linienstraße'] },
      { name: 'Hamburg', names: { fr: 'Hambourg', it: 'Amburgo', es: 'Hamburgo' }, post: '20###', streets: ['ABC-Straße', 'Eppendorfer Weg', 'Mittelweg'] },
      { name: 'Cologne', names: { de: 'Köln', it: 'Colonia', es: 'Colonia', nl: 'Keulen' }, post: '50###', streets: ['Neumarkt', 'Antwerpener Straße'] },
      { name: 'Düsseldorf', names: { fr: 'Düsseldorf' }, post: '40###', streets: ['Königsallee', 'Bilker Straße'] },
      { name: 'Frankfurt', names: { it: 'Francoforte', es: 'Fráncfort' }, post: '60###', streets: ['Braubachstraße', 'Schweizer Straße'] },
      { name: 'Stuttgart', names: { it: 'Stoccarda' }, post: '70###', streets: ['Calwer Straße', 'Königstraße'] },
      { name: 'Leipzig', names: { it: 'Lipsia' }, post: '04###', streets: ['Gottschedstraße', 'Karl-Liebknecht-Straße'] },
    ],
  }),
  AT: C({
    code: 'AT', currency: 'EUR', culture: 'de', speaks: [['de', 1]], tld: 'at', address: 'eu_street_first',
    zones: [['Europe/Vienna', 1]], mailProviders: ['gmail.com', 'gmx.at', 'aon.at', 'chello.at'],
    phone: PHONES.AT as PhoneSpec,
    bban: (r) => digits(r, 5) + digits(r, 11),
    region: ['a Viennese family collection', 'an estate near Salzburg'],
    cities: [
      { name: 'Vienna', names: { de: 'Wien', fr: 'Vienne', es: 'Viena', nl: 'Wenen' }, post: '10#0', streets: ['Dorotheergasse', 'Spiegelgasse', 'Schleifmühlgasse'] },
      { name: 'Salzburg', names: { it: 'Salisburgo', es: 'Salzburgo' }, post: '5020', streets: ['Getreidegasse', 'Linzer Gasse'] },
    ],
  }),
  CH: C({
    code: 'CH', currency: 'CHF', culture: 'de', speaks: [['de', 3], ['fr', 2], ['it', 1]], tld: 'ch', address: 'eu_street_first',
    zones: [['Europe/Zurich', 1]], mailProviders: ['gmail.com', 'bluewin.ch', 'gmx.ch', 'sunrise.ch'],
    phone: PHONES.CH as PhoneSpec,
    bban: (r) => digits(r, 5) + digits(r, 12),
    region: ['a Geneva private collection', 'a chalet in Gstaad', 'a Zurich family'],
    cities: [
      { name: 'Zurich', names: { de: 'Zürich', nl: 'Zürich', it: 'Zurigo', es: 'Zúrich' }, post: '80##', streets: ['Rämistrasse', 'Kirchgasse', 'Zeltweg'] },
      { name: 'Geneva', names: { fr: 'Genève', de: 'Genf', it: 'Ginevra', es: 'Ginebra', nl: 'Genève' }, post: '12##', streets: ['Grand-Rue', 'rue du Rhône', 'rue des Granges'] },
      { name: 'Basel', names: { fr: 'Bâle', it: 'Basilea', es: 'Basilea', nl: 'Bazel' }, post: '40##', streets: ['Spalenberg', 'Rheinsprung'] },
      { name: 'Lausanne', names: { it: 'Losanna' }, post: '1003', streets: ['rue de Bourg', 'avenue de Rumine'] },
    ],
  }),
  ES: C({
    code: 'ES', currency: 'EUR', culture: 'es', speaks: [['es', 1]], tld: 'es', address: 'eu_street_first',
    zones: [['Europe/Madrid', 1]],
    mailProviders: ['gmail.com', 'hotmail.es', 'yahoo.es', 'telefonica.net', 'outlook.es'],
    phone: PHONES.ES as PhoneSpec,
    bban: (r) => digits(r, 4) + digits(r, 4) + digits(r, 2) + digits(r, 10),
    region: ['a finca in Mallorca', 'a Madrid family collection', 'a house in Seville', 'a Catalan estate'],
    cities: [
      { name: 'Madrid', post: '280##', streets: ['Calle de Serrano', 'Calle del Prado', 'Calle de Claudio Coello', 'Calle de Almirante', 'Calle de Jorge Juan'] },
      { name: 'Barcelona', names: { fr: 'Barcelone', it: 'Barcellona' }, post: '080##', streets: ['Carrer del Consell de Cent', 'Passeig de Gràcia', 'Carrer de la Palla'] },
      { name: 'Valencia', names: { fr: 'Valence' }, post: '460##', streets: ['Calle de Colón', 'Calle del Mar'] },
      { name: 'Seville', names: { es: 'Sevilla', fr: 'Séville', it: 'Siviglia', de: 'Sevilla', nl: 'Sevilla' }, post: '410##', streets: ['Calle Feria', 'Calle Placentines'] },
      { name: 'Málaga', post: '290##', streets: ['Calle Larios', 'Calle Granada'] },
      { name: 'Bilbao', post: '480##', streets: ['Calle Ercilla', 'Gran Vía'] },
      { name: 'Palma', post: '070##', streets: ['Carrer de Sant Feliu', 'Passeig des Born'] },
    ],
  }),
  PT: C({
    code: 'PT', currency: 'EUR', culture: 'pt', speaks: [['en', 1]], tld: 'pt', address: 'eu_street_first',
    zones: [['Europe/Lisbon', 1]], mailProviders: ['gmail.com', 'sapo.pt', 'outlook.pt'],
    phone: PHONES.PT as PhoneSpec,
    bban: (r) => digits(r, 4) + digits(r, 4) + digits(r, 11) + digits(r, 2),
    cities: [
      { name: 'Lisbon', names: { fr: 'Lisbonne', it: 'Lisbona', de: 'Lissabon', es: 'Lisboa', nl: 'Lissabon' }, post: '1200-###', streets: ['Rua de São Bento', 'Rua da Escola Politécnica'] },
      { name: 'Porto', names: { fr: 'Porto', es: 'Oporto' }, post: '4050-###', streets: ['Rua Miguel Bombarda', 'Rua das Flores'] },
    ],
  }),
  NL: C({
    code: 'NL', currency: 'EUR', culture: 'nl', speaks: [['nl', 1]], tld: 'nl', address: 'eu_street_first',
    zones: [['Europe/Amsterdam', 1]],
    mailProviders: ['gmail.com', 'ziggo.nl', 'kpnmail.nl', 'hotmail.nl', 'xs4all.nl', 'outlook.com', 'planet.nl'],
    phone: PHONES.NL as PhoneSpec,
    bban: (r) => r.pick(['ABNA', 'INGB', 'RABO', 'TRIO', 'KNAB', 'SNSB']) + digits(r, 10),
    region: ['a canal house in Amsterdam', 'a villa in Wassenaar', 'a Dutch private collection', 'a country estate in Gelderland'],
    cities: [
      { name: 'Amsterdam', post: '10## ?X', streets: ['Spiegelgracht', 'Keizersgracht', 'Nieuwe Spiegelstraat', 'Prinsengracht', 'Herengracht'] },
      { name: 'Rotterdam', post: '30## ?L', streets: ['Witte de Withstraat', 'Nieuwe Binnenweg'] },
      { name: 'The Hague', names: { nl: 'Den Haag', de: 'Den Haag', fr: 'La Haye', it: "L'Aia", es: 'La Haya' }, post: '25## ?H', streets: ['Noordeinde', 'Denneweg', 'Lange Voorhout'] },
      { name: 'Utrecht', post: '35## ?K', streets: ['Oudegracht', 'Twijnstraat'] },
      { name: 'Maastricht', names: { fr: 'Maastricht' }, post: '62## ?C', streets: ['Stokstraat', 'Rechtstraat'] },
      { name: 'Haarlem', post: '20## ?V', streets: ['Gierstraat', 'Kleine Houtstraat'] },
    ],
  }),
  BE: C({
    code: 'BE', currency: 'EUR', culture: 'fr', speaks: [['fr', 1], ['nl', 1]], tld: 'be', address: 'eu_street_first',
    zones: [['Europe/Brussels', 1]],
    mailProviders: ['gmail.com', 'telenet.be', 'skynet.be', 'hotmail.be', 'proximus.be'],
    phone: PHONES.BE as PhoneSpec,
    bban: (r) => {
      const first = digits(r, 10);
      const chk = Number(BigInt(first) % 97n) || 97;
      return first + String(chk).padStart(2, '0');
    },
    region: ['a Brussels town house', 'a Flemish private collection', 'a villa in Knokke'],
    cities: [
      { name: 'Brussels', names: { fr: 'Bruxelles', nl: 'Brussel', it: 'Bruxelles', de: 'Brüssel', es: 'Bruselas' }, post: '10#0', streets: ['rue des Minimes', 'rue Ernest Allard', 'avenue Louise', 'rue de la Régence'] },
      { name: 'Antwerp', names: { nl: 'Antwerpen', de: 'Antwerpen', fr: 'Anvers', it: 'Anversa', es: 'Amberes' }, post: '2000', streets: ['Kloosterstraat', 'Leopoldstraat', 'Sint-Jacobsmarkt'] },
      { name: 'Ghent', names: { nl: 'Gent', de: 'Gent', fr: 'Gand', it: 'Gand', es: 'Gante' }, post: '9000', streets: ['Onderbergen', 'Burgstraat'] },
      { name: 'Bruges', names: { nl: 'Brugge', de: 'Brügge', es: 'Brujas' }, post: '8000', streets: ['Dijver', 'Sint-Jakobsstraat'] },
      { name: 'Knokke', post: '8300', streets: ['Kustlaan', 'Lippenslaan'] },
      { name: 'Liège', names: { nl: 'Luik', de: 'Lüttich', it: 'Liegi', es: 'Lieja' }, post: '4000', streets: ['rue Hors-Château', 'rue Féronstrée'] },
    ],
  }),
  LU: C({
    code: 'LU', currency: 'EUR', culture: 'fr', speaks: [['fr', 2], ['de', 1]], tld: 'lu', address: 'eu_number_first',
    zones: [['Europe/Luxembourg', 1]], mailProviders: ['gmail.com', 'pt.lu', 'internet.lu'],
    phone: PHONES.LU as PhoneSpec,
    bban: (r) => digits(r, 3) + digits(r, 13),
    cities: [{ name: 'Luxembourg', names: { de: 'Luxemburg', it: 'Lussemburgo', es: 'Luxemburgo', nl: 'Luxemburg' }, post: 'L-1###', streets: ['Grand-Rue', 'avenue de la Porte-Neuve'] }],
  }),
  DK: C({
    code: 'DK', currency: 'DKK', culture: 'nordic', speaks: [['en', 1]], tld: 'dk', address: 'eu_street_first',
    zones: [['Europe/Copenhagen', 1]], mailProviders: ['gmail.com', 'mail.dk', 'hotmail.dk', 'outlook.dk'],
    phone: PHONES.DK as PhoneSpec,
    bban: (r) => digits(r, 4) + digits(r, 10),
    region: ['a Copenhagen architect’s estate', 'a summer house in North Zealand'],
    cities: [
      { name: 'Copenhagen', names: { fr: 'Copenhague', it: 'Copenaghen', de: 'Kopenhagen', es: 'Copenhague', nl: 'Kopenhagen' }, post: '1###', streets: ['Bredgade', 'Store Kongensgade', 'Ravnsborggade'] },
      { name: 'Aarhus', post: '8000', streets: ['Mejlgade', 'Jægergårdsgade'] },
    ],
  }),
  SE: C({
    code: 'SE', currency: 'SEK', culture: 'nordic', speaks: [['en', 1]], tld: 'se', address: 'eu_street_first',
    zones: [['Europe/Stockholm', 1]], mailProviders: ['gmail.com', 'telia.com', 'hotmail.se'],
    phone: PHONES.SE as PhoneSpec,
    bban: (r) => digits(r, 3) + digits(r, 17),
    cities: [
      { name: 'Stockholm', names: { it: 'Stoccolma', es: 'Estocolmo' }, post: '11# ##', streets: ['Strandvägen', 'Hornsgatan', 'Sibyllegatan'] },
      { name: 'Gothenburg', names: { fr: 'Göteborg', de: 'Göteborg', it: 'Göteborg', es: 'Gotemburgo', nl: 'Göteborg' }, post: '41# ##', streets: ['Magasinsgatan', 'Linnégatan'] },
    ],
  }),
  NO: C({
    code: 'NO', currency: 'NOK', culture: 'nordic', speaks: [['en', 1]], tld: 'no', address: 'eu_street_first',
    zones: [['Europe/Oslo', 1]], mailProviders: ['gmail.com', 'online.no', 'hotmail.no'],
    phone: PHONES.NO as PhoneSpec,
    bban: (r) => digits(r, 4) + digits(r, 7),
    cities: [{ name: 'Oslo', post: '0###', streets: ['Frognerveien', 'Bygdøy allé'] }],
  }),
  AU: C({
    code: 'AU', currency: 'AUD', culture: 'en', speaks: [['en', 1]], tld: 'com.au', address: 'us',
    zones: [['Australia/Sydney', 1]], mailProviders: ['gmail.com', 'bigpond.com', 'outlook.com'],
    phone: PHONES.AU as PhoneSpec,
    cities: [
      { name: 'Sydney', names: { es: 'Sídney' }, region: 'NSW', post: '2021', streets: ['Queen Street', 'Oxford Street'] },
      { name: 'Melbourne', region: 'VIC', post: '3141', streets: ['Chapel Street', 'Toorak Road'] },
    ],
  }),
  HK: C({
    code: 'HK', currency: 'HKD', culture: 'zh', speaks: [['en', 1]], tld: 'com.hk', address: 'asia',
    zones: [['Asia/Hong_Kong', 1]], mailProviders: ['gmail.com', 'yahoo.com.hk', 'netvigator.com'],
    phone: PHONES.HK as PhoneSpec,
    cities: [{ name: 'Hong Kong', names: { fr: 'Hong Kong', it: 'Hong Kong', es: 'Hong Kong' }, post: '', streets: ['Hollywood Road, Sheung Wan', 'Wong Chuk Hang Road', 'Queen’s Road Central'] }],
  }),
  SG: C({
    code: 'SG', currency: 'SGD', culture: 'zh', speaks: [['en', 1]], tld: 'sg', address: 'asia',
    zones: [['Asia/Singapore', 1]], mailProviders: ['gmail.com', 'singnet.com.sg'],
    phone: PHONES.SG as PhoneSpec,
    cities: [{ name: 'Singapore', names: { fr: 'Singapour', it: 'Singapore', de: 'Singapur', es: 'Singapur', nl: 'Singapore' }, post: '24####', streets: ['Dempsey Road', 'Orchard Road', 'Tanglin Road'] }],
  }),
  AE: C({
    code: 'AE', currency: 'AED', culture: 'ar', speaks: [['en', 1]], tld: 'ae', address: 'asia',
    zones: [['Asia/Dubai', 1]], mailProviders: ['gmail.com', 'emirates.net.ae', 'outlook.com'],
    phone: PHONES.AE as PhoneSpec,
    cities: [{ name: 'Dubai', names: { fr: 'Dubaï', it: 'Dubai', es: 'Dubái' }, post: '', streets: ['Alserkal Avenue, Al Quoz', 'Jumeirah Beach Road', 'Emirates Hills'] }],
  }),
  JP: C({
    code: 'JP', currency: 'JPY', culture: 'ja', speaks: [['en', 1]], tld: 'jp', address: 'asia',
    zones: [['Asia/Tokyo', 1]], mailProviders: ['gmail.com', 'yahoo.co.jp', 'icloud.com'],
    phone: PHONES.JP as PhoneSpec,
    cities: [{ name: 'Tokyo', names: { fr: 'Tokyo', it: 'Tokyo', de: 'Tokio', es: 'Tokio', nl: 'Tokio' }, post: '10#-####', streets: ['Minami-Aoyama, Minato-ku', 'Daikanyama-cho, Shibuya-ku'] }],
  }),
  MX: C({
    code: 'MX', currency: 'MXN', culture: 'es', speaks: [['es', 1]], tld: 'com.mx', address: 'eu_street_first',
    zones: [['America/Mexico_City', 1]], mailProviders: ['gmail.com', 'hotmail.com', 'prodigy.net.mx'],
    phone: PHONES.MX as PhoneSpec,
    cities: [{ name: 'Mexico City', names: { es: 'Ciudad de México', fr: 'Mexico', it: 'Città del Messico', de: 'Mexiko-Stadt', nl: 'Mexico-Stad' }, post: '06700', streets: ['Calle Colima, Roma Norte', 'Avenida Presidente Masaryk, Polanco'] }],
  }),
  AR: C({
    code: 'AR', currency: 'ARS', culture: 'es', speaks: [['es', 1]], tld: 'com.ar', address: 'eu_street_first',
    zones: [['America/Argentina/Buenos_Aires', 1]], mailProviders: ['gmail.com', 'hotmail.com', 'fibertel.com.ar'],
    phone: PHONES.AR as PhoneSpec,
    cities: [{ name: 'Buenos Aires', post: 'C1425', streets: ['Avenida Alvear, Recoleta', 'Calle Defensa, San Telmo'] }],
  }),
};

/** Country names in each conversation language. */
export const COUNTRY_NAMES: Record<string, Record<DemoLang, string>> = {
  US: { en: 'the US', fr: 'les États-Unis', it: 'gli Stati Uniti', de: 'die USA', es: 'Estados Unidos', nl: 'de VS' },
  CA: { en: 'Canada', fr: 'le Canada', it: 'il Canada', de: 'Kanada', es: 'Canadá', nl: 'Canada' },
  GB: { en: 'the UK', fr: 'le Royaume-Uni', it: 'il Regno Unito', de: 'Großbritannien', es: 'Reino Unido', nl: 'het VK' },
  IE: { en: 'Ireland', fr: 'l’Irlande', it: 'l’Irlanda', de: 'Irland', es: 'Irlanda', nl: 'Ierland' },
  FR: { en: 'France', fr: 'la France', it: 'la Francia', de: 'Frankreich', es: 'Francia', nl: 'Frankrijk' },
  MC: { en: 'Monaco', fr: 'Monaco', it: 'Monaco', de: 'Monaco', es: 'Mónaco', nl: 'Monaco' },
  IT: { en: 'Italy', fr: 'l’Italie', it: 'l’Italia', de: 'Italien', es: 'Italia', nl: 'Italië' },
  DE: { en: 'Germany', fr: 'l’Allemagne', it: 'la Germania', de: 'Deutschland', es: 'Alemania', nl: 'Duitsland' },
  AT: { en: 'Austria', fr: 'l’Autriche', it: 'l’Austria', de: 'Österreich', es: 'Austria', nl: 'Oostenrijk' },
  CH: { en: 'Switzerland', fr: 'la Suisse', it: 'la Svizzera', de: 'die Schweiz', es: 'Suiza', nl: 'Zwitserland' },
  ES: { en: 'Spain', fr: 'l’Espagne', it: 'la Spagna', de: 'Spanien', es: 'España', nl: 'Spanje' },
  PT: { en: 'Portugal', fr: 'le Portugal', it: 'il Portogallo', de: 'Portugal', es: 'Portugal', nl: 'Portugal' },
  NL: { en: 'the Netherlands', fr: 'les Pays-Bas', it: 'i Paesi Bassi', de: 'die Niederlande', es: 'los Países Bajos', nl: 'Nederland' },
  BE: { en: 'Belgium', fr: 'la Belgique', it: 'il Belgio', de: 'Belgien', es: 'Bélgica', nl: 'België' },
  LU: { en: 'Luxembourg', fr: 'le Luxembourg', it: 'il Lussemburgo', de: 'Luxemburg', es: 'Luxemburgo', nl: 'Luxemburg' },
  DK: { en: 'Denmark', fr: 'le Danemark', it: 'la Danimarca', de: 'Dänemark', es: 'Dinamarca', nl: 'Denemarken' },
  SE: { en: 'Sweden', fr: 'la Suède', it: 'la Svezia', de: 'Schweden', es: 'Suecia', nl: 'Zweden' },
  NO: { en: 'Norway', fr: 'la Norvège', it: 'la Norvegia', de: 'Norwegen', es: 'Noruega', nl: 'Noorwegen' },
  AU: { en: 'Australia', fr: 'l’Australie', it: 'l’Australia', de: 'Australien', es: 'Australia', nl: 'Australië' },
  HK: { en: 'Hong Kong', fr: 'Hong Kong', it: 'Hong Kong', de: 'Hongkong', es: 'Hong Kong', nl: 'Hongkong' },
  SG: { en: 'Singapore', fr: 'Singapour', it: 'Singapore', de: 'Singapur', es: 'Singapur', nl: 'Singapore' },
  AE: { en: 'the UAE', fr: 'les Émirats', it: 'gli Emirati', de: 'die Emirate', es: 'los Emiratos', nl: 'de Emiraten' },
  JP: { en: 'Japan', fr: 'le Japon', it: 'il Giappone', de: 'Japan', es: 'Japón', nl: 'Japan' },
  MX: { en: 'Mexico', fr: 'le Mexique', it: 'il Messico', de: 'Mexiko', es: 'México', nl: 'Mexico' },
  AR: { en: 'Argentina', fr: 'l’Argentine', it: 'l’Argentina', de: 'Argentinien', es: 'Argentina', nl: 'Argentinië' },
};

export const EU_LIKE = new Set(['FR', 'MC', 'IT', 'DE', 'AT', 'ES', 'PT', 'NL', 'BE', 'LU', 'DK', 'SE', 'IE']);

export function country(code: string): Country {
  const c = COUNTRIES[code];
  if (!c) throw new Error(`unknown country ${code}`);
  return c;
}

export function cityName(city: City, lang: DemoLang): string {
  return city.names?.[lang] ?? city.name;
}

/** Fills `#` with digits, `?` with letters (postcodes). */
export function fillPattern(rng: Rng, pattern: string): string {
  const choice = pattern.includes('|') ? rng.pick(pattern.split('|')) : pattern;
  let out = '';
  for (const ch of choice) {
    if (ch === '#') out += String(rng.int(0, 9));
    else if (ch === '?') out += upper(rng, 1);
    else out += ch;
  }
  return out;
}

/** A street address in the local format, for post-purchase delivery messages. */
export function streetAddress(rng: Rng, c: Country, city: City, lang: DemoLang): string {
  const street = rng.pick(city.streets);
  const n = rng.int(1, 240);
  const post = fillPattern(rng, city.post);
  const name = cityName(city, lang);
  switch (c.address) {
    case 'us':
      return `${n} ${street}${rng.chance(0.4) ? `, Apt ${rng.int(2, 20)}${rng.pick(['A', 'B', 'C', 'F'])}` : ''}, ${name}, ${city.region ?? ''} ${post}`.replace(' ,', ',');
    case 'uk':
      return `${rng.chance(0.3) ? `Flat ${rng.int(1, 12)}, ` : ''}${n} ${street}, ${name} ${post}`;
    case 'eu_number_first':
      return `${n}${rng.chance(0.15) ? ' bis' : ''} ${street}, ${post} ${name}`;
    case 'eu_street_first':
      return `${street} ${n}, ${post} ${name}`.replace('  ', ' ');
    case 'asia':
      return `${rng.chance(0.5) ? `Flat ${rng.int(3, 30)}${rng.pick(['A', 'B', 'C', 'D'])}, ` : ''}${n} ${street}, ${name}${post ? ' ' + fillPattern(rng, post) : ''}`;
  }
}

/** Strips accents and spaces for e-mail local parts, handles and domain slugs. */
export function slugify(text: string, sep = ''): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[øØ]/g, 'o')
    .replace(/ß/g, 'ss')
    .replace(/&/g, ' and ')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .join(sep);
}
