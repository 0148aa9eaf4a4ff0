/**
 * Deterministic generator of Assay's labelled detection corpus (JSONL, format of
 * shared/corpora/README.md). Run: `npx tsx corpus/generate.ts` (writes corpus/dev.jsonl; the test
 * split corpus/test.jsonl is frozen: it is written only when absent, or with --refreeze).
 *
 * Labels follow Assay's definition (an attempt to move contact or payment off the marketplace),
 * written by the templates below, not by the detector. Spans are marked in templates as
 * ⟦kind|text⟧ and turned into UTF-16 offsets.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LANGS, POOLS, type Lang } from './lang-pools';

const HERE = dirname(fileURLToPath(import.meta.url));
const KINDS = ['phone', 'email', 'url', 'handle', 'iban', 'card', 'crypto', 'payment', 'intent'];

// ---------- deterministic randomness ----------
let seed = 20261101;
function rnd(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
const digitsN = (n: number): string => Array.from({ length: n }, () => String(int(0, 9))).join('');
const chance = (p: number): boolean => rnd() < p;

// ---------- markup ----------
interface Expect {
  kind: string;
  value: string;
  start: number;
  end: number;
}
function unmark(marked: string): { text: string; expect: Expect[] } {
  let text = '';
  const expect: Expect[] = [];
  const re = /⟦(\w+)\|([^⟧]*)⟧/g;
  let last = 0;
  for (let m = re.exec(marked); m !== null; m = re.exec(marked)) {
    text += marked.slice(last, m.index);
    const start = text.length;
    text += m[2];
    expect.push({ kind: m[1]!, value: m[2]!, start, end: text.length });
    last = m.index + m[0].length;
  }
  text += marked.slice(last);
  return { text, expect };
}
const M = (kind: string, text: string): string => `⟦${kind}|${text}⟧`;

// ---------- phone numbers (national digit strings known to be valid) ----------
const COUNTRY: Record<Lang, string[]> = { en: ['GB', 'US'], fr: ['FR', 'BE'], it: ['IT'], de: ['DE', 'AT'], es: ['ES'], nl: ['NL', 'BE'] };
const CC: Record<string, string> = { GB: '44', US: '1', FR: '33', BE: '32', IT: '39', DE: '49', AT: '43', ES: '34', NL: '31' };
const US_AREAS = ['212', '310', '312', '415', '617', '646', '702', '713', '305', '404', '206', '303'];

interface Phone {
  country: string;
  /** National significant number. */
  nsn: string;
  /** Trunk prefix for national format. */
  trunk: string;
  /** Group sizes of the national format (trunk included). */
  sizes: number[];
  groups: (n: string) => string[];
}
function chunk(n: string, sizes: number[]): string[] {
  const out: string[] = [];
  let i = 0;
  for (let k = 0; k < sizes.length && i < n.length; k++) {
    const size = k === sizes.length - 1 ? n.length - i : sizes[k]!;
    if (size > 0) out.push(n.slice(i, i + size));
    i += size;
  }
  return out;
}
function mk(country: string, nsn: string, trunk: string, sizes: number[]): Phone {
  return { country, nsn, trunk, sizes, groups: (n) => chunk(n, n.length === trunk.length + nsn.length ? sizes : [sizes[0]! - trunk.length, ...sizes.slice(1)]) };
}
function makePhone(country: string): Phone {
  switch (country) {
    case 'FR': {
      const nsn = pick(['6', '7']) + digitsN(8);
      return mk(country, nsn, '0', [2, 2, 2, 2, 2]);
    }
    case 'BE': {
      const nsn = '4' + pick(['70', '75', '77', '78', '85', '86', '96', '97', '98']) + digitsN(6);
      return mk(country, nsn, '0', [4, 2, 2, 2]);
    }
    case 'IT': {
      const nsn = '3' + pick(['20', '28', '33', '38', '40', '47', '48', '49', '66', '80', '88', '92']) + digitsN(7);
      return mk(country, nsn, '', [3, 3, 4]);
    }
    case 'DE': {
      const nsn = pick(['151', '160', '170', '171', '172', '176', '178']) + digitsN(8);
      return mk(country, nsn, '0', [4, 7]);
    }
    case 'AT': {
      const nsn = pick(['664', '660', '676', '699']) + digitsN(7);
      return mk(country, nsn, '0', [4, 6]);
    }
    case 'ES': {
      const nsn = pick(['6', '7']) + digitsN(8).replace(/^./, String(int(0, 9)));
      const fixed = nsn[0] === '7' ? '7' + pick(['1', '2', '3', '4']) + nsn.slice(2) : nsn;
      return mk(country, fixed, '', [3, 3, 3]);
    }
    case 'NL': {
      const nsn = '6' + pick(['1', '2', '3', '4', '5']) + digitsN(7);
      return mk(country, nsn, '0', [2, 2, 2, 2, 2]);
    }
    case 'GB': {
      const nsn = '7' + pick(['400', '500', '711', '723', '747', '766', '788', '795', '811', '912', '957', '984']) + digitsN(6);
      return mk(country, nsn, '0', [5, 6]);
    }
    default: {
      const nsn = pick(US_AREAS) + String(int(2, 9)) + digitsN(2) + digitsN(4);
      return mk('US', nsn, '', [3, 3, 4]);
    }
  }
}
const nationalDigits = (p: Phone): string => p.trunk + p.nsn;

