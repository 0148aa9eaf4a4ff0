import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createContractScanner, defaultCompiledRuleSet, parseScanInput } from './index';

describe('reading an input of the scan contract', () => {
  it('needs an id and a text, reads the optional fields, ignores the others', () => {
    const r = parseScanInput({ id: 'm1', text: 'hi', lang: 'fr', country: 'fr', sender: 'seller_1', conversation: 7, order_exists: false, expect: [], scope: 'all' });
    expect(r).toEqual({ ok: true, value: { id: 'm1', text: 'hi', lang: 'fr', country: 'FR', sender: 'seller_1', conversation: '7', order_exists: false } });
    expect(parseScanInput({ id: 12, text: '', country: null })).toEqual({ ok: true, value: { id: '12', text: '' } });
  });
  it('names every field at fault and keeps the id it could read', () => {
    const r = parseScanInput({ id: 'm2', text: 5, country: 'France', order_exists: 'yes' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.id).toBe('m2');
      expect(r.error.problems.map((p) => p.field)).toEqual(['/text', '/country', '/order_exists']);
    }
    expect(parseScanInput([1, 2])).toMatchObject({ ok: false, error: { id: null } });
  });
  it('uses the default country only for inputs that name none', () => {
    expect(parseScanInput({ id: 'a', text: 'x' }, { country: 'de' })).toMatchObject({ value: { country: 'DE' } });
    expect(parseScanInput({ id: 'a', text: 'x', country: 'IT' }, { country: 'de' })).toMatchObject({ value: { country: 'IT' } });
  });
  it('never throws, whatever JSON it is given, and answers every input with a result or an error', () => {
    const scanner = createContractScanner(defaultCompiledRuleSet(), { redact: true });
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.record({ id: fc.oneof(fc.string(), fc.integer()), text: fc.string(), country: fc.string({ maxLength: 3 }), order_exists: fc.jsonValue() }, { requiredKeys: [] })), (v) => {
        const out = scanner.scan(v);
        expect('error' in out || 'verdict' in out).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
