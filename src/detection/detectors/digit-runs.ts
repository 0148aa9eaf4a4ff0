import { LIMITS, type Signals } from './detector';
import { isDigitCode, isLower } from './text-utils';

/** A digit group inside a run: "06" in "06 12 34". Offsets are into the digit view. */
export interface DigitGroup {
  readonly start: number;
  readonly end: number;
}

/** Digits joined by separators, the raw material of phone, card and account candidates. */
export interface DigitRun {
  readonly start: number;
  readonly end: number;
  readonly groups: readonly DigitGroup[];
  /** The run starts with '+' (or '(' before the first digit is included in `start`). */
  readonly plus: boolean;
  /** Separator text between group k and k+1 is `seps[k]`. */
  readonly seps: readonly string[];
}

/** Separators inside a run: whitespace and . - / ( ) _ * , | ~ + */
function isSep(c: number): boolean {
  switch (c) {
    case 32: case 9: case 13: case 10: case 46: case 45: case 47: case 40: case 41: case 95: case 42: case 44: case 124: case 126: case 43:
      return true;
    default:
      return false;
  }
}

const MAX_GROUPS = 40;

/**
 * The fewest digits a run needs for any detector reading the message's shared runs
 * (`ScanState.digitRuns`): a phone number has at least 7, a card number 13.
 */
export const MIN_RUN_DIGITS = 7;

function digitsOf(text: string, run: DigitRun, from = 0, to = run.groups.length): string {
  let s = '';
  for (let k = from; k < to; k++) s += text.slice(run.groups[k]!.start, run.groups[k]!.end);
  return s;
}
export { digitsOf };

/**
 * Finds runs of digit groups separated by at most a few separator characters (at most two line
 * breaks). Linear: every character is visited a bounded number of times.
 *
 * `words`, when given, lists the [start, end) pairs (flat, ascending) of the words of `text` that
 * hold a digit — the prefilter's signals — so only those are searched for a run's first digit.
 *
 * `minDigits`: runs with fewer digits in all are read but not returned (nothing is allocated for
 * them); they still count towards `LIMITS.digitRuns`, so the runs returned are the same as those
 * of a call without it, minus the short ones.
 */
export function findDigitRuns(text: string, words?: Pick<Signals, 'digitTokens' | 'digitTokenCount'>, minDigits = 0): DigitRun[] {
  const runs: DigitRun[] = [];
  const n = text.length;
  let read = 0;
  let i = 0;
  if (words === undefined) {
    while (i < n && read < LIMITS.digitRuns) {
      const c = text.charCodeAt(i);
      if (c >= 48 && c <= 57) {
        i = readRun(text, i, runs, minDigits);
        read++;
      } else i++;
    }
    return runs;
  }
  const tokens = words.digitTokens;
  const count = words.digitTokenCount;
  for (let t = 0; t < count && read < LIMITS.digitRuns; t += 2) {
    const end = tokens[t + 1]!;
    if (i < tokens[t]!) i = tokens[t]!;
    while (i < end && read < LIMITS.digitRuns) {
      const c = text.charCodeAt(i);
      if (c >= 48 && c <= 57) {
        i = readRun(text, i, runs, minDigits);
        read++;
      } else i++;
    }
  }
  return runs;
}

/**
 * The group boundaries of the run being read, flat: group k is [bounds[2k], bounds[2k + 1]), its
 * separator to the next group [bounds[2k + 1], bounds[2k + 2]). Reused from run to run, so a run
 * that is dropped costs no allocation.
 */
const bounds: number[] = [];

/** Reads the run whose first digit is at `i` (pushed when it has `minDigits` digits); returns where the search goes on. */
function readRun(text: string, i: number, runs: DigitRun[], minDigits: number): number {
  const n = text.length;
  let start = i;
  let plus = false;
  if (i > 0) {
    const p1 = text.charCodeAt(i - 1);
    if (p1 === 43 || p1 === 40) {
      start = i - 1;
      plus = p1 === 43;
      if (!plus && i > 1 && text.charCodeAt(i - 2) === 43) {
        start = i - 2;
        plus = true;
      }
    }
  }
  let count = 0;
  let digits = 0;
  let j = i;
  for (;;) {
    const gs = j;
    while (j < n && isDigitCode(text.charCodeAt(j))) j++;
    bounds[2 * count] = gs;
    bounds[2 * count + 1] = j;
    count++;
    digits += j - gs;
    // look for a separator stretch followed by another digit
    let k = j;
    let newlines = 0;
    let other = 0;
    let commaSpace = false;
    while (k < n && k - j < 5) {
      const c = text.charCodeAt(k);
      if (!isSep(c)) break;
      if (c === 10) newlines++;
      else if (c !== 32 && c !== 9 && c !== 13) other++;
      if ((c === 32 || c === 9 || c === 13 || c === 10) && k > j && text.charCodeAt(k - 1) === 44) commaSpace = true;
      k++;
    }
    if (k > j && k < n && isDigitCode(text.charCodeAt(k)) && newlines <= 2 && other <= 3 && count < MAX_GROUPS) {
      // "Ø 40, 1799": a comma and a space end a run unless both sides are short spelled-out groups
      const listBreak = commaSpace && (j - gs >= 4 || digitRunLength(text, k) >= 4);
      // "… € 5.000. tre tre tre …": a full stop and a space end a sentence, unless both sides are
      // short groups ("06. 12. 34")
      const sentenceBreak = text.charCodeAt(j) === 46 && isBlankCode(text.charCodeAt(j + 1)) && (j - gs >= 3 || digitRunLength(text, k) >= 3);
      if (!listBreak && !sentenceBreak) {
        j = k;
        continue;
      }
    }
    break;
  }
  if (digits < minDigits) return j;
  const groups: DigitGroup[] = [];
  const seps: string[] = [];
  for (let g = 0; g < count; g++) {
    if (g > 0) seps.push(text.slice(bounds[2 * g - 1]!, bounds[2 * g]!));
    groups.push({ start: bounds[2 * g]!, end: bounds[2 * g + 1]! });
  }
  let end = j;
  if (text.charCodeAt(start) === 40 && text.charCodeAt(end) === 41) end++;
  runs.push({ start, end, groups, plus, seps });
  return j;
}

const isBlankCode = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

function digitRunLength(text: string, from: number): number {
  let k = from;
  while (k < text.length && k - from < 5 && isDigitCode(text.charCodeAt(k))) k++;
  return k - from;
}

/** A letter touches the run on this side ("ref12345", "12345ln"). */
export function gluedWordBefore(text: string, pos: number): string {
  let i = pos;
  while (i > 0 && isLower(text.charCodeAt(i - 1))) i--;
  return text.slice(i, pos);
}

export function gluedWordAfter(text: string, pos: number): string {
  let i = pos;
  while (i < text.length && isLower(text.charCodeAt(i))) i++;
  return text.slice(pos, i);
}