function formatPhone(p: Phone, style: string, lang: Lang): string {
  const nat = nationalDigits(p);
  const pool = POOLS[lang];
  const natGroups = p.groups(nat);
  switch (style) {
    case 'intl':
      return `+${CC[p.country]} ${p.groups(p.nsn.length === nat.length ? p.nsn : p.nsn).join(' ')}`.replace(/ +/g, ' ');
    case 'intl00':
      return `00${CC[p.country]} ${p.nsn}`;
    case 'us_paren':
      return `(${nat.slice(0, 3)}) ${nat.slice(3, 6)}-${nat.slice(6)}`;
    case 'national':
      return natGroups.join(pick([' ', ' ', '.', '-']));
    case 'compact':
      return nat;
    case 'spelled':
      return [...nat].map((d) => pool.digits[Number(d)]).join(' ');
    case 'spelled_pairs': {
      const out: string[] = [];
      for (let i = 0; i < nat.length; ) {
        if (nat[i] === '0' || i + 1 >= nat.length) {
          out.push(pool.digits[Number(nat[i])]!);
          i++;
        } else {
          out.push(pool.tens(Number(nat.slice(i, i + 2))));
          i += 2;
        }
      }
      return out.join(' ');
    }
    case 'mixed':
      return natGroups.map((g, i) => (i % 2 === 1 ? [...g].map((d) => pool.digits[Number(d)]).join(' ') : g)).join(' ');
    case 'separators': {
      const sep = pick(['-', '.', ' ', '*', '/', ' - ', '_']);
      return [...nat].join(sep);
    }
    case 'fullwidth':
      return natGroups.map((g) => [...g].map((d) => String.fromCharCode(0xff10 + Number(d))).join('')).join(' ');
    case 'unicode': {
      const base = pick([0x0660, 0x0966, 0x1d7ce, 0x1d7ec]);
      return natGroups.map((g) => [...g].map((d) => String.fromCodePoint(base + Number(d))).join('')).join(' ');
    }
    case 'keycap':
      return [...nat].map((d) => `${d}\uFE0F\u20E3`).join('');
    case 'oli':
      return natGroups.map((g) => g.replace(/0/g, () => pick(['O', 'o', '0'])).replace(/1/g, () => pick(['l', 'I', '1']))).join(' ');
    case 'lines': {
      const k = Math.max(1, Math.floor(natGroups.length / 2));
      return natGroups.slice(0, k).join(' ') + '\n' + natGroups.slice(k).join(' ');
    }
    default:
      return nat;
  }
}

// ---------- lead-ins, per language; [text, isIntent] ----------
const PHONE_LEADS: Record<Lang, Array<[string, boolean]>> = {
  en: [['Call me on', true], ['Text me at', true], ['My number is', true], ['WhatsApp me on', true], ['You can reach me at', true], ['Tel:', false], ['Here:', false], ['', false], ['Ring me on', true], ['my mobile:', false]],
  fr: [['Appelez-moi au', true], ['Mon numéro est le', true], ['Mon portable :', false], ['Tél :', false], ['Voici :', false], ['', false], ['Écrivez-moi sur WhatsApp au', true]],
  it: [['Chiamami al', true], ['Il mio numero è', true], ['Cell:', false], ['Tel.', false], ['Ecco:', false], ['', false], ['Scrivimi su WhatsApp al', true]],
  de: [['Ruf mich an unter', true], ['Meine Nummer ist', true], ['Handy:', false], ['Tel.:', false], ['Hier:', false], ['', false], ['Schreib mir auf WhatsApp unter', true]],
  es: [['Llámame al', true], ['Mi número es', true], ['Móvil:', false], ['Tel:', false], ['Aquí:', false], ['', false], ['Escríbeme por WhatsApp al', true]],
  nl: [['Bel me op', true], ['Mijn nummer is', true], ['Mobiel:', false], ['Tel:', false], ['Hier:', false], ['', false], ['App me op', true]],
};

const EMAIL_LEADS: Record<Lang, Array<[string, boolean]>> = {
  en: [['Email me at', true], ['My email is', true], ['Write to me at', true], ['', false], ['contact:', false]],
  fr: [['Écrivez-moi à', true], ['Mon mail :', true], ['Mon adresse :', false], ['', false]],
  it: [['Scrivimi a', true], ['La mia email è', true], ['Indirizzo:', false], ['', false]],
  de: [['Schreiben Sie mir an', true], ['Meine E-Mail ist', true], ['Mail:', false], ['', false]],
  es: [['Escríbeme a', true], ['Mi correo es', true], ['Correo:', false], ['', false]],
  nl: [['Mail me op', true], ['Mijn e-mail is', true], ['Adres:', false], ['', false]],
};

const FIRST = ['marie', 'luca', 'hans', 'sofia', 'pieter', 'james', 'claire', 'giulia', 'lars', 'carmen', 'anna', 'tom'];
const LAST = ['dupont', 'rossi', 'muller', 'garcia', 'dejong', 'smith', 'martin', 'bianchi', 'weber', 'lopez', 'vos', 'brown'];
const PROVIDERS = ['gmail.com', 'hotmail.com', 'outlook.com', 'yahoo.fr', 'libero.it', 'gmx.de', 'web.de', 'orange.fr', 'icloud.com', 'hotmail.es', 'ziggo.nl', 'proton.me'];
const SHOPS = ['villa-antiques', 'galerie-moreau', 'antichita-rossi', 'kunsthandel-weber', 'antiguedades-lopez', 'antiek-devos', 'brown-fine-art', 'maison-lefevre'];
const TLD_BY_LANG: Record<Lang, string[]> = { en: ['com', 'co.uk', 'shop', 'art'], fr: ['fr', 'com', 'art'], it: ['it', 'com', 'shop'], de: ['de', 'com', 'gallery'], es: ['es', 'com', 'shop'], nl: ['nl', 'com', 'be'] };

function email(lang: Lang): { marked: string; intent: boolean } {
  const pool = POOLS[lang];
  const local = pick([`${pick(FIRST)}.${pick(LAST)}`, `${pick(FIRST)}${int(10, 99)}`, `${pick(LAST)}_${pick(FIRST)}`, pick(SHOPS), `${pick(FIRST)}.${pick(LAST)}${int(1, 9)}`]);
  const domain = chance(0.6) ? pick(PROVIDERS) : `${pick(SHOPS)}.${pick(TLD_BY_LANG[lang])}`;
  const style = pick(['plain', 'plain', 'spelled', 'bracket', 'spaced', 'lookalike', 'fullwidth']);
  let addr: string;
  const [host, ...rest] = domain.split('.');
  switch (style) {
    case 'spelled':
      addr = `${local} ${pool.at[0]} ${host} ${pool.dot[0]} ${rest.join(` ${pool.dot[0]} `)}`;
      break;
    case 'bracket':
      addr = `${local} ${pick(['[at]', '(at)', '{at}'])} ${host} ${pick(['[dot]', '(dot)', '[.]'])} ${rest.join(' (dot) ')}`;
      break;
    case 'spaced':
      addr = `${local} @ ${host} . ${rest.join(' . ')}`;
      break;
    case 'lookalike':
      addr = `${local}@${domain}`.replace(/a/, 'а').replace(/o/, 'о');
      break;
    case 'fullwidth':
      addr = `${local}＠${domain}`;
      break;
    default:
      addr = `${local}@${domain}`;
  }
  const [lead, leadIntent] = pick(EMAIL_LEADS[lang]);
  const leadMarked = lead === '' ? '' : (leadIntent ? M('intent', lead) : lead) + ' ';
  return { marked: `${leadMarked}${M('email', addr)}`, intent: leadIntent };
}

