import { describe, expect, it } from 'vitest';
import { hitsOf } from './test-helpers';

describe('email detector', () => {
  it('"name at gmail dot com" is an obfuscated email with the whole phrase as its span', () => {
    const [h] = hitsOf('email', 'write john.doe at gmail dot com today');
    expect(h?.normalized).toBe('john.doe@gmail.com');
    expect(h?.value).toBe('john.doe at gmail dot com');
    expect(h?.rule).toBe('email.obfuscated');
  });
  it('Italian "chiocciola … punto" and French "arobase … point" are read', () => {
    expect(hitsOf('email', 'mario chiocciola libero punto it')[0]?.normalized).toBe('mario@libero.it');
    expect(hitsOf('email', 'marie arobase orange point fr')[0]?.normalized).toBe('marie@orange.fr');
  });
  it('a plain address is found; the marketplace own address is allowed', () => {
    expect(hitsOf('email', 'mail anna@icloud.com')[0]?.rule).toBe('email.plain');
    expect(hitsOf('email', 'write to support@assay-market.example')).toEqual([]);
  });
  it('an address needs a real TLD', () => {
    expect(hitsOf('email', 'foo@bar and x@y.notatld')).toEqual([]);
  });
  it('internationalized addresses are found, with the TLD as written', () => {
    expect(hitsOf('email', 'écrivez à мария@галерея.рф')[0]?.value).toBe('мария@галерея.рф');
    expect(hitsOf('email', 'a@xn--80aaxgdcfx7a.xn--p1ai')[0]?.normalized).toBe('a@xn--80aaxgdcfx7a.xn--p1ai');
  });
  it('a local part that breaks RFC 5322 still hands out an address', () => {
    expect(hitsOf('email', 'write anna..rossi@gmail.com')[0]?.value).toBe('anna..rossi@gmail.com');
    expect(hitsOf('email', 'write anna.rossi.@gmail.com')[0]?.value).toBe('anna.rossi.@gmail.com');
    expect(hitsOf('email', '~anna@gmail.com')[0]?.value).toBe('~anna@gmail.com');
  });
});
