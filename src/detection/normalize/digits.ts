import { NUMBER_CONNECTORS, NUMBER_WORDS, PLUS_WORDS, REPEATERS, type NumberWord } from './number-words';
import { ViewBuilder, type TextView } from './view';

/**
 * The digit view: spelled-out numbers become digits ("zero six douze" → "0 6 12") and O/o, l/I
 * inside digit runs become 0 and 1 ("O6 l2" → "06 12"). Separators are kept: the digit-run
 * scanner decides what belongs together. Returns the input view itself when nothing changes.
 */
export function digitView(folded: TextView): TextView {
  const tokens = tokenize(folded.text);
  if (tokens === null) return folded;
  const edits = planEdits(folded.text, tokens);
  if (edits.length === 0) return folded;
  const b = new ViewBuilder(folded);
  let pos = 0;
  for (const e of edits) {
    b.keep(pos, e.from);
    b.replace(e.text, e.from, e.to);
    pos = e.to;
  }
  b.keep(pos, folded.text.length);
  return b.finish();
}

interface Token {
  start: number;
  end: number;
  /** 'num' number word, 'digits' ASCII digits, 'mixed' digits with o/l/i, 'rep' repeater, 'conn', 'plus', 'other'. */
  type: 'num' | 'digits' | 'mixed' | 'rep' | 'conn' | 'plus' | 'other';
  word: NumberWord | undefined;
  text: string;
}

interface Edit {
  from: number;
  to: number;
  text: string;
}

const isLetter = (c: number): boolean => (c >= 97 && c <= 122);
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** Tokens of the folded text, or null when it has no number word and no o/l/i-in-digits token. */
function tokenize(text: string): Token[] | null {
  const tokens: Token[] = [];
  let interesting = false;
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    if (!isLetter(c) && !isDigit(c)) {
      i++;
      continue;
    }
    let j = i;
    let letters = 0;
    let digits = 0;
    let oli = 0;
    while (j < text.length) {
      const d = text.charCodeAt(j);
      if (isLetter(d)) {
        letters++;
        if (d === 111 || d === 108 || d === 105) oli++;
      } else if (isDigit(d)) digits++;
      else break;
      j++;
    }
    const t = text.slice(i, j);
    let type: Token['type'] = 'other';
    let word: NumberWord | undefined;
    if (letters === 0) type = 'digits';
    else if (digits > 0) {
      if (oli === letters) {
        type = 'mixed';
        interesting = true;
      }
    } else if ((word = NUMBER_WORDS.get(t)) !== undefined) {
      type = 'num';
      interesting = true;
    } else if (REPEATERS.has(t)) type = 'rep';
    else if (NUMBER_CONNECTORS.has(t)) type = 'conn';
    else if (PLUS_WORDS.has(t)) type = 'plus';
    tokens.push({ start: i, end: j, type, word, text: t });
    i = j;
  }
  return interesting ? tokens : null;
}

/** Separators that may sit between the parts of one spelled or written number. */
function gapOk(text: string, from: number, to: number): boolean {
  if (to - from > 4) return false;
  let newlines = 0;
  for (let i = from; i < to; i++) {
    const c = text[i]!;
    if (c === '\n') {
      if (++newlines > 2) return false;
    } else if (!' \t\r-.,/_*|:()+~'.includes(c)) return false;
  }
  return true;
}

function joinedByHyphenOrSpace(text: string, a: Token, b: Token): boolean {
  const gap = text.slice(a.end, b.start);
  return gap === '-' || gap === ' ' || gap === '' || gap === ' - ';
}

function planEdits(text: string, tokens: Token[]): Edit[] {
  const edits: Edit[] = [];
  for (const t of tokens) if (t.type === 'mixed') edits.push({ from: t.start, to: t.end, text: t.text.replace(/o/g, '0').replace(/[li]/g, '1') });

  // groups of numeric tokens joined only by separators
  let i = 0;
  while (i < tokens.length) {
    if (!isNumeric(tokens[i]!)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < tokens.length && isNumeric(tokens[j]!) && gapOk(text, tokens[j - 1]!.end, tokens[j]!.start)) j++;
    convertGroup(text, tokens.slice(i, j), edits);
    i = j;
  }
  edits.sort((a, b) => a.from - b.from);
  // the 'mixed' edits and group edits never overlap: groups skip 'mixed' tokens
  return edits;
}

function isNumeric(t: Token): boolean {
  return t.type === 'num' || t.type === 'digits' || t.type === 'mixed' || t.type === 'rep' || t.type === 'conn' || t.type === 'plus';
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
  // weak words (articles, "très", "due") count only in company: three strong-ish words, or words mixed with digit groups
  if (!((words >= 3 && strong >= 1) || words >= 4 || (words >= 1 && strong >= 1 && words + digitTokens >= 4) || (words >= 2 && digitTokens >= 1 && words + digitTokens >= 4))) return;

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