function url(lang: Lang): string {
  const shop = `${pick(SHOPS)}.${pick(TLD_BY_LANG[lang])}`;
  const pool = POOLS[lang];
  const style = pick(['https', 'www', 'bare', 'spelled', 'shortener', 'messenger', 'path']);
  const leads: Record<Lang, string[]> = {
    en: ['Have a look at', 'More pieces on my site', 'See', 'Cheaper on', 'Full catalogue:'],
    fr: ['Regardez sur', 'Plus de pièces sur mon site', 'Voir', 'Catalogue complet :'],
    it: ['Guardi su', 'Altri pezzi sul mio sito', 'Vedi', 'Catalogo completo:'],
    de: ['Schauen Sie auf', 'Mehr auf meiner Seite', 'Siehe', 'Katalog:'],
    es: ['Mire en', 'Más piezas en mi web', 'Ver', 'Catálogo completo:'],
    nl: ['Kijk op', 'Meer stukken op mijn site', 'Zie', 'Volledige catalogus:'],
  };
  let u: string;
  switch (style) {
    case 'https':
      u = `https://${shop}`;
      break;
    case 'www':
      u = `www.${shop}`;
      break;
    case 'path':
      u = `https://www.${shop}/${pick(['collection', 'catalogue', 'item/4471', 'shop?id=88'])}`;
      break;
    case 'spelled': {
      const [h, ...r] = shop.split('.');
      u = `${h} ${pick([pool.dot[0], 'dot', '(dot)', '[.]'])} ${r.join(' dot ')}`;
      break;
    }
    case 'shortener':
      u = `${pick(['https://bit.ly/', 'bit.ly/', 'https://tinyurl.com/', 'cutt.ly/'])}${pick(['3xK9aQ', 'villa22', 'ab12Cd', 'xq7Lm'])}`;
      break;
    case 'messenger':
      u = pick([`https://wa.me/${CC[pick(COUNTRY[lang])!]}${digitsN(9)}`, `t.me/${pick(SHOPS).replace('-', '_')}`, `instagram.com/${pick(SHOPS).replace('-', '.')}`]);
      break;
    default:
      u = shop;
  }
  return `${pick(leads[lang])} ${M('url', u)}`;
}

function handle(lang: Lang): string {
  const id = pick([`${pick(SHOPS).replace('-', '_')}`, `${pick(FIRST)}.${pick(LAST)}`, `${pick(LAST)}${int(10, 99)}`, `${pick(FIRST)}_antiques`]);
  const t: Record<Lang, string[]> = {
    en: ['Find me on Instagram: ⟦handle|@{id}⟧', 'My insta is ⟦handle|@{id}⟧', 'Telegram ⟦handle|@{id}⟧', 'WeChat ID: ⟦handle|{id}⟧', 'Add me on Skype: ⟦handle|{id}⟧', '⟦handle|@{id}⟧ on Instagram', 'Signal: ⟦handle|@{id}⟧', 'Line ID: ⟦handle|{id}⟧', 'Viber ⟦handle|@{id}⟧'],
    fr: ['Mon Instagram : ⟦handle|@{id}⟧', 'Telegram : ⟦handle|@{id}⟧', 'Ajoutez-moi sur WeChat, ID ⟦handle|{id}⟧', 'Skype : ⟦handle|{id}⟧', 'Suivez-moi ⟦handle|@{id}⟧ sur Insta'],
    it: ['Il mio Instagram è ⟦handle|@{id}⟧', 'Telegram: ⟦handle|@{id}⟧', 'WeChat ID: ⟦handle|{id}⟧', 'Skype: ⟦handle|{id}⟧', 'Mi trovi su Insta come ⟦handle|@{id}⟧'],
    de: ['Mein Instagram: ⟦handle|@{id}⟧', 'Telegram ⟦handle|@{id}⟧', 'WeChat-ID: ⟦handle|{id}⟧', 'Skype: ⟦handle|{id}⟧', 'Folg mir auf Insta ⟦handle|@{id}⟧'],
    es: ['Mi Instagram es ⟦handle|@{id}⟧', 'Telegram: ⟦handle|@{id}⟧', 'WeChat ID: ⟦handle|{id}⟧', 'Skype: ⟦handle|{id}⟧', 'Búscame en Insta ⟦handle|@{id}⟧'],
    nl: ['Mijn Instagram is ⟦handle|@{id}⟧', 'Telegram: ⟦handle|@{id}⟧', 'WeChat ID: ⟦handle|{id}⟧', 'Skype: ⟦handle|{id}⟧', 'Volg me op Insta ⟦handle|@{id}⟧'],
  };
  return pick(t[lang]).replace('{id}', id);
}

// ---------- IBAN, card, crypto (generated with their own checksums) ----------
function mod97(s: string): number {
  let r = 0;
  for (const c of s) r = (r * (/\d/.test(c) ? 10 : 100) + (/\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55)) % 97;
  return r;
}
const letters = (n: number): string => Array.from({ length: n }, () => String.fromCharCode(65 + int(0, 25))).join('');
function iban(country: string): string {
  const bban: Record<string, () => string> = {
    FR: () => digitsN(10) + digitsN(11) + digitsN(2),
    IT: () => letters(1) + digitsN(10) + digitsN(12),
    DE: () => digitsN(18),
    ES: () => digitsN(20),
    NL: () => letters(4) + digitsN(10),
    GB: () => letters(4) + digitsN(14),
    BE: () => digitsN(12),
    AT: () => digitsN(16),
  };
  const b = (bban[country] ?? bban.DE!)();
  const check = 98 - mod97(b + country + '00');
  return country + String(check).padStart(2, '0') + b;
}
const group4 = (s: string): string => s.match(/.{1,4}/g)!.join(' ');

function luhnComplete(prefix: string, len: number): string {
  const s = prefix + digitsN(len - prefix.length - 1);
  for (let d = 0; d <= 9; d++) {
    const c = s + d;
    let sum = 0;
    for (let i = 0; i < c.length; i++) {
      let x = Number(c[c.length - 1 - i]);
      if (i % 2 === 1) {
        x *= 2;
        if (x > 9) x -= 9;
      }
      sum += x;
    }
    if (sum % 10 === 0) return c;
  }
  return s + '0';
}

