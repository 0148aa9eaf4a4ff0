import { describe, expect, it } from 'vitest';
import { defaultCompiledRuleSet, scanMessage } from './index';
import { HIT_KINDS } from './types';
import { WARM_UP_LONG_TEXT, WARM_UP_TEXT } from './warm-up';

describe('the warm-up texts', () => {
  const rs = defaultCompiledRuleSet();
  it('hold something for every detector to find, so each has run before the first message', () => {
    const kinds = new Set(scanMessage(rs, { id: 'w', text: WARM_UP_TEXT, country: 'FR' }).hits.map((h) => h.kind));
    expect([...kinds].sort()).toEqual([...HIT_KINDS].sort());
  });
  it('hold the adversarial structures and the units the prefilter folds the long way', () => {
    for (const s of ['((((', '@@@@', '....', '[ . ]', '( at )', '9'.repeat(40), 'İ', '𝟎', '\u0301', '\u200b', '6️⃣']) expect(WARM_UP_TEXT).toContain(s);
  });
  it('make the long text longer than the prefilter\'s first buffer', () => {
    expect(WARM_UP_LONG_TEXT.length).toBeGreaterThan(8 * 1024);
  });
});
