import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, analyzeText, foldedUnits, foldedView, SignalStore } from './analyze';
import { findDigitRuns } from './detectors/digit-runs';
import { LIMITS, type Signals } from './detectors/detector';
import { DETECTORS } from './detectors/registry';
import { findUrls } from './detectors/url';
import { findPhones } from './detectors/phone';
import { phraseDetector, phrasesMayMatch } from './detectors/phrases';
import { compileRuleSet, defaultRuleSet, literalIndex, type CompiledRuleSet } from './rules';
import { addrView, digitView, fold, foldByCodePoint, toOriginal, type TextView } from './normalize';
import { defaultCompiledRuleSet, scanMessage } from './index';
import { regionHints, runMayCross, splitPhoneHits, splitPossible } from './scan';
import type { RawHit, ScanInput } from './types';

/**
 * The shortcuts of the hot path (fast folds, views skipped when the prefilter says they would
 * change nothing, digit runs searched only in the words that hold digits) must give exactly what
 * the long way gives; and the work on adversarial input must stay bounded.
 */
const rs = defaultCompiledRuleSet();

function sameView(original: string, a: TextView, b: TextView): void {
  expect(a.text).toBe(b.text);
  for (let i = 0; i < a.text.length; i++) expect(toOriginal(a, i, i + 1)).toEqual(toOriginal(b, i, i + 1));
  expect(a.originalLength).toBe(original.length);
}

const pieces = [
  'zéro', 'six', 'douze', 'trente-quatre', 'un', 'deux', 'vingt', 'et', 'double', 'plus', 'O6', 'l2', '06', '12', '+33', '4111', 'FR76',
  'at', 'dot', 'punto', 'arobase', 'gmail', 't-online', '163', 'com', 'fr', 'xyz', 'j.doe', '@', '.', '[', ']', '(', ')', '<', '>',
  'a', 'pt', 'es', 'us', "we're", 'oh', 'O2O',
  'Straße', 'É', '😀', '５', '٣', '5️⃣', 'Ǆ', 'İ', '\u200b', 'ﬁ', 'Привет', '你好',
];
const seps = [' ', '  ', '', '\t', '.', ', ', '-', '/', '\n', ' . '];
const soup = fc.array(fc.tuple(fc.constantFrom(...pieces), fc.constantFrom(...seps)), { maxLength: 24 }).map((a) => a.map(([p, s]) => p + s).join(''));

/** The signals of one message as plain data: the digit words and the woken rules' offsets as lists, in the prefilter's order. */
function plain(s: Signals): Record<string, unknown> {
  const { digitTokens, digitTokenCount, phraseRules, ...counts } = s;
  const rules: [number, number[]][] = [];
  for (let k = 0; k < phraseRules.size; k++) rules.push([phraseRules.rule(k), Array.from({ length: phraseRules.count(k) }, (_, j) => phraseRules.position(k, j))]);
  return { ...counts, digitTokens: Array.from(digitTokens).slice(0, digitTokenCount), phraseRules: rules };
}