const B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
function base58check(version: number): string {
  const payload = Buffer.from([version, ...Array.from({ length: 20 }, () => int(0, 255))]);
  const check = createHash('sha256').update(createHash('sha256').update(payload).digest()).digest().subarray(0, 4);
  const bytes = Buffer.concat([payload, check]);
  let n = BigInt('0x' + bytes.toString('hex'));
  let out = '';
  while (n > 0n) {
    out = B58[Number(n % 58n)] + out;
    n /= 58n;
  }
  for (const b of bytes) {
    if (b !== 0) break;
    out = '1' + out;
  }
  return out;
}
const BECH = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
function bech32Address(): string {
  const hrp = 'bc';
  const data = [0, ...Array.from({ length: 32 }, () => int(0, 31))];
  const GEN = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
  const poly = (v: number[]): number => {
    let c = 1;
    for (const x of v) {
      const b = c >>> 25;
      c = ((c & 0x1ffffff) << 5) ^ x;
      for (let i = 0; i < 5; i++) if ((b >>> i) & 1) c ^= GEN[i]!;
    }
    return c >>> 0;
  };
  const exp = [...[...hrp].map((c) => c.charCodeAt(0) >> 5), 0, ...[...hrp].map((c) => c.charCodeAt(0) & 31)];
  const pm = poly([...exp, ...data, 0, 0, 0, 0, 0, 0]) ^ 1;
  const checksum = Array.from({ length: 6 }, (_, i) => (pm >>> (5 * (5 - i))) & 31);
  return hrp + '1' + [...data, ...checksum].map((d) => BECH[d]).join('');
}
function cryptoAddress(): string {
  const k = pick(['p2pkh', 'p2sh', 'bech32', 'eth', 'ltc', 'tron']);
  if (k === 'p2pkh') return base58check(0);
  if (k === 'p2sh') return base58check(5);
  if (k === 'ltc') return base58check(48);
  if (k === 'tron') return base58check(65);
  if (k === 'bech32') return bech32Address();
  return '0x' + Array.from({ length: 40 }, () => '0123456789abcdef'[int(0, 15)]).join('');
}

// ---------- phrase banks: payment and intent, per language ----------
const PAYMENT: Record<Lang, string[]> = {
  en: ['I prefer ⟦payment|bank transfer⟧ to my account.', 'Can you pay by ⟦payment|wire transfer⟧?', 'I only take ⟦payment|Zelle⟧ or ⟦payment|Venmo⟧.', 'Send it via ⟦payment|PayPal friends and family⟧ please.', '⟦payment|Cash on collection⟧ is fine with me.', 'I can receive ⟦payment|Western Union⟧.', 'Please use ⟦payment|PayPal F&F⟧ so there are no fees.', 'We can do ⟦payment|cash when you pick up⟧.'],
  fr: ['Je préfère un ⟦payment|virement bancaire⟧.', 'Paiement par ⟦payment|virement⟧ uniquement.', 'Envoyez via ⟦payment|PayPal entre amis⟧.', '⟦payment|Paiement en espèces⟧ à l\'enlèvement.', 'Vous pouvez payer par ⟦payment|Western Union⟧.', '⟦payment|Lydia⟧ ou ⟦payment|virement⟧, comme vous voulez.'],
  it: ['Preferisco un ⟦payment|bonifico bancario⟧.', 'Pagamento con ⟦payment|bonifico⟧ anticipato.', 'Mandami i soldi con ⟦payment|PayPal amici e parenti⟧.', '⟦payment|Pagamento in contanti⟧ al ritiro.', 'Accetto ⟦payment|Western Union⟧.', 'Va bene anche ⟦payment|Satispay⟧.'],
  de: ['Ich bevorzuge ⟦payment|Überweisung⟧.', 'Bitte per ⟦payment|Vorkasse⟧ zahlen.', 'Schick es über ⟦payment|PayPal Freunde und Familie⟧.', '⟦payment|Barzahlung bei Abholung⟧ ist okay.', 'Auch ⟦payment|Western Union⟧ geht.', 'Sie können einfach ⟦payment|überweisen⟧.'],
  es: ['Prefiero una ⟦payment|transferencia bancaria⟧.', 'Pago por ⟦payment|transferencia⟧ por adelantado.', 'Envíalo por ⟦payment|PayPal amigos y familiares⟧.', '⟦payment|Pago en efectivo⟧ al recoger.', 'Acepto ⟦payment|Western Union⟧.', 'También ⟦payment|Bizum⟧ si quieres.'],
  nl: ['Ik heb liever een ⟦payment|bankoverschrijving⟧.', 'Betaling via ⟦payment|overboeking⟧ vooraf.', 'Stuur het via ⟦payment|PayPal vrienden en familie⟧.', '⟦payment|Contant bij ophalen⟧ is prima.', 'Ook ⟦payment|Western Union⟧ kan.', 'Een ⟦payment|Tikkie⟧ sturen mag ook.'],
};

