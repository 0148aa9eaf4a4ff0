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
  it('an address named by its provider is read without the @ ("I\'m x on Gmail", "Gmail: x")', () => {
    const [h] = hitsOf('email', "I'm villa.antiche on Gmail, drop me a line.");
    expect(h).toMatchObject({ normalized: 'villa.antiche@gmail.com', rule: 'email.provider_name', value: 'villa.antiche on Gmail' });
    expect(hitsOf('email', 'Sur Hotmail : galerie.lefevre')[0]?.normalized).toBe('galerie.lefevre@hotmail.com');
    expect(hitsOf('email', 'Ich bin antikschmidt auf GMX.')[0]?.normalized).toBe('antikschmidt@gmx.net');
  });
  it('a provider beside everyday words names no address', () => {
    for (const text of ["I'm also on Gmail.", 'My Gmail is blocked today.', 'Gmail: thanks for the tip.', 'The outlook is good: prices rise.', 'I work at Gmail now.']) {
      expect(hitsOf('email', text), text).toEqual([]);
    }
  });
  it('"name at gmail" without a TLD is an address when the name looks like one', () => {
    expect(hitsOf('email', 'write to anna.berg at gmail')[0]?.normalized).toBe('anna.berg@gmail.com');
    expect(hitsOf('email', 'annaberg (at) hotmail')[0]?.normalized).toBe('annaberg@hotmail.com');
    expect(hitsOf('email', 'My email is fake@gmail#.com')).toEqual([]);
  });
  it('spelled dots in the name part belong to the address and its span', () => {
    const [h] = hitsOf('email', 'paul dot martin at yahoo dot fr');
    expect(h).toMatchObject({ normalized: 'paul.martin@yahoo.fr', value: 'paul dot martin at yahoo dot fr' });
  });
  it('an @mention after a contraction is a handle, not an address', () => {
    expect(hitsOf('email', "We're @atelier.gallery on Instagram")).toEqual([]);
    expect(hitsOf('handle', "We're @atelier.gallery on Instagram")[0]?.normalized).toBe('instagram:atelier.gallery');
  });
});