describe('the hot path takes only exact shortcuts', () => {
  it('folds any text exactly as folding it code point by code point', () => {
    fc.assert(
      fc.property(fc.oneof(soup, fc.string({ unit: 'binary', maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 80 })), (s) => {
        sameView(s, fold(s), foldByCodePoint(s));
      }),
      { numRuns: 800 },
    );
  });
  it('reads the original text into the same signals as the folded one, and folds it the same', () => {
    fc.assert(
      fc.property(fc.oneof(soup, fc.string({ unit: 'binary', maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 80 })), (s) => {
        const f = fold(s);
        const direct = analyzeText(rs, s);
        // undefined: a unit that does not fold to exactly one unit; the caller folds first
        if (direct === undefined) return;
        expect(plain(direct)).toEqual(plain(analyze(rs, f.text, s)));
        sameView(s, foldedView(s), f);
        expect(foldedView(s).map).toBeNull();
      }),
      { numRuns: 2000 },
    );
  });
  it('lower-cases every pair of ASCII units, read two at a time, as it would one at a time', () => {
    const store = new SignalStore();
    const lower = (c: number): number => (c >= 65 && c <= 90 ? c + 32 : c);
    for (let a = 0; a < 128; a++) {
      for (let b = 0; b < 128; b++) {
        // an odd length: the last unit is read alone
        const s = String.fromCharCode(a, b, a);
        expect(analyzeText(rs, s, store)).toBeDefined();
        const units = foldedUnits(s)!;
        if (units[0] !== lower(a) || units[1] !== lower(b) || units[2] !== lower(a)) expect([...units.subarray(0, 3)], JSON.stringify(s)).toEqual([lower(a), lower(b), lower(a)]);
      }
    }
  });
  it('reads a message built by concatenation (a rope) as its flat copy, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(soup, fc.string({ unit: 'binary', maxLength: 20 })), { minLength: 2, maxLength: 6 }), (parts) => {
        let rope = '';
        for (const p of parts) rope = rope + p + ' ';
        // a copy that shares nothing with the rope: a flat string of the same units
        const flat = Array.from({ length: rope.length }, (_, i) => String.fromCharCode(rope.charCodeAt(i))).join('');
        const a = analyzeText(rs, rope);
        const viewA = a === undefined ? undefined : foldedView(rope);
        const b = analyzeText(rs, flat);
        expect(a && plain(a)).toEqual(b && plain(b));
        if (viewA !== undefined) sameView(flat, viewA, foldedView(flat));
      }),
      { numRuns: 1000 },
    );
  });
  it('skips the digit view only where it would change nothing', () => {
    fc.assert(
      fc.property(soup, (s) => {
        const f = fold(s);
        const sig = analyze(rs, f.text, s);
        if (sig.numberGroups === 0 && sig.oliTokens === 0) expect(digitView(f)).toBe(f);
      }),
      { numRuns: 2000 },
    );
  });
  it('skips the address view only where it would change nothing', () => {
    fc.assert(
      fc.property(soup, (s) => {
        const f = fold(s);
        const sig = analyze(rs, f.text, s);
        if (sig.addrHints === 0 && sig.at === 0) expect(addrView(f)).toBe(f);
      }),
      { numRuns: 2000 },
    );
  });
  it('finds the same digit runs from the words holding digits as from a full scan', () => {
    fc.assert(
      fc.property(soup, (s) => {
        const f = fold(s);
        const sig = analyze(rs, f.text, s);
        expect(findDigitRuns(f.text, sig)).toEqual(findDigitRuns(f.text));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the prefilter writes each message over the last in reused storage', () => {
  /** The default rules, where the English "deal directly" rule also wakes on words starting "pri" and "bet" (offsets out of order). */
  const prefixed = ((): CompiledRuleSet => {
    const j = JSON.parse(JSON.stringify(defaultRuleSet)) as { rules: { triggers: string[] }[] };
    j.rules[0]!.triggers.push('pri*', 'bet*', 'dir*');
    const r = compileRuleSet(j);
    if (!r.ok) throw new Error('rule set');
    return r.value;
  })();
  const triggerWords = [...rs.triggers.keys()];
  // many trigger words and words holding digits: the storage grows while messages are read into it
  const ruleWords = ['directly', 'direct', 'privately', 'between', 'private', 'better', 'director'];
  const busy = fc
    .array(fc.tuple(fc.oneof(fc.constantFrom(...pieces, ...triggerWords, '12', '34 56'), fc.constantFrom(...ruleWords)), fc.constantFrom(...seps)), { minLength: 10, maxLength: 60 })
    .map((a) => a.map(([p, sep]) => p + sep).join(''));
  it('gives for every message what a new store gives, whatever was read into it before', () => {
    let unordered = 0;
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.oneof(soup, busy)), { minLength: 1, maxLength: 8 }), (messages) => {
        const store = new SignalStore();
        for (const [withPrefixes, s] of messages) {
          const set = withPrefixes ? prefixed : rs;
          const f = fold(s);
          const reused = analyzeText(set, s, store) ?? analyze(set, f.text, s, store);
          const alone = plain(analyze(set, f.text, s));
          expect(plain(reused), s).toEqual(alone);
          if ((alone.phraseRules as [number, number[]][]).some(([, at]) => at.some((x, j) => j > 0 && x < at[j - 1]!))) unordered++;
        }
      }),
      { numRuns: 1000 },
    );
    // the trigger offsets of a rule were out of order in some messages (a `word*` trigger before a word)
    expect(unordered).toBeGreaterThan(20);
  });
  it('reads the earlier messages a split number may start in without disturbing the signals of the message being scanned', () => {
    const bits = ['06', '12', '34', '56', '78', 'six', 'douze', 'call', 'me', 'directly', 'commission', 'gmail', 'at', 'dot', 'com', 'iban', 'FR76', '.', ' ', '\n'];
    const message = fc.array(fc.constantFrom(...bits), { maxLength: 14 }).map((a) => a.join(' '));
    let flagged = 0;
    fc.assert(
      fc.property(fc.array(message, { minLength: 1, maxLength: 3 }), message, (earlierTexts, text) => {
        // new message objects for every run: whether one holds a number is remembered per object
        const earlier = (): ScanInput[] => earlierTexts.map((t, i) => ({ id: `e${i}`, text: t, conversation: 'c', sender: 'seller:1', country: 'FR' }));
        const input: ScanInput = { id: 'm', text, conversation: 'c', sender: 'seller:1', country: 'FR' };
        const known = earlierTexts.map((t) => {
          const s = analyze(rs, fold(t).text, t);
          return s.digits > 0 || s.numberWords > 0;
        });
        // told whether each earlier message holds a number, the scan reads none of them
        const told = scanMessage(rs, input, { earlier: earlier(), heldNumber: (k) => known[k] });
        const read = scanMessage(rs, input, { earlier: earlier() });
        expect(read).toEqual(told);
        if (told.hits.length > 0) flagged++;
      }),
      { numRuns: 1000 },
    );
    expect(flagged).toBeGreaterThan(30);
    // the earlier message is read while the digits of this one are still to be searched
    const [e, m] = [{ id: 'e', text: 'call me directly at', conversation: 'c', sender: 'seller:1', country: 'FR' }, { id: 'm', text: '06 12 34 56 78', conversation: 'c', sender: 'seller:1', country: 'FR' }];
    expect(scanMessage(rs, m, { earlier: [e] }).hits.some((h) => h.kind === 'phone' && h.start === 0)).toBe(true);
  });
});

