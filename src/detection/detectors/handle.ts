import { toOriginal, type TextView } from '../normalize';
import type { CompiledRuleSet } from '../rules';
import { handleAlternatives } from '../rules/compile';
import { buildAliasFinder, type AliasFinder } from './alias-finder';
import type { Detector, ScanState } from './detector';

/** Words between a platform name and the handle: "WhatsApp me at", "insta: @x", "WeChat ID is x". */
const FILLERS = new Set([
  'me', 'on', 'at', 'is', 'my', 'id', 'handle', 'user', 'username', 'name', 'account', 'acct', 'profile', 'page', 'add', 'find', 'search', 'as',
  'su', 'sur', 'auf', 'en', 'op', 'via', 'mon', 'mio', 'mein', 'meine', 'mi', 'mijn', 'est', 'e', 'ist', 'es', 'il', 'le', 'la', 'de', 'der', 'el', 'het',
  'under', 'sous', 'unter', 'onder', 'come', 'als', 'como', 'here', 'it', 's', 'nom', 'nome', 'nombre', 'utente', 'usuario', 'gebruiker', 'compte', 'conto', 'cuenta',
]);
/** Words that mark what follows as an identifier even without '@', digits or dots. */
const MARKERS = new Set(['id', 'handle', 'username', 'user', 'name', 'account', 'nom', 'nome', 'nombre', 'utente', 'usuario', 'gebruiker', 'profile']);
/** Aliases that are also everyday words: they need ':' / 'id' / '@' to count. */
const WEAK_ALIASES = new Set(['line', 'signal', 'snap', 'wa', 'ig', 'tg', 'fb', 'messenger']);

/** a–z, 0–9, '.', '_', '-': the characters of an identifier. */
const isIdCode = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 46 || c === 95 || c === 45;

/** The finder of a rule set's aliases, built once per rule set (its `handle` part). */
const finders = new WeakMap<CompiledRuleSet['handle'], AliasFinder>();

/** Finds what `rs.handle.finder` finds, by hand when the aliases allow it (see alias-finder.ts). */
export function aliasFinderOf(handle: CompiledRuleSet['handle']): AliasFinder {
  let f = finders.get(handle);
  if (f === undefined) {
    const re = handle.finder;
    f = buildAliasFinder(handleAlternatives(handle.aliases.keys(), handle.contactVerbs)) ?? {
      next(text, from) {
        re.lastIndex = from;
        const m = re.exec(text);
        return m === null ? undefined : [m.index, m.index + m[0].length];
      },
    };
    finders.set(handle, f);
  }
  return f;
}

interface Candidate {
  start: number;
  end: number;
  id: string;
  at: boolean;
  marked: boolean;
}

/** The identifier after a platform name, skipping filler words; bounded to 48 characters. */
function handleAfter(text: string, from: number): Candidate | undefined {
  let i = from;
  let marked = false;
  const limit = Math.min(text.length, from + 48);
  while (i < limit) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '-' || c === '(' || c === ')' || c === '"' || c === "'" || c === ',') {
      i++;
      continue;
    }
    if (c === ':' || c === '=' || c === '>') {
      marked = true;
      i++;
      continue;
    }
    if (c === '.' || c === '/') return undefined;
    const at = c === '@';
    const s = at ? i + 1 : i;
    let e = s;
    while (e < text.length && e - s < 40 && isIdCode(text.charCodeAt(e))) e++;
    while (e > s && (text[e - 1] === '.' || text[e - 1] === '-')) e--;
    if (e === s) return undefined;
    const word = text.slice(s, e);
    if (!at && FILLERS.has(word)) {
      if (MARKERS.has(word)) marked = true;
      i = e;
      continue;
    }
    return { start: i, end: e, id: word, at, marked };
  }
  return undefined;
}

