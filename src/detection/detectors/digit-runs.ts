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

const SEP = new Set([' ', '\t', '\r', '\n', '.', '-', '/', '(', ')', '_', '*', ',', '|', '~', '+']);
const MAX_GROUPS = 40;

function digitsOf(text: string, run: DigitRun, from = 0, to = run.groups.length): string {
  let s = '';
  for (let k = from; k < to; k++) s += text.slice(run.groups[k]!.start, run.groups[k]!.end);
  return s;
}
export { digitsOf };

/**
 * Finds runs of digit groups separated by at most a few separator characters (at most two line
 * breaks). Linear: every character is visited a bounded number of times.
 */
export function findDigitRuns(text: string): DigitRun[] {
  const runs: DigitRun[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isDigitCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let start = i;
    let plus = false;
    if (i > 0 && (text[i - 1] === '+' || text[i - 1] === '(')) {
      start = i - 1;
      plus = text[i - 1] === '+';
      if (!plus && i > 1 && text[i - 2] === '+') {
        start = i - 2;
        plus = true;
      }
    }
    const groups: DigitGroup[] = [];
    const seps: string[] = [];
    let j = i;
    for (;;) {
      const gs = j;
      while (j < n && isDigitCode(text.charCodeAt(j))) j++;
      groups.push({ start: gs, end: j });
      // look for a separator stretch followed by another digit
      let k = j;
      let newlines = 0;
      let other = 0;
      while (k < n && k - j < 5 && SEP.has(text[k]!)) {
        if (text[k] === '\n') newlines++;
        else if (text[k] !== ' ' && text[k] !== '\t' && text[k] !== '\r') other++;
        k++;
      }
      // "Ø 40, 1799": a comma and a space end a run unless both sides are short spelled-out groups
      const listBreak = /,\s/.test(text.slice(j, k)) && (j - gs >= 4 || digitRunLength(text, k) >= 4);
      if (k > j && k < n && isDigitCode(text.charCodeAt(k)) && newlines <= 2 && other <= 3 && !listBreak && groups.length < MAX_GROUPS) {
        seps.push(text.slice(j, k));
        j = k;
        continue;
      }
      break;
    }
    let end = j;
    if (text[start] === '(' && text[end] === ')') end++;
    runs.push({ start, end, groups, plus, seps });
    i = j;
  }
  return runs;
}

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
