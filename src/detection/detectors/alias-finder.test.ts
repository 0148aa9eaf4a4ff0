import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRuleSet, defaultCompiledRuleSet, defaultRuleSet } from '../rules';
import { buildAliasFinder, isGapCode } from './alias-finder';
import { aliasFinderOf } from './handle';

type Handle = ReturnType<typeof defaultCompiledRuleSet>['handle'];

/** Every [start, end) the regex finds, scanning as the handle detector does. */
function regexMatches(re: RegExp, text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) out.push([m.index, m.index + m[0].length]);
  return out;
}

function finderMatches(handle: Handle, text: string): Array<[number, number]> {
  const f = aliasFinderOf(handle);
  const out: Array<[number, number]> = [];
  for (let m = f.next(text, 0); m !== undefined; m = f.next(text, m[1])) out.push(m);
  return out;
}

/** A rule set with other aliases: gaps in a row, dashes, regex characters, one-letter and non-ASCII ones. */
function customHandle(platforms: Record<string, string[]>, verbs: string[]): Handle {
  const json = structuredClone(defaultRuleSet) as { detectors: { handle: { platforms: unknown; contact_verbs: unknown } } };
  json.detectors.handle.platforms = platforms;
  json.detectors.handle.contact_verbs = verbs;
  const r = compileRuleSet(json);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value.handle;
}

const odd = customHandle(
  { a: ['w a', 'w  a', 'wa', 'qq ', 'to  ', 'x-y z', 'c++', 'a.b', 'q', 'qq', 'é t', '微信', 'line id', 'line'], b: ['w', 'z z z'] },
  ['add me', 'add  me', 'me', 'dm-me'],
);

const pieces = [
  'whatsapp', 'whats app', 'whats  app', 'whats-app', 'whats--app', 'whats - app', 'wa', 'line', 'line id', 'line-id', 'lineid', 'we chat', 'wechat',
  'insta', 'instagram', 'ig', 'fb', 'tg', 'message me', 'dm me', 'dm\u00a0me', 'dm\u3000me', 'add me', 'add  me', 'voeg me toe', 'suivez-moi',
  '微信', 'signal', 'snap', 'w a', 'w  a', 'x-y z', 'x-y  z', 'c++', 'a.b', 'q', 'qq', 'é t', 'é', 'z z z', 'me', 'dm-me', 'w', 'to', 'qq ', 'to  ',
  'a', 'x', '1', '_', '@', ':', '.', 'é', 'ß', '\u2028', 'Whatsapp',
];
const seps = [' ', '  ', '', '\t', '-', '--', '\n', '.', '_', '0', 'a', '\u00a0'];
const soup = fc.array(fc.tuple(fc.constantFrom(...pieces), fc.constantFrom(...seps)), { maxLength: 20 }).map((a) => a.map(([p, s]) => p + s).join(''));

describe('the hand-written alias finder', () => {
  it('finds exactly what the rule set finder regex finds', () => {
    const def = defaultCompiledRuleSet().handle;
    fc.assert(
      fc.property(fc.oneof(soup, fc.string({ unit: 'binary', maxLength: 40 })), (s) => {
        expect(finderMatches(def, s)).toEqual(regexMatches(def.finder, s));
        expect(finderMatches(odd, s)).toEqual(regexMatches(odd.finder, s));
      }),
      { numRuns: 3000 },
    );
  });
  it('reads gaps as the regex does: blanks and dashes, Unicode spaces included', () => {
    for (let c = 0; c < 0x10000; c++) expect(isGapCode(c)).toBe(/[\s-]/.test(String.fromCharCode(c)));
    expect(isGapCode(Number.NaN)).toBe(false);
  });
  it('gives way to the regex when an alternative starts with a gap', () => {
    expect(buildAliasFinder([' x', 'y'])).toBeUndefined();
    const h = customHandle({ a: [' lead', 'lead'] }, ['dm me']);
    expect(finderMatches(h, 'a  lead, lead')).toEqual(regexMatches(h.finder, 'a  lead, lead'));
  });
  it('is built once per rule set', () => {
    const def = defaultCompiledRuleSet().handle;
    expect(aliasFinderOf(def)).toBe(aliasFinderOf(def));
  });
});
