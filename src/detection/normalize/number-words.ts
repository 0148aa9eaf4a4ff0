/**
 * Number words of the six marketplace languages, folded (lower-case, no accents, ß → ss), with the
 * one-word compounds (it "trentaquattro", de "vierunddreissig", nl "vierendertig", es
 * "veinticuatro") generated rather than listed.
 */

export type NumberClass = 'unit' | 'teen' | 'tens';

export interface NumberWord {
  readonly value: number;
  readonly cls: NumberClass;
  /** Also an everyday word (an article, "très", "due"…): converted only inside a longer run. */
  readonly weak: boolean;
}

type Table = Record<string, number>;

const UNITS: Record<string, Table> = {
  en: { zero: 0, oh: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9 },
  fr: { zero: 0, un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9 },
  it: { zero: 0, uno: 1, una: 1, due: 2, tre: 3, quattro: 4, cinque: 5, sei: 6, sette: 7, otto: 8, nove: 9 },
  de: { null: 0, eins: 1, ein: 1, eine: 1, zwei: 2, zwo: 2, drei: 3, vier: 4, funf: 5, fuenf: 5, sechs: 6, sieben: 7, acht: 8, neun: 9 },
  es: { cero: 0, uno: 1, una: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9 },
  nl: { nul: 0, een: 1, twee: 2, drie: 3, vier: 4, vijf: 5, zes: 6, zeven: 7, acht: 8, negen: 9 },
};

const TEENS: Record<string, Table> = {
  en: { ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19 },
  fr: { dix: 10, onze: 11, douze: 12, treize: 13, quatorze: 14, quinze: 15, seize: 16 },
  it: { dieci: 10, undici: 11, dodici: 12, tredici: 13, quattordici: 14, quindici: 15, sedici: 16, diciassette: 17, diciotto: 18, diciannove: 19 },
  de: { zehn: 10, elf: 11, zwolf: 12, zwoelf: 12, dreizehn: 13, vierzehn: 14, funfzehn: 15, fuenfzehn: 15, sechzehn: 16, siebzehn: 17, achtzehn: 18, neunzehn: 19 },
  es: { diez: 10, once: 11, doce: 12, trece: 13, catorce: 14, quince: 15, dieciseis: 16, diecisiete: 17, dieciocho: 18, diecinueve: 19 },
  nl: { tien: 10, elf: 11, twaalf: 12, dertien: 13, veertien: 14, vijftien: 15, zestien: 16, zeventien: 17, achttien: 18, negentien: 19 },
};

const TENS: Record<string, Table> = {
  en: { twenty: 20, thirty: 30, forty: 40, fourty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 },
  fr: { vingt: 20, vingts: 20, trente: 30, quarante: 40, cinquante: 50, soixante: 60, septante: 70, huitante: 80, octante: 80, nonante: 90 },
  it: { venti: 20, trenta: 30, quaranta: 40, cinquanta: 50, sessanta: 60, settanta: 70, ottanta: 80, novanta: 90 },
  de: { zwanzig: 20, dreissig: 30, dreizig: 30, vierzig: 40, funfzig: 50, fuenfzig: 50, sechzig: 60, siebzig: 70, achtzig: 80, neunzig: 90 },
  es: { veinte: 20, treinta: 30, cuarenta: 40, cincuenta: 50, sesenta: 60, setenta: 70, ochenta: 80, noventa: 90 },
  nl: { twintig: 20, dertig: 30, veertig: 40, vijftig: 50, zestig: 60, zeventig: 70, tachtig: 80, negentig: 90 },
};

/** Everyday words that are also number words somewhere; never converted on their own. */
const WEAK = new Set([
  'one', 'un', 'une', 'uno', 'una', 'ein', 'eine', 'een', 'due', 'tres', 'tre', 'sei', 'sept', 'neuf', 'nul', 'null',
  'elf', 'dos', 'once', 'ten', 'otto', 'nove', 'tien',
  // English "oh" for zero ("oh seven…"), an interjection everywhere
  'oh',
]);

/** Words joining tens and units: fr "vingt et un", es "treinta y cuatro". */
export const NUMBER_CONNECTORS = new Set(['et', 'y']);

function buildDictionary(): Map<string, NumberWord> {
  const dict = new Map<string, NumberWord>();
  const add = (w: string, value: number, cls: NumberClass): void => {
    if (!dict.has(w)) dict.set(w, { value, cls, weak: WEAK.has(w) });
  };
  for (const t of Object.values(UNITS)) for (const [w, v] of Object.entries(t)) add(w, v, 'unit');
  for (const t of Object.values(TEENS)) for (const [w, v] of Object.entries(t)) add(w, v, 'teen');
  for (const t of Object.values(TENS)) for (const [w, v] of Object.entries(t)) add(w, v, 'tens');

  const it = UNITS.it!;
  for (const [tw, tv] of Object.entries(TENS.it!)) {
    for (const [uw, uv] of Object.entries(it)) {
      if (uv === 0 || uw === 'una') continue;
      // Italian drops the tens' final vowel before uno and otto: ventuno, trentotto
      const stem = uw === 'uno' || uw === 'otto' ? tw.slice(0, -1) : tw;
      add(stem + uw, tv + uv, 'teen');
    }
  }
  for (const [uw, uv] of Object.entries(UNITS.es!)) {
    if (uv === 0 || uw === 'una') continue;
    add('veinti' + uw, 20 + uv, 'teen');
  }
  for (const [tw, tv] of Object.entries(TENS.de!)) {
    for (const [uw, uv] of Object.entries(UNITS.de!)) {
      if (uv === 0 || uw === 'eins' || uw === 'eine' || uw === 'zwo') continue;
      add(uw + 'und' + tw, tv + uv, 'teen');
    }
  }
  for (const [tw, tv] of Object.entries(TENS.nl!)) {
    for (const [uw, uv] of Object.entries(UNITS.nl!)) {
      if (uv === 0) continue;
      add(uw + 'en' + tw, tv + uv, 'teen');
    }
  }
  // The class 'teen' marks a finished two-digit value that takes no unit after it.
  add('quatrevingt', 80, 'tens');
  add('quatrevingts', 80, 'tens');
  return dict;
}

export const NUMBER_WORDS: ReadonlyMap<string, NumberWord> = buildDictionary();

/** "double five", "triple sept": repeat the next digit. */
export const REPEATERS: ReadonlyMap<string, number> = new Map([
  ['double', 2], ['triple', 3], ['doppio', 2], ['doppel', 2], ['doble', 2], ['dubbel', 2],
]);

/** Words that stand for '+' before a spelled-out international number. */
export const PLUS_WORDS = new Set(['plus', 'piu', 'mas']);