const INTENT: Record<Lang, string[]> = {
  en: [
    'We could ⟦intent|deal directly⟧ and skip the middleman.', 'Let\'s ⟦intent|do this outside the platform⟧.', 'If we ⟦intent|avoid the commission⟧ I can drop the price.', '⟦intent|Call me to discuss the price⟧.',
    'I can give you a ⟦intent|better price if you buy directly⟧.', '⟦intent|Send me your number⟧ and I\'ll explain.', 'Why pay ⟦intent|the platform fees⟧? ⟦intent|Buy from me directly⟧.', '⟦intent|Contact me on WhatsApp⟧ for a discount.',
    'The site ⟦intent|takes a huge cut⟧, ⟦intent|let\'s talk on WhatsApp⟧.', '⟦intent|Give me your email⟧ and I will send the invoice myself.', 'I\'d rather ⟦intent|sell privately⟧ to you.', '⟦intent|What\'s your phone number⟧?',
  ],
  fr: [
    'On peut ⟦intent|traiter en direct⟧ si vous voulez.', 'Je vous propose ⟦intent|en dehors de la plateforme⟧.', 'Pour ⟦intent|éviter la commission⟧, on s\'arrange.', '⟦intent|Appelez-moi⟧ pour discuter du prix.',
    'Je vous fais un ⟦intent|meilleur prix en direct⟧.', '⟦intent|Envoyez-moi votre numéro⟧ s\'il vous plaît.', '⟦intent|Sans passer par le site⟧ ce serait moins cher.', '⟦intent|Contactez-moi sur WhatsApp⟧.', '⟦intent|Donnez-moi votre mail⟧ et je vous envoie la facture.',
  ],
  it: [
    'Possiamo ⟦intent|trattare direttamente⟧.', 'Facciamo ⟦intent|fuori dalla piattaforma⟧.', 'Così ⟦intent|evitiamo la commissione⟧.', '⟦intent|Chiamami⟧ per parlare del prezzo.',
    'Ti faccio uno ⟦intent|sconto se paghi direttamente⟧.', '⟦intent|Mandami il tuo numero⟧.', '⟦intent|Senza passare dal sito⟧ costa meno.', '⟦intent|Scrivimi su WhatsApp⟧.', '⟦intent|Dammi la tua email⟧ e ti mando la fattura.',
  ],
  de: [
    'Wir können das ⟦intent|direkt mit mir abwickeln⟧.', 'Lieber ⟦intent|außerhalb der Plattform⟧.', 'So ⟦intent|sparen wir die Provision⟧.', '⟦intent|Rufen Sie mich an⟧, dann reden wir über den Preis.',
    'Ich mache Ihnen einen ⟦intent|besseren Preis, wenn Sie direkt kaufen⟧.', '⟦intent|Schicken Sie mir Ihre Nummer⟧.', '⟦intent|Ohne die Plattform⟧ wird es günstiger.', '⟦intent|Schreiben Sie mir auf WhatsApp⟧.', '⟦intent|Geben Sie mir Ihre E-Mail⟧, ich schicke die Rechnung selbst.',
  ],
  es: [
    'Podemos ⟦intent|tratar directamente⟧.', 'Mejor ⟦intent|fuera de la plataforma⟧.', 'Así ⟦intent|evitamos la comisión⟧.', '⟦intent|Llámame⟧ y hablamos del precio.',
    'Te hago un ⟦intent|mejor precio si pagas directamente⟧.', '⟦intent|Envíame tu número⟧.', '⟦intent|Sin pasar por la web⟧ sale más barato.', '⟦intent|Escríbeme por WhatsApp⟧.', '⟦intent|Dame tu correo⟧ y te mando la factura.',
  ],
  nl: [
    'We kunnen het ⟦intent|rechtstreeks afhandelen⟧.', 'Liever ⟦intent|buiten het platform om⟧.', 'Zo ⟦intent|besparen we de commissie⟧.', '⟦intent|Bel me⟧ even over de prijs.',
    'Ik geef een ⟦intent|betere prijs als je rechtstreeks koopt⟧.', '⟦intent|Stuur me je nummer⟧.', '⟦intent|Zonder het platform⟧ is het goedkoper.', '⟦intent|Stuur me een bericht via WhatsApp⟧.', '⟦intent|Geef me je e-mail⟧, dan stuur ik de factuur.',
  ],
};

const BANK_LEADS: Record<Lang, { iban: string; card: string; bic: string }> = {
  en: { iban: 'My IBAN:', card: 'Card number', bic: 'SWIFT/BIC' },
  fr: { iban: 'Mon RIB / IBAN :', card: 'Numéro de carte', bic: 'BIC' },
  it: { iban: 'IBAN:', card: 'Numero carta', bic: 'BIC' },
  de: { iban: 'IBAN:', card: 'Kartennummer', bic: 'BIC' },
  es: { iban: 'Mi IBAN:', card: 'Número de tarjeta', bic: 'BIC' },
  nl: { iban: 'Mijn IBAN:', card: 'Kaartnummer', bic: 'BIC' },
};
const BICS = ['BNPAFRPP', 'UNCRITMM', 'COBADEFFXXX', 'CAIXESBBXXX', 'INGBNL2A', 'BARCGB22', 'DEUTDEFF', 'SOGEFRPP', 'BCITITMM', 'RABONL2U'];
const ABA = ['021000021', '011000015', '026009593', '121000358', '322271627'];

// ---------- hard negatives ----------
function priceFor(lang: Lang): string {
  const n = int(400, 95000);
  const grp = (x: number, sep: string): string => String(x).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  switch (lang) {
    case 'en':
      return pick([`$${grp(n, ',')}`, `£${grp(n, ',')}`, `USD ${grp(n, ',')}.00`, `${grp(n, ',')} dollars`]);
    case 'fr':
      return pick([`${grp(n, ' ')} €`, `€ ${grp(n, '.')},00`, `${grp(n, ' ')} euros`, `CHF ${grp(n, "'")}`]);
    case 'de':
      return pick([`${grp(n, '.')} €`, `€ ${grp(n, '.')},00`, `EUR ${grp(n, '.')}`, `${grp(n, '.')},- Euro`]);
    default:
      return pick([`${grp(n, '.')} €`, `€ ${grp(n, '.')},00`, `EUR ${grp(n, '.')}`, `${grp(n, '.')} euro`]);
  }
}

