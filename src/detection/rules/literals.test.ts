import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold } from '../normalize';
import { buildLiteralIndex, defaultCompiledRuleSet, entriesMet, entryMet, findLiterals, findLiteralsIn, holds, literalIndex, mayContainMatch, needsMet, requiredLiterals, type PhraseRule } from './index';

/**
 * The phrase detector asks the literal automaton, after one pass over a message, what it used to
 * ask `includes` string by string: the answers must be the same for any text.
 */
const rs = defaultCompiledRuleSet();
const index = literalIndex(rs.phrases);
const withNeeds = rs.phrases.map((r, i) => [r, i] as const).filter(([r]) => r.needs !== undefined);

/** Text that often holds the literals, whole or cut, glued or apart, beside anything else. */
function textOf(words: readonly string[], minPieces = 0, maxPieces = 12): fc.Arbitrary<string> {
  const piece = fc.oneof(
    fc.constantFrom(...words),
    fc.constantFrom(...words).chain((w) => fc.nat(w.length).map((k) => w.slice(0, k))),
    fc.constantFrom(...words).chain((w) => fc.nat(w.length).map((k) => w.slice(k))),
    fc.string({ unit: 'grapheme', maxLength: 6 }),
  );
  return fc.array(fc.tuple(piece, fc.constantFrom('', ' ', "'", '-', '. ', 'x')), { minLength: minPieces, maxLength: maxPieces }).map((a) => a.map(([p, s]) => p + s).join(''));
}

describe('the literal automaton', () => {
  it('is built once per rule set', () => {
    expect(literalIndex(rs.phrases)).toBe(index);
    expect(index.literals.length).toBeGreaterThan(1000);
  });

  it('finds exactly the literals a text includes, for the default rule set', () => {
    fc.assert(
      fc.property(textOf(index.literals), (t) => {
        findLiterals(index, t);
        // the literals whose answer differs from includes: one comparison at the end, not one per literal
        const wrong = index.literals.filter((l, k) => holds(index, k) !== t.includes(l));
        expect(wrong).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('answers every rule as mayContainMatch does on the whole text', () => {
    let met = 0;
    for (const [rule, i] of withNeeds) {
      // the rule's own strings, so that random text often satisfies it
      fc.assert(
        fc.property(textOf([...new Set(rule.needs!.flat(2))]), (t) => {
          findLiterals(index, t);
          const expected = mayContainMatch(rule.needs!, t);
          if (expected) met++;
          expect(needsMet(index, index.needs[i]!)).toBe(expected);
          // entry by entry too: the detector runs the patterns whose entry holds
          const each = new Uint8Array(index.needs[i]!.length);
          const count = entriesMet(index, i, each);
          index.needs[i]!.forEach((entry, a) => {
            const holdsHere = mayContainMatch([rule.needs![a]!], t);
            expect(entryMet(index, entry)).toBe(holdsHere);
            expect(each[a]).toBe(holdsHere ? 1 : 0);
          });
          expect(count).toBe(each.reduce((n, v) => n + v, 0));
        }),
        { numRuns: 40 },
      );
    }
    // exercised on texts that satisfy rules, not only on texts that satisfy none
    expect(met).toBeGreaterThan(withNeeds.length);
  });

  it('finds overlapping literals, literals inside others and literals at either end', () => {
    const rules = ['she|he|hers|his', 'abcd|bc|c|d', "l'atelier|€|x"].map((src) => ({ needs: requiredLiterals(src) }) as unknown as PhraseRule);
    const small = buildLiteralIndex(rules);
    fc.assert(
      fc.property(fc.array(fc.constantFrom('s', 'h', 'e', 'r', 'i', 'a', 'b', 'c', 'd', "l'", 'atelier', '€', 'x', ' ', 'é'), { maxLength: 30 }), (parts) => {
        const t = parts.join('');
        findLiterals(small, t);
        for (let k = 0; k < small.literals.length; k++) expect(holds(small, k)).toBe(t.includes(small.literals[k]!));
        for (let r = 0; r < rules.length; r++) {
          expect(needsMet(small, small.needs[r]!)).toBe(mayContainMatch(rules[r]!.needs!, t));
          const met = new Uint8Array(small.needs[r]!.length);
          entriesMet(small, r, met);
          rules[r]!.needs!.forEach((entry, a) => expect(met[a]).toBe(mayContainMatch([entry], t) ? 1 : 0));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('finds the same in a long text read as two halves at once, from a string or from units', () => {
    // the texts run from below the length read in halves to several times it, with literals across the middle
    let halves = 0;
    fc.assert(
      fc.property(textOf(index.literals, 4, 60), (t) => {
        if (t.length >= 2 * index.longest + 24) halves++;
        const expected = index.literals.map((l) => t.includes(l));
        findLiterals(index, t);
        expect(index.literals.map((_, k) => holds(index, k))).toEqual(expected);
        const units = new Uint16Array(t.length + 7).fill(97);
        for (let i = 0; i < t.length; i++) units[i] = t.charCodeAt(i);
        findLiteralsIn(index, units, t.length);
        expect(index.literals.map((_, k) => holds(index, k))).toEqual(expected);
      }),
      { numRuns: 200 },
    );
    expect(halves).toBeGreaterThan(50);
  });

  it('finds the longest literals wherever they lie against the two halves it reads', () => {
    const longest = index.literals.filter((l) => l.length === index.longest);
    const units = new Uint16Array(200);
    for (const w of longest.slice(0, 3)) {
      const k = index.literals.indexOf(w);
      for (let n = w.length; n < 2 * index.longest + 60; n++) {
        for (let p = 0; p + w.length <= n; p++) {
          // a unit no literal holds around the literal
          units.fill(1, 0, n);
          for (let j = 0; j < w.length; j++) units[p + j] = w.charCodeAt(j);
          findLiteralsIn(index, units, n);
          if (!holds(index, k)) expect.fail(`${JSON.stringify(w)} at ${p} of ${n} units not found`);
        }
      }
    }
  });

  it('agrees with includes on the folded corpus messages', () => {
    const texts = ['Could we deal directly? My WhatsApp is below.', 'Bonjour, on peut traiter en direct ?', 'Lassen wir die Plattform außen vor', ''].map((s) => fold(s).text);
    for (const t of texts) {
      findLiterals(index, t);
      for (let k = 0; k < index.literals.length; k++) expect(holds(index, k)).toBe(t.includes(index.literals[k]!));
    }
  });
});
