import { describe, expect, it } from 'vitest';
import { evaluate, type LabelledCase } from './eval';
import { labelMappings, mapSourceCase } from './eval-sources';
import type { ScanResult } from './types';

const hit = (kind: 'phone' | 'url', start: number, end: number) => ({ kind, start, end, value: 'x', normalized: 'x', rule: 'r', clause: 'c', score: 1 });

describe('evaluation', () => {
  it('counts true positives by overlapping span, and false positives only for kinds in scope', () => {
    const cases: LabelledCase[] = [
      { id: 'a', lang: 'en', text: '', expect: [{ kind: 'phone', start: 0, end: 5 }], scope: ['phone'] },
      { id: 'b', lang: 'en', text: '', expect: [], scope: ['phone'] },
      { id: 'c', lang: 'fr', text: '', expect: [{ kind: 'phone', start: 0, end: 3 }], scope: [] },
    ];
    const results: ScanResult[] = [
      { id: 'a', verdict: 'violation', score: 1, hits: [hit('phone', 2, 4), hit('url', 6, 8)] },
      { id: 'b', verdict: 'review', score: 0.5, hits: [hit('phone', 0, 2)] },
      { id: 'c', verdict: 'clear', score: 0, hits: [] },
    ];
    const r = evaluate(cases, results);
    expect(r.cells.get('phone|en')).toMatchObject({ tp: 1, fp: 1, fn: 0 });
    expect(r.cells.get('phone|fr')).toMatchObject({ tp: 0, fp: 0, fn: 1 });
    expect(r.byKind.get('url')).toBeUndefined();
    expect(r.overall.precision).toBe(0.5);
  });
  it('maps other projects\' kind names and keeps only Assay kinds', () => {
    const c = mapSourceCase({ id: 'x', source: 'solvvy/redact-pii', text: 't', expect: [{ kind: 'credit_card', value: '4111' }, { kind: 'person_name', value: 'Anna' }], scope: ['credit_card', 'person_name'] });
    expect(c.expect).toEqual([{ kind: 'card', value: '4111' }]);
    expect(c.scope).toEqual(['card']);
  });

  describe('label mappings (a source\'s contract → Assay\'s definition)', () => {
    const autolinker = (text: string, expect: Array<{ kind: string; value: string }>, path = 'tests/autolinker-url.spec.ts') =>
      mapSourceCase({ id: 'a', source: 'gregjacobs/Autolinker.js', text, expect, scope: ['url', 'email', 'phone'], meta: { path } });

    it('leaves the repository\'s own corpus alone: its labels follow Assay\'s definition', () => {
      const c = mapSourceCase({ id: 'x', source: 'assay/corpus-generator', text: 'open myapp://shop', expect: [{ kind: 'url', value: 'myapp://shop' }], scope: ['url'] });
      expect(c.expect).toHaveLength(1);
      expect(c.mapped).toBeUndefined();
    });
    it('drops links of other URI schemes and takes url out of the case\'s scope', () => {
      const c = autolinker('open myapp://shop/12 or https://galerie-martin.fr', [
        { kind: 'url', value: 'myapp://shop/12' },
        { kind: 'url', value: 'https://galerie-martin.fr' },
      ]);
      expect(c.expect.map((e) => e.value)).toEqual(['https://galerie-martin.fr']);
      expect(c.scope).not.toContain('url');
      expect(c.mapped).toContain('url.other_scheme');
    });
    it('drops links to hosts with no public TLD, reading a label without the quotes around it', () => {
      expect(autolinker('see http://stock-server:8080/x', [{ kind: 'url', value: 'http://stock-server:8080/x' }]).expect).toEqual([]);
      expect(autolinker('"https://galerie-martin.fr/"', [{ kind: 'url', value: '"https://galerie-martin.fr/"' }]).expect).toHaveLength(1);
      expect(autolinker('localhost:3000', [{ kind: 'url', value: 'localhost:3000' }]).mapped).toEqual(['url.no_public_host']);
    });
    it('drops links the rule set allows (reference sites), keeping url in scope', () => {
      const c = autolinker('https://en.wikipedia.org/wiki/Marquetry', [{ kind: 'url', value: 'https://en.wikipedia.org/wiki/Marquetry' }]);
      expect(c.expect).toEqual([]);
      expect(c.scope).toContain('url');
    });
    it('drops phone numbers nobody can dial, and national numbers of countries outside the marketplace', () => {
      const phone = (value: string, country?: string) =>
        mapSourceCase({ id: 'p', source: 'microsoft/presidio', text: value, expect: [{ kind: 'phone', value }], scope: ['phone'], ...(country ? { country } : {}) });
      expect(phone('+1 112 312 3123').mapped).toEqual(['phone.not_diallable']);
      expect(phone('+44 20 7946 0958').expect).toHaveLength(1);
      expect(phone('+44 20 7946 0958,,123#').expect).toHaveLength(1);
      expect(phone('13912345678').mapped).toEqual(['phone.foreign_national']);
      expect(phone('13912345678', 'CN').expect).toHaveLength(1);
      expect(phone('06 12 34 56 78').expect).toHaveLength(1);
    });
    it('drops UATP card labels (Luhn-valid, 15 digits, first digit 1), not other numbers of that length', () => {
      const card = (value: string) => mapSourceCase({ id: 'c', source: 'solvvy/redact-pii', text: value, expect: [{ kind: 'credit_card', value }], scope: ['credit_card'] });
      expect(card('135000000000008').expect).toEqual([]);
      expect(card('135000000000005').expect).toHaveLength(1);
    });
    it('applies a source\'s own mapping to its class of cases only', () => {
      expect(autolinker('0612345678', [], 'tests/autolinker-phone.spec.ts').scope).not.toContain('phone');
      expect(autolinker('see galerie-martin.fr/lot/0612345678', [], 'tests/autolinker-url.spec.ts').scope).toContain('phone');
    });
    it('gives every mapping a reason and only known sources', () => {
      for (const m of labelMappings()) {
        expect(m.reason.length).toBeGreaterThan(40);
        expect(m.sources.length).toBeGreaterThan(0);
      }
    });
  });
});