const HARD: Record<Lang, Array<() => string>> = {
  en: [
    () => `The asking price is ${priceFor('en')}, shipping included.`,
    () => `Dimensions: H ${int(20, 90)} in. x W ${int(10, 60)} in. x D ${int(10, 40)} in.`,
    () => `It measures ${int(40, 220)} x ${int(30, 120)} x ${int(20, 100)} cm, Ø ${int(20, 60)} at the base.`,
    () => `Made circa ${int(1780, 1930)}, ${pick(['19th century', '18th century', '1950s', 'late Georgian'])}, dated ${int(1799, 1899)}–${int(1800, 1910)}.`,
    () => `Ref. ${int(100000, 126999)}LN, serial ${letters(1)}${digitsN(6)}, box and papers from ${int(1990, 2015)}.`,
    () => `This is lot ${int(1, 480)} in the catalogue, SKU ${digitsN(5)}-${digitsN(4)}, inventory no. ${digitsN(10)}.`,
    () => `Accession number ${int(1900, 2010)}.${int(1, 99)}.${int(1, 999)} at the museum, see https://www.metmuseum.org/art/collection/search/${digitsN(6)}.`,
    () => `The diamond is ${int(1, 4)}.${digitsN(2)} ct, set in 18k gold (hallmark 750), ring size ${int(48, 62)}, weight ${int(3, 15)}.${int(1, 9)} g.`,
    () => `A set of ${int(4, 12)} chairs, total weight ${int(20, 90)} kg, ${int(2, 6)} leaves for the table.`,
    () => `GIA certificate ${digitsN(10)} is included with the stone.`,
    () => `Your order is on its way: tracking ${pick(['1Z' + letters(2) + digitsN(14), 'JD0146' + digitsN(12), '9400 1000 0000 ' + digitsN(4) + ' ' + digitsN(4) + ' ' + digitsN(2), '7946 ' + digitsN(4) + ' ' + digitsN(4)])} with ${pick(['UPS', 'DHL', 'USPS', 'FedEx'])}.`,
    () => `See our shipping guide at https://assay-market.example/help/shipping or write to support@assay-market.example.`,
    () => `There is a similar piece described on https://en.wikipedia.org/wiki/Art_Deco and at vam.ac.uk.`,
    () => `Case ${int(34, 44)} mm, calibre ${int(2000, 3300)}, reference ${int(1000, 9999)}/${int(1, 9)}A-0${int(10, 99)}, from ${int(1960, 2020)}.`,
    () => `Order #${digitsN(8)} was placed on ${int(1, 28)}/${int(1, 12)}/2025.`,
  ],
  fr: [
    () => `Le prix demandé est de ${priceFor('fr')}, livraison comprise.`,
    () => `Dimensions : L ${int(60, 220)} cm, P ${int(30, 90)} cm, H ${int(40, 120)} cm.`,
    () => `Époque Louis XVI, vers ${int(1770, 1790)}, ${pick(['XVIIIe siècle', 'XIXe siècle', 'années 1950'])}.`,
    () => `Réf. ${digitsN(6)}, lot ${int(1, 400)}, numéro d'inventaire ${digitsN(10)}.`,
    () => `Bague or 18 carats, poinçon tête d'aigle, diamant de ${int(1, 3)},${digitsN(2)} ct, tour de doigt ${int(48, 60)}.`,
    () => `Votre commande est expédiée, suivi Colissimo ${int(6, 8)}${letters(1)}${digitsN(11)}.`,
    () => `Consultez l'aide sur https://assay-market.example/aide/livraison.`,
    () => `Un exemplaire similaire est au Louvre, voir louvre.fr et fr.wikipedia.org/wiki/Louis_XV.`,
    () => `Lot de ${int(4, 12)} chaises, poids ${int(20, 80)} kg, ${int(2, 4)} rallonges.`,
    () => `Commande n° ${digitsN(10)} du ${int(1, 28)}.${int(1, 12)}.2025.`,
  ],
  it: [
    () => `Il prezzo richiesto è ${priceFor('it')}, spedizione inclusa.`,
    () => `Misure: ${int(60, 220)} x ${int(30, 90)} x ${int(40, 120)} cm.`,
    () => `Epoca Luigi XV, circa ${int(1740, 1770)}, ${pick(['XVIII secolo', 'XIX secolo', 'anni Cinquanta'])}.`,
    () => `Rif. ${digitsN(6)}, lotto ${int(1, 400)}, inventario n. ${digitsN(10)}.`,
    () => `Anello in oro 18 kt, punzone 750, diamante da ${int(1, 3)},${digitsN(2)} ct, misura ${int(10, 25)}.`,
    () => `Il suo ordine è stato spedito, tracciamento BRT ${digitsN(12)}.`,
    () => `Trova le istruzioni su https://assay-market.example/aiuto.`,
    () => `Un pezzo simile è agli Uffizi, vedi uffizi.it e it.wikipedia.org/wiki/Barocco.`,
    () => `Set di ${int(4, 12)} sedie, peso ${int(20, 80)} kg.`,
    () => `Ordine n. ${digitsN(10)} del ${int(1, 28)}/${int(1, 12)}/2025.`,
  ],
  de: [
    () => `Der Preis beträgt ${priceFor('de')}, Versand inklusive.`,
    () => `Maße: Höhe ${int(60, 220)} cm, Breite ${int(30, 120)} cm, Tiefe ${int(30, 80)} cm.`,
    () => `Biedermeier, um ${int(1815, 1848)}, ${pick(['19. Jahrhundert', '18. Jahrhundert', '1950er Jahre'])}.`,
    () => `Ref. ${digitsN(6)}, Los ${int(1, 400)}, Inventarnummer ${digitsN(10)}.`,
    () => `Ring aus 750er Gold, Diamant ${int(1, 3)},${digitsN(2)} ct, Ringgröße ${int(48, 62)}, Gewicht ${int(3, 15)} g.`,
    () => `Ihre Bestellung ist unterwegs, DHL Sendungsnummer ${digitsN(12)}.`,
    () => `Hilfe finden Sie unter https://assay-market.example/hilfe.`,
    () => `Ein ähnliches Stück ist im Museum, siehe de.wikipedia.org/wiki/Biedermeier.`,
    () => `Satz von ${int(4, 12)} Stühlen, ${int(20, 80)} kg.`,
    () => `Bestellnummer ${digitsN(10)} vom ${int(1, 28)}.${int(1, 12)}.2025.`,
  ],
  es: [
    () => `El precio es ${priceFor('es')}, envío incluido.`,
    () => `Medidas: ${int(60, 220)} x ${int(30, 90)} x ${int(40, 120)} cm.`,
    () => `Época isabelina, hacia ${int(1840, 1870)}, ${pick(['siglo XIX', 'siglo XVIII', 'años cincuenta'])}.`,
    () => `Ref. ${digitsN(6)}, lote ${int(1, 400)}, inventario n.º ${digitsN(10)}.`,
    () => `Anillo de oro de 18 k, contraste 750, diamante de ${int(1, 3)},${digitsN(2)} ct, talla ${int(10, 25)}.`,
    () => `Su pedido está en camino, seguimiento Correos ${letters(2)}${digitsN(9)}ES.`,
    () => `Puede ver la ayuda en https://assay-market.example/ayuda.`,
    () => `Hay una pieza similar en el Prado, ver museodelprado.es y es.wikipedia.org/wiki/Barroco.`,
    () => `Juego de ${int(4, 12)} sillas, peso ${int(20, 80)} kg.`,
    () => `Pedido n.º ${digitsN(10)} del ${int(1, 28)}/${int(1, 12)}/2025.`,
  ],
  nl: [
    () => `De vraagprijs is ${priceFor('nl')}, inclusief verzending.`,
    () => `Afmetingen: ${int(60, 220)} x ${int(30, 90)} x ${int(40, 120)} cm.`,
    () => `Circa ${int(1850, 1900)}, ${pick(['19e eeuw', '18e eeuw', 'jaren vijftig'])}.`,
    () => `Ref. ${digitsN(6)}, kavel ${int(1, 400)}, inventarisnummer ${digitsN(10)}.`,
    () => `Ring van 18 karaat goud, keurmerk 750, diamant ${int(1, 3)},${digitsN(2)} ct, maat ${int(16, 20)}.`,
    () => `Je bestelling is onderweg, PostNL track & trace 3S${letters(4)}${digitsN(7)}.`,
    () => `Hulp vindt u op https://assay-market.example/hulp.`,
    () => `Een vergelijkbaar stuk hangt in het Rijksmuseum, zie rijksmuseum.nl en nl.wikipedia.org/wiki/Art_deco.`,
    () => `Set van ${int(4, 12)} stoelen, ${int(20, 80)} kg.`,
    () => `Bestelnummer ${digitsN(10)} van ${int(1, 28)}-${int(1, 12)}-2025.`,
  ],
};

