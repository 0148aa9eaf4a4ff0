import { describe, expect, it } from 'vitest';
import { redact } from './redact';

describe('redact', () => {
  it('masks each hit with a typed placeholder', () => {
    expect(redact('call 0612345678 or a@b.fr', [{ kind: 'phone', start: 5, end: 15 }, { kind: 'email', start: 19, end: 25 }])).toBe('call [phone] or [email]');
  });
  it('merges overlapping hits into one placeholder', () => {
    expect(redact('abcdef', [{ kind: 'url', start: 1, end: 4 }, { kind: 'email', start: 2, end: 5 }])).toBe('a[url]f');
  });
  it('ignores spans outside the text', () => {
    expect(redact('abc', [{ kind: 'url', start: 2, end: 9 }])).toBe('abc');
  });
});
