import { NUMBER_CONNECTORS, NUMBER_WORDS, PLUS_WORDS, REPEATERS, type NumberWord } from './number-words';
import { applyEdits, type Edit, type TextView } from './view';

/**
 * The digit view: spelled-out numbers become digits ("zero six douze" → "0 6 12") and O/o, l/I
 * inside digit runs become 0 and 1 ("O6 l2" → "06 12"). Separators are kept: the digit-run
 * scanner decides what belongs together. Returns the input view itself when nothing changes.
 */
export function digitView(folded: TextView): TextView {
  const edits = planEdits(folded.text);
  if (edits.length === 0) return folded;
  return applyEdits(folded, edits);
}

interface Token {
  start: number;
  end: number;
  /** 'num' number word, 'digits' ASCII digits, 'mixed' digits with o/l/i, 'rep' repeater, 'conn', 'plus'. */
  type: 'num' | 'digits' | 'mixed' | 'rep' | 'conn' | 'plus';
  word: NumberWord | undefined;
  /** The token's text ('' for plain digits, which nothing reads). */
  text: string;
}

/**
 * Most edits one message gets. Far above any real message; an adversarial megabyte of number
 * words keeps its tail as written, which the digit detectors (themselves capped) never reach.
 */
const MAX_EDITS = 4096;
/** Longest group of number tokens read as one (a phone number spelled word by word is ~20). */
const MAX_GROUP = 64;

const isLetter = (c: number): boolean => c >= 97 && c <= 122;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** Longest word that can be part of a number; longer words are not looked up. */
const MAX_WORD = Math.max(...[...NUMBER_WORDS.keys(), ...REPEATERS.keys(), ...NUMBER_CONNECTORS, ...PLUS_WORDS].map((w) => w.length));

/** The kind of each word a number can be made of; a number word first, then a repeater, a connector, a plus word. */
const WORD_KINDS = new Map<string, 'num' | 'rep' | 'conn' | 'plus'>();
for (const w of NUMBER_WORDS.keys()) WORD_KINDS.set(w, 'num');
for (const [kind, words] of [['rep', REPEATERS.keys()], ['conn', NUMBER_CONNECTORS], ['plus', PLUS_WORDS]] as const) for (const w of words) if (!WORD_KINDS.has(w)) WORD_KINDS.set(w, kind);

/**
 * The first two letters of those words (a one-letter word: its letter and 26), so that most words
 * of a message are refused without being cut out of it.
 */
const PREFIXES = new Uint8Array(26 * 27);
for (const w of WORD_KINDS.keys()) PREFIXES[prefixIndex(w.charCodeAt(0), w.length === 1 ? -1 : w.charCodeAt(1))] = 1;

/** Index into {@link PREFIXES} of a word starting with letters a (and b; -1 for a one-letter word). */
function prefixIndex(a: number, b: number): number {
  return (a - 97) * 27 + (b < 0 ? 26 : b - 97);
}

/** What the word text[start, end) of letters a–z can be in a number, or undefined; most words are refused by their first two letters. */
export function wordKind(text: string, start: number, end: number): 'num' | 'rep' | 'conn' | 'plus' | undefined {
  const n = end - start;
  if (n > MAX_WORD || n === 0 || PREFIXES[prefixIndex(text.charCodeAt(start), n === 1 ? -1 : text.charCodeAt(start + 1))] === 0) return undefined;
  return WORD_KINDS.get(text.slice(start, end));
}

/** The numeric token of text[start, end), or undefined for any other word. */
function numericToken(text: string, start: number, end: number, letters: number, digits: number): Token | undefined {
  if (letters === 0) return { start, end, type: 'digits', word: undefined, text: '' };
  if (digits > 0) {
    for (let k = start; k < end; k++) {
      const c = text.charCodeAt(k);
      if (isLetter(c) && c !== 111 && c !== 108 && c !== 105) return undefined;
    }
    return { start, end, type: 'mixed', word: undefined, text: text.slice(start, end) };
  }
  const kind = wordKind(text, start, end);
  if (kind === undefined) return undefined;
  const t = text.slice(start, end);
  return { start, end, type: kind, word: kind === 'num' ? NUMBER_WORDS.get(t) : undefined, text: t };
}

/**
 * One pass over the words: numeric tokens joined only by separators form a group, each group is
 * converted when it reads as a number, and o/l/i-in-digit tokens are rewritten.
 */
function planEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  let group: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n && edits.length < MAX_EDITS) {
    const c = text.charCodeAt(i);
    if (!isLetter(c) && !isDigit(c)) {
      i++;
      continue;
    }
    const start = i;
    let letters = 0;
    let digits = 0;
    for (; i < n; i++) {
      const d = text.charCodeAt(i);
      if (isLetter(d)) letters++;
      else if (isDigit(d)) digits++;
      else break;
    }
    const t = numericToken(text, start, i, letters, digits);
    if (t === undefined) {
      if (group.length > 0) group = closeGroup(text, group, edits);
      continue;
    }
    if (group.length > 0 && (group.length >= MAX_GROUP || !gapOk(text, group[group.length - 1]!.end, t.start))) group = closeGroup(text, group, edits);
    group.push(t);
    if (t.type === 'mixed') edits.push({ from: t.start, to: t.end, text: t.text.replace(/o/g, '0').replace(/[li]/g, '1') });
  }
  if (group.length > 0) closeGroup(text, group, edits);
  // a group's edits come after the 'mixed' edits inside it (they never overlap: groups skip 'mixed' tokens)
  edits.sort((a, b) => a.from - b.from);
  return edits;
}

function closeGroup(text: string, group: Token[], edits: Edit[]): Token[] {
  convertGroup(text, group, edits);
  return [];
}

/** Separators that may sit between the parts of one spelled or written number. */
export function gapOk(text: string, from: number, to: number): boolean {
  if (to - from > 4) return false;
  let newlines = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      if (++newlines > 2) return false;
    } else if (!isGapChar(c)) return false;
  }
  return true;
}

/** ' ', tab, CR and - . , / _ * | : ( ) + ~ */
function isGapChar(c: number): boolean {
  switch (c) {
    case 32: case 9: case 13: case 45: case 46: case 44: case 47: case 95: case 42: case 124: case 58: case 40: case 41: case 43: case 126:
      return true;
    default:
      return false;
  }
}

function joinedByHyphenOrSpace(text: string, a: Token, b: Token): boolean {
  const gap = text.slice(a.end, b.start);
  return gap === '-' || gap === ' ' || gap === '' || gap === ' - ';
}



/**
 * Whether a group of number words and digit groups is read as a number. Weak words (articles,
 * "très", "due") count only in company: three strong-ish words, or words mixed with digit groups.
 */
export function groupConverts(words: number, strong: number, digitTokens: number): boolean {
  return (words >= 3 && strong >= 1) || words >= 4 || (words >= 1 && strong >= 1 && words + digitTokens >= 4) || (words >= 2 && digitTokens >= 1 && words + digitTokens >= 4);
}

function convertGroup(text: string, group: Token[], edits: Edit[]): void {
  let words = 0;
  let strong = 0;
  let digitTokens = 0;
  for (const t of group) {
    if (t.type === 'num') {
      words++;
      if (!t.word!.weak) strong++;
    } else if (t.type === 'digits' || t.type === 'mixed') digitTokens++;
  }
  if (!groupConverts(words, strong, digitTokens)) return;

  for (let k = 0; k < group.length; k++) {
    const t = group[k]!;
    const next = group[k + 1];
    if (t.type === 'plus') {
      if (k === 0 && next !== undefined && (next.type === 'num' || next.type === 'digits')) edits.push({ from: t.start, to: t.end, text: '+' });
      continue;
    }
    if (t.type === 'rep') {
      if (next?.type === 'num' && next.word!.cls === 'unit') {
        edits.push({ from: t.start, to: next.end, text: String(next.word!.value).repeat(REPEATERS.get(t.text)!) });
        k++;
      }
      continue;
    }
    if (t.type !== 'num') continue;
    let value = t.word!.value;
    let cls = t.word!.cls;
    let end = t.end;
    let m = k + 1;
    // fr "quatre-vingt(s)" = 80
    const n1 = group[m];
    if (value === 4 && n1?.type === 'num' && (n1.text === 'vingt' || n1.text === 'vingts') && joinedByHyphenOrSpace(text, t, n1)) {
      value = 80;
      cls = 'tens';
      end = n1.end;
      m++;
    }
    if (cls === 'tens') {
      let n = group[m];
      if (n?.type === 'conn' && group[m + 1]?.type === 'num') n = group[++m];
      if (n?.type === 'num' && joinedByHyphenOrSpace(text, group[m - 1]!, n) || (n?.type === 'num' && group[m - 1]?.type === 'conn')) {
        const w = n.word!;
        if (w.cls === 'unit' && w.value > 0) {
          value += w.value;
          end = n.end;
          m++;
        } else if (w.cls === 'teen' && w.value < 20 && (value === 60 || value === 80)) {
          // fr "soixante-douze" = 72, "quatre-vingt-dix-sept" = 97
          value += w.value;
          end = n.end;
          m++;
          const u = group[m];
          if (w.value === 10 && u?.type === 'num' && u.word!.cls === 'unit' && u.word!.value >= 7 && text.slice(n.end, u.start) === '-') {
            value += u.word!.value;
            end = u.end;
            m++;
          }
        }
      }
    } else if (value === 10) {
      // fr "dix-sept" = 17
      const u = group[m];
      if (u?.type === 'num' && u.word!.cls === 'unit' && u.word!.value >= 7 && text.slice(t.end, u.start) === '-') {
        value += u.word!.value;
        end = u.end;
        m++;
      }
    }
    edits.push({ from: t.start, to: end, text: String(value) });
    k = m - 1;
  }
}