function plausibleId(c: Candidate, strong: boolean): boolean {
  // platforms cap names at 30–32 characters, but a dealer may write a longer one all the same when it carries an '@'
  if (c.id.length < 3 || c.id.length > (c.at ? 40 : 32)) return false;
  if (/^[+\d\s().-]+$/.test(c.id) || /^[0-9oli]+$/.test(c.id)) return false; // a phone number (maybe with O/l for 0/1): the phone detector reports it
  if (c.at) return /[a-z]/.test(c.id);
  if (/[\d_.]/.test(c.id)) return /[a-z]/.test(c.id);
  return c.marked && strong;
}

/**
 * Handles tied to a messaging or social platform: "WhatsApp: @villa_antiques", "WeChat ID
 * lux_watch88", "@atelier.roma on Instagram". A bare @word without a platform is left alone.
 */
export const handleDetector: Detector = {
  name: 'handle',
  kinds: ['handle'],
  applies: (s) => (s.flags & (16 | 32)) !== 0 || s.at > 0,
  detect(state) {
    const { rs } = state;
    const view = state.folded;
    const text = view.text;
    const finder = aliasFinderOf(rs.handle);
    const first = finder.next(text, 0);
    // most messages get here for an everyday word ("line", "add", "find") and hold no alias and no
    // '@' (the prefilter counted those of the folded text): nothing to read, nothing to allocate
    if (first === undefined && (state.signals.at === 0 || !text.includes('@'))) return;
    const seen = new Set<number>();
    const mentions: Array<{ start: number; end: number; platform: string }> = [];
    let guard = 0;
    for (let m = first; m !== undefined && guard < 64; m = finder.next(text, m[1]), guard++) {
      const written = text.slice(m[0], m[1]);
      const alias = written.replace(/[\s-]+/g, ' ');
      const platform = rs.handle.aliases.get(alias) ?? (rs.handle.contactVerbs.has(alias) || rs.handle.contactVerbs.has(written) ? 'contact' : undefined);
      if (platform === undefined) continue;
      mentions.push({ start: m[0], end: m[1], platform });
      const c = handleAfter(text, m[1]);
      if (c === undefined) continue;
      const weak = WEAK_ALIASES.has(alias);
      if (!plausibleId(c, !weak || c.marked)) continue;
      if (weak && !c.marked && !c.at) continue;
      if (text[c.end] === '@' || (text[c.end] === '.' && /[a-z]/.test(text[c.end + 1] ?? ''))) continue; // an email or domain
      push(state, view, seen, c, platform);
    }
    // "@villa.antiques on insta": an @handle with a platform named shortly after or before
    for (let p = text.indexOf('@'); p >= 0 && guard < 128; p = text.indexOf('@', p + 1), guard++) {
      if (p > 0 && /[a-z0-9._%+\-]/.test(text[p - 1]!)) continue;
      const c = handleAfter(text, p);
      if (c === undefined || !c.at || seen.has(c.start)) continue;
      if (text[c.end] === '@' || (text[c.end] === '.' && /[a-z]/.test(text[c.end + 1] ?? ''))) continue;
      const near = mentions.find((mm) => Math.abs(mm.start - c.end) <= 40 || Math.abs(c.start - mm.end) <= 40);
      if (near === undefined || !plausibleId(c, true)) continue;
      push(state, view, seen, c, near.platform);
    }
  },
};

/** Reports a handle once per start (module level: no closure per message). */
function push(state: ScanState, view: TextView, seen: Set<number>, c: Candidate, platform: string): void {
  if (seen.has(c.start)) return;
  seen.add(c.start);
  const { rs } = state;
  const span = toOriginal(view, c.start, c.end);
  const contact = platform === 'contact';
  state.hits.push({
    kind: 'handle',
    start: span.start,
    end: span.end,
    normalized: `${platform}:${c.id}`,
    rule: contact ? 'handle.contact_verb' : `handle.${platform}`,
    clause: rs.handle.clause,
    weight: contact ? rs.handle.weights.contact_verb : rs.handle.weights.platform,
  });
}