// ---------- message assembly ----------
interface Case {
  id: string;
  source: string;
  lang: Lang;
  text: string;
  expect: Expect[];
  scope: string[];
  meta: Record<string, unknown>;
  country?: string;
  sender?: string;
  conversation?: string;
  order_exists?: boolean;
}

function filler(lang: Lang): string {
  const p = POOLS[lang];
  return pick(p.clean).replace('{item}', pick(p.items));
}

function wrap(lang: Lang, body: string): string {
  const p = POOLS[lang];
  const parts = [pick(p.greet), chance(0.6) ? filler(lang) : '', body, chance(0.4) ? filler(lang) : '', pick(p.close)].filter((s) => s !== '');
  return parts.join(' ');
}

const cases: Case[] = [];
let counter = 0;
function add(lang: Lang, family: string, marked: string, extra: Partial<Case> = {}): void {
  const { text, expect } = unmark(marked);
  counter++;
  cases.push({ id: `assay:${lang}:${family}:${counter}`, source: 'assay/corpus-generator', lang, text, expect, scope: KINDS, meta: { family }, ...extra });
}

const PHONE_STYLES = ['intl', 'intl00', 'national', 'compact', 'spelled', 'spelled_pairs', 'mixed', 'separators', 'fullwidth', 'unicode', 'keycap', 'oli', 'lines'];

function phoneMessage(lang: Lang, style: string): void {
  const country = pick(COUNTRY[lang]);
  const p = makePhone(country);
  const st = country === 'US' && style === 'national' ? 'us_paren' : style;
  const num = formatPhone(p, st, lang);
  const [lead, leadIntent] = pick(PHONE_LEADS[lang]);
  const leadMarked = lead === '' ? '' : (leadIntent ? M('intent', lead) : lead) + ' ';
  add(lang, `phone.${style}`, wrap(lang, `${leadMarked}${M('phone', num)}`), { country: chance(0.5) ? country : undefined });
}

function positives(lang: Lang): void {
  for (const style of PHONE_STYLES) for (let k = 0; k < 5; k++) phoneMessage(lang, style);
  for (let k = 0; k < 22; k++) {
    const e = email(lang);
    add(lang, 'email', wrap(lang, e.marked));
  }
  for (let k = 0; k < 18; k++) add(lang, 'url', wrap(lang, url(lang)));
  for (let k = 0; k < 14; k++) add(lang, 'handle', wrap(lang, handle(lang)));
  const country = { en: 'GB', fr: 'FR', it: 'IT', de: 'DE', es: 'ES', nl: 'NL' }[lang];
  const L = BANK_LEADS[lang];
  for (let k = 0; k < 10; k++) {
    const i = iban(chance(0.8) ? country : pick(['BE', 'AT', 'DE', 'FR']));
    const shown = chance(0.6) ? group4(i) : i;
    add(lang, 'iban.valid', wrap(lang, `${L.iban} ${M('iban', shown)}`));
  }
  for (let k = 0; k < 4; k++) {
    const i = iban(country);
    const broken = i.slice(0, 10) + String((Number(i[10]) + 1) % 10) + i.slice(11);
    add(lang, 'iban.near', wrap(lang, `${L.iban} ${M('iban', group4(broken))}`));
  }
  for (let k = 0; k < 8; k++) {
    const net = pick(['visa', 'mc', 'amex']);
    const n = net === 'visa' ? luhnComplete('4' + digitsN(5), 16) : net === 'mc' ? luhnComplete(String(int(51, 55)), 16) : luhnComplete(pick(['34', '37']), 15);
    const shown = net === 'amex' ? `${n.slice(0, 4)} ${n.slice(4, 10)} ${n.slice(10)}` : chance(0.7) ? group4(n) : n;
    add(lang, 'card', wrap(lang, `${L.card} ${M('card', shown)}, exp ${int(1, 12)}/${int(26, 30)}`));
  }
  for (let k = 0; k < 8; k++) {
    const lead = pick({ en: ['Send BTC to', 'My wallet:', 'USDT address'], fr: ['Envoyez les BTC à', 'Mon wallet :'], it: ['Invia BTC a', 'Il mio wallet:'], de: ['BTC an', 'Meine Wallet:'], es: ['Envía BTC a', 'Mi wallet:'], nl: ['Stuur BTC naar', 'Mijn wallet:'] }[lang]);
    add(lang, 'crypto', wrap(lang, `${lead} ${M('crypto', cryptoAddress())}`));
  }
  for (let k = 0; k < 14; k++) add(lang, 'payment.phrase', wrap(lang, pick(PAYMENT[lang])));
  for (let k = 0; k < 4; k++) add(lang, 'payment.bic', wrap(lang, `${L.bic} ${M('payment', pick(BICS))}`));
  if (lang === 'en') {
    for (let k = 0; k < 3; k++) add(lang, 'payment.sortcode', wrap(lang, `${M('payment', `Sort code ${int(10, 99)}-${int(10, 99)}-${int(10, 99)}`)}, ${M('payment', `account ${digitsN(8)}`)}`));
    for (let k = 0; k < 3; k++) add(lang, 'payment.routing', wrap(lang, `${M('payment', `routing number ${pick(ABA)}`)}`));
  }
  for (let k = 0; k < 36; k++) add(lang, 'intent', wrap(lang, pick(INTENT[lang])));
  // combinations
  for (let k = 0; k < 10; k++) {
    const p = makePhone(pick(COUNTRY[lang]));
    add(lang, 'combo.intent_phone', wrap(lang, `${pick(INTENT[lang])} ${M('phone', formatPhone(p, pick(['intl', 'national', 'spelled'], ), lang))}`));
  }
  // split over two consecutive messages of one sender
  for (let k = 0; k < 4; k++) {
    const country2 = pick(COUNTRY[lang]);
    const p = makePhone(country2);
    const g = p.groups(nationalDigits(p));
    const cut = Math.ceil(g.length / 2);
    const conv = `conv-${lang}-${k}`;
    const sender = `seller-${lang}-${k}`;
    add(lang, 'phone.split', `${pick(PHONE_LEADS[lang].filter(([, i]) => !i))[0] || 'Tel'} ${g.slice(0, cut).join(' ')}`, { conversation: conv, sender, country: country2 });
    add(lang, 'phone.split', `${M('phone', g.slice(cut).join(' '))}`, { conversation: conv, sender, country: country2 });
  }
}

