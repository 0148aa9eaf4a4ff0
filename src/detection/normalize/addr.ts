import { ViewBuilder, type TextView } from './view';

/**
 * The address view: obfuscated "at" and "dot" ("name [at] gmail (dot) com", "name at gmail dot
 * com", "gmail . com") become '@' and '.'. Spelled forms are replaced only where they can start an
 * address, so "point de vue" or "look at this" stay as they are.
 */

/** TLDs people spell after "dot"; short everyday words (de, es, at, me) are left out on purpose. */
export const SPELLED_TLDS = new Set(['com', 'net', 'org', 'info', 'biz', 'io', 'eu', 'fr', 'it', 'nl', 'be', 'ch', 'uk', 'co', 'shop', 'store']);

/** Web-mail domains (second-level label): "name at gmail" needs no dot to be read as an address. */
export const MAIL_PROVIDERS = new Set([
  'gmail', 'googlemail', 'hotmail', 'outlook', 'live', 'msn', 'yahoo', 'ymail', 'icloud', 'me', 'aol', 'proton', 'protonmail',
  'gmx', 'web', 'orange', 'wanadoo', 'free', 'laposte', 'sfr', 'libero', 'virgilio', 'alice', 'tiscali', 'tim', 'fastwebnet',
  't-online', 'freenet', 'telefonica', 'movistar', 'ziggo', 'kpn', 'kpnmail', 'telenet', 'skynet', 'yandex', 'mail', 'qq', '163',
]);

const AT_WORDS = new Set(['at', 'arobase', 'chiocciola', 'arroba', 'apenstaartje', 'klammeraffe', 'aet']);
// "pt": the French short form of "point" ("celine pt laurent")
const DOT_WORDS = new Set(['dot', 'punto', 'punkt', 'punt', 'point', 'pt']);

// Bounded quantifiers only: every match attempt does constant work (see rules/regex-check.ts).
// A bracketed "a" ("[a]", "(a)") stands for the at sign; bare it is only an article.
const TOKEN =
  /[ \t]{0,3}[[({<][ \t]{0,2}(at|a|@|arobase|chiocciola|arroba|apenstaartje|klammeraffe|dot|punto|punkt|punt|point|pt|\.)[ \t]{0,2}[\])}>][ \t]{0,3}|[ \t]{1,3}(at|arobase|chiocciola|arroba|apenstaartje|klammeraffe|dot|punto|punkt|punt|point|pt)[ \t]{1,3}|[ \t]{1,3}@[ \t]{0,3}|@[ \t]{1,3}|[ \t]{1,2}\.[ \t]{0,2}/g;

const isLabelChar = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45;

function wordAt(text: string, from: number): string {
  let j = from;
  while (j < text.length && (isLabelChar(text.charCodeAt(j)) || text[j] === '_')) j++;
  return text.slice(from, j);
}

function wordBefore(text: string, to: number): string {
  let j = to;
  while (j > 0 && (isLabelChar(text.charCodeAt(j - 1)) || text[j - 1] === '.' || text[j - 1] === '_')) j--;
  return text.slice(j, to);
}

/** Most address tokens read from one message; an adversarial megabyte of " at " keeps its tail as written. */
const MAX_TOKENS = 4096;

interface Tok {
  from: number;
  to: number;
  kind: '@' | '.';
  strength: 'bracket' | 'spelled' | 'spaced';
}