describe('the handle detector is skipped only where its finder finds nothing', () => {
  // every alias and contact verb of the rule set, their first words alone, and everyday words around them
  const aliasWords = [...rs.handle.aliases.keys(), ...rs.handle.contactVerbs].flatMap((a) => [a, ...a.split(/[ -]/)]);
  const handleSeps = [' ', '  ', '   ', '', '-', '--', ' - ', '\t', '\n', '\u00a0', ':', '.', '2'];
  const handleSoup = fc
    .array(fc.tuple(fc.constantFrom(...aliasWords, 'me', 'chat', 'app', 'id', 'toe', 'moi', 'mir', 'the', 'we', 'line', 'Line', 'WE', 'x'), fc.constantFrom(...handleSeps)), { maxLength: 4 })
    .map((a) => a.map(([p, sep]) => p + sep).join(''));
  it('sets the platform or contact-verb flag wherever the finder matches', () => {
    const applies = DETECTORS.find((d) => d.name === 'handle')!.applies;
    fc.assert(
      fc.property(handleSoup, (s) => {
        const f = fold(s);
        const signals = analyzeText(rs, s) ?? analyze(rs, f.text, s);
        rs.handle.finder.lastIndex = 0;
        if (rs.handle.finder.test(f.text)) expect(applies(signals)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
  it('does not run for a first word alone ("we", "follow", "line" as everyday words)', () => {
    const applies = DETECTORS.find((d) => d.name === 'handle')!.applies;
    for (const s of ['We can ship it next week', 'Follow the instructions', 'Find the receipt attached', 'Add the cushion?']) expect(applies(analyzeText(rs, s)!), s).toBe(false);
    for (const s of ['add  me', 'we -chat', 'WeChat: lux88', 'we chat id lux88', 'we-chat lux88', 'wechat lux88', 'voeg me toe', '加我微信 lux88']) expect(applies(analyzeText(rs, s) ?? analyze(rs, fold(s).text, s)), s).toBe(true);
  });
});

describe('the url detector is skipped only where it finds nothing', () => {
  const urlPieces = ['1', '12', '192', '168', '0', '255', '3', 'example', 'com', 'fr', 'shop', 'www', 'http', 'https', '://', '//', '/admin', ':8080', '.', '..', '-', 'x', 'e', 'g', 'approx', 'рф', 'xn--p1ai', 'i❤', 'ws', '1stdibs'];
  const urlSoup = fc.array(fc.tuple(fc.constantFrom(...urlPieces), fc.constantFrom('', '', '.', ' ', '/', ':')), { maxLength: 10 }).map((a) => a.map(([p, sep]) => p + sep).join(''));
  it('counts the dots a link may need wherever findUrls finds one', () => {
    const url = DETECTORS.find((d) => d.name === 'url')!;
    fc.assert(
      fc.property(urlSoup, (s) => {
        const f = fold(s);
        const signals = analyzeText(rs, s) ?? analyze(rs, f.text, s);
        const out: RawHit[] = [];
        findUrls(rs, signals.addrWords > 0 || signals.at > 0 ? addrView(f) : f, s, out);
        if (out.length > 0) expect(url.applies(signals), s).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
  it('does not run for decimals, versions and dimensions', () => {
    const url = DETECTORS.find((d) => d.name === 'url')!;
    for (const s of ['1.5 m wide', 'approx 3.200,00 €', 'v2.1', 'H 32.5 x W 18.25 in']) expect(url.applies(analyzeText(rs, s)!), s).toBe(false);
    for (const s of ['see 192.168.1.1/admin', 'villa-antiques.fr', 'http://1.2.3.4:8080']) expect(url.applies(analyzeText(rs, s)!), s).toBe(true);
  });
});

describe('the phone detector is skipped only where it finds nothing', () => {
  const phonePieces = ['06', '12', '34', '56', '78', '612', '345', '6789', '0612345678', '+33', '+44', '020', '7946', '0958', '1', '2024', '12,500', 'O6', 'l2', 'six', 'douze', 'zéro', 'double', 'x', 'cm', 'tel', '5️⃣', '０６'];
  const phoneSeps = [' ', '', '.', '-', '  ', ' - ', '/', '\n', '\n\n\n', ', ', '. ', '      ', ' x ', '(', ')'];
  const phoneSoup = fc.array(fc.tuple(fc.constantFrom(...phonePieces), fc.constantFrom(...phoneSeps)), { maxLength: 9 }).map((a) => a.map(([p, sep]) => p + sep).join(''));
  it('sees seven digits in one run wherever findPhones finds a number', () => {
    const phone = DETECTORS.find((d) => d.name === 'phone')!;
    fc.assert(
      fc.property(phoneSoup, fc.constantFrom('FR', 'GB', 'US', 'DE'), (s, country) => {
        const f = fold(s);
        const signals = analyzeText(rs, s) ?? analyze(rs, f.text, s);
        const dv = digitView(f);
        const found = findPhones(rs, dv, findDigitRuns(dv.text), regionHints(rs, { id: 'p', text: s, country }), s, false);
        if (found.length > 0) expect(phone.applies(signals), s).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
  it('does not run for prices, dimensions and dates apart', () => {
    const phone = DETECTORS.find((d) => d.name === 'phone')!;
    for (const s of ['82 x 45 x 30 cm, $12,500', 'circa 1920 or the 1950s', 'Lot 1234 / ref 567']) expect(phone.applies(analyzeText(rs, s)!), s).toBe(false);
    for (const s of ['06 12 34 56 78', '020-7946-0958', 'zéro six douze trente-quatre']) expect(phone.applies(analyzeText(rs, s)!), s).toBe(true);
  });
});

describe('the phrase detector is skipped only where it finds nothing', () => {
  // trigger words and the words the rules require, glued and spaced in every way
  const words = [...new Set([...rs.triggers.keys(), ...literalIndex(rs.phrases).literals.flatMap((l) => l.split(/\s+/))].filter((w) => w.length > 0))];
  const phraseSoup = fc.array(fc.tuple(fc.constantFrom(...words), fc.constantFrom(' ', ' ', '', '. ', ', ', '\n', "'")), { minLength: 1, maxLength: 14 }).map((a) => a.map(([p, sep]) => p + sep).join(''));
  /** The phrase detector's hits on message `s`, folded `f`, whose automaton reading it is told of or not. */
  const phraseHits = (s: string, f: TextView, signals: Signals, literalsRead = false): RawHit[] => {
    const hits: RawHit[] = [];
    phraseDetector.detect({ rs, input: { id: 'p', text: s }, text: s, folded: f, signals, regions: [], digitView: () => f, addrView: () => f, digitRuns: () => [], hits, literalsRead });
    return hits;
  };
  it('rules out the rules the detector would find nothing for, and no other', () => {
    let pruned = 0;
    fc.assert(
      fc.property(phraseSoup, (s) => {
        const f = fold(s);
        const signals = analyzeText(rs, s) ?? analyze(rs, f.text, s);
        if (!phraseDetector.applies(signals)) return;
        if (phrasesMayMatch(rs, signals, f.text, f.text.length)) return;
        pruned++;
        expect(phraseHits(s, f, signals), s).toEqual([]);
      }),
      { numRuns: 3000 },
    );
    // the property is not vacuous: most soups wake a rule that cannot match
    expect(pruned).toBeGreaterThan(300);
  });
  it('gives the same result as a scan that runs the detector on every trigger word', () => {
    fc.assert(
      fc.property(phraseSoup, (s) => {
        const f = fold(s);
        const signals = analyzeText(rs, s) ?? analyze(rs, f.text, s);
        const hits = phraseDetector.applies(signals) ? phraseHits(s, f, signals) : [];
        const found = scanMessage(rs, { id: 'p', text: s }).hits.filter((h) => h.kind === 'intent' || h.rule.startsWith('payment.'));
        for (const h of hits) expect(found.some((x) => x.rule === h.rule && x.start <= h.start && x.end >= h.end) || found.some((x) => x.start < h.end && x.end > h.start), s).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
  it('runs the same patterns on what phrasesMayMatch told it as on its own reading', () => {
    let told = 0;
    fc.assert(
      fc.property(phraseSoup, (s) => {
        const f = fold(s);
        const signals = analyzeText(rs, s) ?? analyze(rs, f.text, s);
        if (!phraseDetector.applies(signals)) return;
        const own = phraseHits(s, f, signals);
        if (!phrasesMayMatch(rs, signals, f.text, f.text.length)) return;
        told++;
        expect(phraseHits(s, f, signals, true), s).toEqual(own);
      }),
      { numRuns: 2000 },
    );
    expect(told).toBeGreaterThan(100);
  });
});

describe('the split-number pass is skipped only where it finds nothing', () => {
  const bits = ['06', '12', '34', '56', '78', '+33', '0', 'six', 'douze', 'trente', 'quatre', 'vingt', 'zéro', 'O6', 'l2', 'then', 'puis', 'call', 'me', 'at', '.', '-', ' ', '  ', ', ', '\n', 'é', '５', '🔟', 'sixteen'];
  const message = fc.array(fc.constantFrom(...bits), { maxLength: 12 }).map((a) => a.join(' '));
  it('finds no split number when the prefilter says none can be there', () => {
    let found = 0;
    fc.assert(
      fc.property(fc.array(fc.tuple(message, fc.boolean()), { minLength: 1, maxLength: 4 }), message, fc.constantFrom('FR', 'DE', 'GB'), (earlierParts, text, country) => {
        const earlier: ScanInput[] = earlierParts.map(([t, same], i) => ({ id: `e${i}`, text: t, conversation: 'c', sender: same ? 'seller:1' : 'buyer:2', country }));
        const input: ScanInput = { id: 'm', text, conversation: 'c', sender: 'seller:1', country };
        const ctx = { earlier };
        const f = fold(text);
        const hits = splitPhoneHits(rs, input, ctx);
        if (hits.length > 0) found++;
        if (!splitPossible(rs, input, ctx, analyze(rs, f.text, text))) expect(hits).toEqual([]);
      }),
      { numRuns: 1500 },
    );
    // the property met numbers that were split, not only messages without any
    expect(found).toBeGreaterThan(10);
  });
  it('reads the join of two messages only where a digit run can cross it, and finds the same numbers', () => {
    const ends = [...bits, 'cm', '!', '?', '€', 'double', 'et', 'plus', 'x', ':', '(', ')', 'ab12', '12ab', 'l0l', 'oil', 'thanks.', '😀', 'Straße', '٣'];
    const part = fc.array(fc.constantFrom(...ends), { maxLength: 10 }).chain((a) => fc.constantFrom(...seps).map((sep) => a.join(sep)));
    let found = 0;
    let skipped = 0;
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 3 }), part, fc.constantFrom('FR', 'DE', 'GB'), (earlierTexts, text, country) => {
        const earlier: ScanInput[] = earlierTexts.map((t, i) => ({ id: `e${i}`, text: t, conversation: 'c', sender: 'seller:1', country }));
        const input: ScanInput = { id: 'm', text, conversation: 'c', sender: 'seller:1', country };
        const long = splitPhoneHits(rs, input, { earlier }, true);
        if (long.length > 0) found++;
        if (!runMayCross(earlierTexts[earlierTexts.length - 1]!.slice(-80), text)) skipped++;
        expect(splitPhoneHits(rs, input, { earlier }), JSON.stringify([earlierTexts, text])).toEqual(long);
      }),
      { numRuns: 3000 },
    );
    expect(found).toBeGreaterThan(20);
    expect(skipped).toBeGreaterThan(300);
  });
});

describe('work on adversarial input is bounded', () => {
  const megabyte = (chunk: string): string => chunk.repeat(Math.ceil(1_000_000 / chunk.length));
  it.each([
    ['digits and separators', '1 '],
    ['scheme after scheme', 'http://'],
    ['spelled addresses', 'name at gmail dot com '],
    ['IBAN starts', 'FR76 '],
    ['host names', 'ab.cd.'],
    ['number words', 'zero un deux trois '],
    ['o/l digits', 'O6l2 '],
    ['emoji and digits', '😀1'],
  ])('a megabyte of %s scans in bounded time and keeps a bounded number of findings', (_name, chunk) => {
    const t0 = performance.now();
    const r = scanMessage(rs, { id: 'adv', text: megabyte(chunk) });
    expect(performance.now() - t0).toBeLessThan(3000);
    const perKind = new Map<string, number>();
    for (const h of r.hits) perKind.set(h.kind, (perKind.get(h.kind) ?? 0) + 1);
    // one kind can come from two detectors (payment: the phrase rules and the bank-details detector)
    for (const n of perKind.values()) expect(n).toBeLessThanOrEqual(LIMITS.hitsPerDetector * 2);
  });
});
