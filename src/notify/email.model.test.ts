import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkEmailInput, isSingleAddress } from './email.model';

const atom = fc.stringMatching(/^[a-z0-9!#$%&'*+=?^_`{|}~-]{1,12}$/);
const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/);
const tld = fc.stringMatching(/^[a-z]{2,6}$/);
const address = fc
  .tuple(fc.array(atom, { minLength: 1, maxLength: 3 }), fc.array(label, { minLength: 1, maxLength: 3 }), tld)
  .map(([local, labels, top]) => `${local.join('.')}@${[...labels, top].join('.')}`);

const good = { to: 'dealer@example.com', subject: 'Your listing', text: 'Hello', html: '<p>Hello</p>', ref: { type: 'notice', id: 'ntc_1' } };

describe('one email address', () => {
  it('accepts plain addresses of dotted atoms at a domain', () => {
    fc.assert(fc.property(address, (a) => isSingleAddress(a)));
  });

  it('never accepts a value that could carry a second recipient or a header', () => {
    const injected = fc
      .tuple(address, fc.constantFrom(',', ';', ' ', '\r\n', '\n', '<', '>', '"', '(', ')'), fc.oneof(address, fc.string({ maxLength: 10 })))
      .map(([a, sep, rest]) => `${a}${sep}${rest}`);
    fc.assert(fc.property(injected, (v) => !isSingleAddress(v)));
  });

  it('refuses names, lists and half addresses', () => {
    for (const v of ['Dealer <dealer@example.com>', 'dealer@example.com, other@example.com', 'dealer@', '@example.com', 'dealer@localhost', 'dealer@127.0.0.1', 'a..b@example.com', '.a@example.com', ''])
      expect(isSingleAddress(v), v).toBe(false);
  });
});

describe('an email to queue', () => {
  it('is fine as written', () => {
    expect(checkEmailInput(good)).toEqual([]);
  });

  it('names every field that is wrong', () => {
    const errors = checkEmailInput({ to: 'x', subject: 'Hi\r\nBcc: everyone@example.com', text: ' ', html: '', lang: 'French', ref: { type: 'Notice', id: 'a b' } });
    expect(errors.map((e) => e.field)).toEqual(['/to', '/subject', '/text', '/html', '/lang', '/ref/type', '/ref/id']);
  });

  it('refuses a subject with a line break however it is placed', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.constantFrom('\r', '\n', '\r\n'), fc.string({ maxLength: 40 }), (a, br, b) =>
        checkEmailInput({ ...good, subject: `x${a}${br}${b}` }).some((e) => e.field === '/subject'),
      ),
    );
  });

  it('refuses bodies over their size limits', () => {
    const errors = checkEmailInput({ ...good, text: 'a'.repeat(1024 * 1024 + 1), html: 'é'.repeat(1024 * 1024 + 1) });
    expect(errors.map((e) => e.field)).toEqual(['/text', '/html']);
  });
});