export function addrView(folded: TextView): TextView {
  const text = folded.text;
  const toks: Tok[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null && toks.length < MAX_TOKENS; m = TOKEN.exec(text)) {
    const word = m[1] ?? m[2];
    const from = m.index;
    const to = from + m[0].length;
    if (m[0].length === 0) {
      TOKEN.lastIndex++;
      continue;
    }
    // an address token needs address characters on both sides
    if (from === 0 || to >= text.length || !isLabelChar(text.charCodeAt(from - 1)) || !isLabelChar(text.charCodeAt(to))) continue;
    if (word !== undefined) {
      const kind = word === '@' || word === 'a' || AT_WORDS.has(word) ? '@' : '.';
      toks.push({ from, to, kind, strength: m[1] !== undefined ? 'bracket' : 'spelled' });
    } else {
      // "we're @atelier.roma", "follow us @atelier.roma": a contraction or a pronoun before an '@'
      // spaced on its left only is a mention, not the name part of an address
      if (m[0].trimStart().startsWith('@') && !/\s$/.test(m[0]) && mentionLead(text, from)) continue;
      toks.push({ from, to, kind: m[0].includes('@') ? '@' : '.', strength: 'spaced' });
    }
  }
  if (toks.length === 0) return folded;

  // decide dots first: an "at" is accepted when a dot follows its domain label
  const accepted = new Array<boolean>(toks.length).fill(false);
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.kind !== '.') continue;
    if (t.strength === 'bracket') accepted[i] = true;
    else accepted[i] = SPELLED_TLDS.has(wordAt(text, t.to)) || nextIsDotToken(toks, i, text);
  }
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.kind !== '@') continue;
    const word = text.slice(t.from, t.to).trim();
    // a bracketed "a" is also a list marker ("option (a) or…"): it needs a mail domain after it, as a spelled "at" does
    const bracketedA = t.strength === 'bracket' && /^[[({<][ \t]*a[ \t]*[\])}>]$/.test(word);
    if (!bracketedA && (t.strength !== 'spelled' || word !== 'at')) {
      accepted[i] = true;
      continue;
    }
    const right = wordAt(text, t.to);
    const left = wordBefore(text, t.from);
    const j = i + 1;
    const dotFollows = j < toks.length && toks[j]!.kind === '.' && toks[j]!.from === t.to + right.length;
    accepted[i] = MAIL_PROVIDERS.has(right) || (dotFollows && ((accepted[j]! && toks[j]!.strength !== 'spaced') || /[._0-9]/.test(left) || bracketedA));
  }
  // a dot right after an accepted '@' and one label continues the domain: "name @ hotmail . es"
  let chain = false;
  let chainEnd = 0;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.kind === '@') {
      chain = accepted[i]!;
      chainEnd = t.to;
      continue;
    }
    const between = text.slice(chainEnd, t.from);
    if (chain && /^[a-z0-9-]{1,63}$/.test(between) && wordAt(text, t.to).length > 0) accepted[i] = true;
    chain = chain && accepted[i]! && /^[a-z0-9-]{1,63}$/.test(between);
    chainEnd = t.to;
  }
  // spelled dots inside the local part: "john dot smith at gmail dot com" (from the '@' backwards)
  for (let i = toks.length - 2; i >= 0; i--) {
    const t = toks[i]!;
    const next = toks[i + 1]!;
    if (t.kind !== '.' || accepted[i] || t.strength === 'spaced' || !accepted[i + 1]!) continue;
    const label = wordAt(text, t.to);
    if (label.length > 0 && next.from === t.to + label.length && (next.kind === '@' || next.strength !== 'spaced')) accepted[i] = true;
  }
  // most messages with tokens accept none ("look at this"): the builder and its maps only when one is
  let b: ViewBuilder | undefined;
  let pos = 0;
  for (let i = 0; i < toks.length; i++) {
    if (!accepted[i]) continue;
    const t = toks[i]!;
    b ??= new ViewBuilder(folded);
    b.keep(pos, t.from);
    b.replace(t.kind, t.from, t.to);
    pos = t.to;
  }
  if (b === undefined) return folded;
  b.keep(pos, text.length);
  return b.finish();
}

/** Object pronouns that come before an @mention ("follow us @x", "trovami @x"). */
const MENTION_LEADS = new Set(['me', 'us', 'moi', 'nous', 'mi', 'ci', 'mich', 'uns', 'mij', 'ons', 'nos']);

/** The word before the spaced '@' at `from` is a pronoun or the tail of a contraction ("we're"). */
function mentionLead(text: string, from: number): boolean {
  const w = wordBefore(text, from);
  return text[from - w.length - 1] === "'" || MENTION_LEADS.has(w);
}

/** "gmail dot co dot uk": a dot whose label is followed by another spelled dot. */
function nextIsDotToken(toks: Tok[], i: number, text: string): boolean {
  const t = toks[i]!;
  const next = toks[i + 1];
  if (next === undefined || next.kind !== '.' || next.strength === 'spaced') return false;
  const w = wordAt(text, t.to);
  return w.length > 0 && next.from === t.to + w.length && SPELLED_TLDS.has(wordAt(text, next.to));
}

export function isAtWord(w: string): boolean {
  return AT_WORDS.has(w);
}
export function isDotWord(w: string): boolean {
  return DOT_WORDS.has(w);
}