function negatives(lang: Lang): void {
  const hard = HARD[lang];
  for (let k = 0; k < 190; k++) {
    const body = pick(hard)();
    const orderExists = /tracking|suivi|tracciamento|Sendungsnummer|seguimiento|track & trace|Order #|Commande|Ordine|Bestellnummer|Pedido|Bestelnummer/.test(body);
    add(lang, 'hard', wrap(lang, body), orderExists ? { order_exists: true } : {});
  }
  for (let k = 0; k < 40; k++) add(lang, 'hard.tricky', wrap(lang, pick(POOLS[lang].tricky)));
  for (let k = 0; k < 80; k++) add(lang, 'clean', wrap(lang, filler(lang)));
}

/** Hand-written cases: edge cases a reviewer would report, kept verbatim. */
const HAND: Array<[Lang, string, Partial<Case>?]> = [
  ['en', 'Price reduced to $12,500 — H 32 in. x W 18 in., circa 1920.'],
  ['en', '⟦intent|Call me⟧ on ⟦phone|five five five, two one two, nine eight seven six⟧ for the real price', { country: 'US' }],
  ['en', 'Size 82 x 45 x 30 cm, Ø 40, made 1799–1800, lot 77, hallmarks for London 1834.'],
  ['en', 'my email is ⟦email|john (dot) smith (at) gmail (dot) com⟧'],
  ['en', 'See assay-market.example/help/fees for how the commission works.'],
  ['en', 'The 1950s Omega ref. 2998-1 has a 35 mm case, serial 15.4 million range.'],
  ['fr', '⟦phone|zéro six douze trente-quatre cinquante-six soixante-dix-huit⟧, c\'est mon portable', { country: 'FR' }],
  ['fr', 'Commode estampillée, vers 1760, 128 x 62 x 88 cm, prix 14 500 €.'],
  ['fr', 'Écrivez à ⟦email|marie.dupont arobase orange point fr⟧'],
  ['it', '⟦phone|tre quattro sette, uno due tre, quattro cinque sei sette⟧', { country: 'IT' }],
  ['it', 'Cassettone del Settecento, 130 x 60 x 95 cm, prezzo 8.900 euro, lotto 112.'],
  ['de', 'Meine Nummer: ⟦phone|null eins fünf eins, zwei drei vier fünf sechs sieben acht neun⟧', { country: 'DE' }],
  ['de', 'Biedermeier-Sekretär um 1825, 110 x 52 x 160 cm, 4.800 €, Inventarnr. 1825-0447.'],
  ['es', 'Mi móvil es el ⟦phone|seis uno dos, tres cuatro cinco, seis siete ocho⟧', { country: 'ES' }],
  ['es', 'Bargueño del siglo XVII, 98 x 42 x 140 cm, 6.500 €.'],
  ['nl', 'Bel me op ⟦phone|nul zes een twee drie vier vijf zes zeven acht⟧', { country: 'NL' }],
  ['nl', 'Friese staartklok, circa 1850, hoogte 145 cm, vraagprijs € 2.450,00.'],
  ['en', 'WhatsApp: ⟦phone|+44 7700 900 123⟧'.replace('7700 900 123', '7911 123 456')],
  ['en', 'Transfer to ⟦iban|GB82 WEST 1234 5698 7654 32⟧ and I ship tomorrow'],
  ['en', 'The Patek 5711/1A-010 from 2019 with box, papers dated 12.03.2019.'],
];

function hand(): void {
  HAND.forEach(([lang, marked, extra], i) => {
    const { text, expect } = unmark(marked);
    cases.push({ id: `assay:${lang}:hand:${i + 1}`, source: 'assay/hand-written', lang, text, expect, scope: KINDS, meta: { family: 'hand' }, ...(extra ?? {}) });
  });
}

for (const lang of LANGS) {
  positives(lang);
  negatives(lang);
}
hand();

// ---------- split and write ----------
function splitKey(c: Case): string {
  return c.conversation ?? c.id;
}
function isTest(c: Case): boolean {
  return createHash('sha256').update('assay-split-v1:' + splitKey(c)).digest()[0]! % 3 === 0;
}
const line = (c: Case): string => {
  const o: Record<string, unknown> = { id: c.id, source: c.source, lang: c.lang, text: c.text, expect: c.expect, scope: c.scope, meta: c.meta };
  for (const k of ['country', 'sender', 'conversation', 'order_exists'] as const) if (c[k] !== undefined) o[k] = c[k];
  return JSON.stringify(o);
};
const test = cases.filter(isTest);
const dev = cases.filter((c) => !isTest(c));
const testBody = test.map(line).join('\n') + '\n';
const devBody = dev.map(line).join('\n') + '\n';
writeFileSync(join(HERE, 'dev.jsonl'), devBody);
const testPath = join(HERE, 'test.jsonl');
const hash = createHash('sha256').update(testBody).digest('hex');
if (!existsSync(testPath) || process.argv.includes('--refreeze')) {
  writeFileSync(testPath, testBody);
  console.log(`wrote test.jsonl (${test.length} cases) sha256 ${hash}`);
} else {
  const frozen = createHash('sha256').update(readFileSync(testPath)).digest('hex');
  console.log(frozen === hash ? 'test.jsonl unchanged (frozen)' : `test.jsonl is frozen and left as is; the generator would now produce ${hash}`);
}
const hardCount = cases.filter((c) => c.expect.length === 0 && String(c.meta.family).startsWith('hard')).length;
console.log(`cases ${cases.length}: dev ${dev.length}, test ${test.length}; negatives ${cases.filter((c) => c.expect.length === 0).length}, hard negatives ${hardCount} (${((100 * hardCount) / cases.length).toFixed(1)}%)`);
