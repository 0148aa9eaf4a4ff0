import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold } from '../normalize';
import { defaultCompiledRuleSet, mayContainMatch, requiredLiterals } from './index';

/**
 * The phrase detector skips a window when it cannot hold what a rule's patterns need; that must
 * never skip a window the rule's regex matches in.
 */
describe('what a match must contain', () => {
  it('reads literal runs and alternations, and gives up on what it cannot read', () => {
    expect(requiredLiterals('abc')).toEqual([[['abc']]]);
    expect(requiredLiterals('a(?:bc|de)f')).toEqual([[['bc', 'de'], ['a'], ['f']]]);
    expect(requiredLiterals('(?:foo|bar)?baz')).toEqual([[['baz']]]);
    expect(requiredLiterals('te?st')).toEqual([[['st'], ['t']]]);
    expect(requiredLiterals('ab|cd')).toEqual([[['ab']], [['cd']]]);
    // an alternative that needs nothing known: the regex is always run
    expect(requiredLiterals('ab|[cd]')).toBeUndefined();
    expect(requiredLiterals('a*')).toBeUndefined();
    expect(requiredLiterals('[]a')).toBeUndefined();
    expect(requiredLiterals('(a)\\1')).toEqual([[['a']]]);
  });
  it('lets a window through exactly when one alternative finds a string of each of its clauses', () => {
    const needs = requiredLiterals('(?:call|ring) me|text me')!;
    expect(mayContainMatch(needs, 'please ring me')).toBe(true);
    expect(mayContainMatch(needs, 'a ring for me')).toBe(true);
    expect(mayContainMatch(needs, 'a lovely ring')).toBe(false);
  });

  const rs = defaultCompiledRuleSet();
  const withNeeds = rs.phrases.filter((r) => r.needs !== undefined);
  const matches = (re: RegExp, t: string): boolean => {
    re.lastIndex = 0;
    return re.exec(t) !== null;
  };

  it('knows what nearly every rule of the default rule set needs', () => {
    expect(withNeeds.length).toBeGreaterThan(rs.phrases.length * 0.9);
  });

  it('never skips text a rule of the default rule set matches: random text made of the rule\'s own words', () => {
    const seps = [' ', ' ', ' ', '  ', "'", '-', ', ', '. ', '\n', ''];
    let matched = 0;
    for (const rule of withNeeds) {
      // the words of the rule's patterns, so that random text often matches
      const words = [...new Set(rule.regexes[0]!.source.replace(/\(\?<?[!=]\[a-z0-9\]\)/g, ' ').match(/[a-z0-9'&%@]+/g) ?? [])];
      const text = fc.array(fc.tuple(fc.constantFrom(...words), fc.constantFrom(...seps)), { maxLength: 10 }).map((a) => a.map(([w, s]) => w + s).join(''));
      fc.assert(
        fc.property(text, (t) => {
          if (!matches(rule.regexes[0]!, t)) return;
          matched++;
          expect(mayContainMatch(rule.needs!, t)).toBe(true);
        }),
        { numRuns: 300 },
      );
    }
    // the property was exercised on real matches, not only on text no rule matches
    expect(matched).toBeGreaterThan(withNeeds.length);
  });

  it('has one entry per pattern, and never rules out a pattern that matches: the detector runs only the others', () => {
    const seps = [' ', ' ', "'", '-', ', ', '. ', ''];
    let matched = 0;
    for (const rule of withNeeds) {
      expect(rule.needs!.length).toBe(rule.patterns.length);
      const words = [...new Set(rule.regexes[0]!.source.replace(/\(\?<?[!=]\[a-z0-9\]\)/g, ' ').match(/[a-z0-9'&%@]+/g) ?? [])];
      const text = fc.array(fc.tuple(fc.constantFrom(...words), fc.constantFrom(...seps)), { maxLength: 10 }).map((a) => a.map(([w, s]) => w + s).join(''));
      fc.assert(
        fc.property(text, (t) => {
          rule.patterns.forEach((p, a) => {
            if (!matches(p, t)) return;
            matched++;
            expect(mayContainMatch([rule.needs![a]!], t)).toBe(true);
          });
        }),
        { numRuns: 100 },
      );
    }
    expect(matched).toBeGreaterThan(withNeeds.length);
  });

  const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
  const files = ['dev', 'test'].map((f) => join(ROOT, 'corpus', `${f}.jsonl`)).filter((f) => existsSync(f));
  it.runIf(files.length > 0)('never skips a case of the corpus a rule matches', () => {
    let matched = 0;
    for (const f of files) {
      for (const line of readFileSync(f, 'utf8').split('\n')) {
        if (line.trim() === '') continue;
        const t = fold((JSON.parse(line) as { text: string }).text).text;
        for (const rule of withNeeds) {
          if (!matches(rule.regexes[0]!, t)) continue;
          matched++;
          expect(mayContainMatch(rule.needs!, t)).toBe(true);
        }
      }
    }
    expect(matched).toBeGreaterThan(300);
  });
});
