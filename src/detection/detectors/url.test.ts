import { describe, expect, it } from 'vitest';
import { hitsOf } from './test-helpers';

describe('url detector', () => {
  it('bare domains with a real TLD are links', () => {
    expect(hitsOf('url', 'see villa-antiques.fr')[0]?.value).toBe('villa-antiques.fr');
  });
  it('"mysite dot com" is a link', () => {
    expect(hitsOf('url', 'more on antiques dot com')[0]?.normalized).toBe('antiques.com');
  });
  it('shorteners and messenger links score higher than plain links', () => {
    const short = hitsOf('url', 'bit.ly/3xK9aQ')[0]!;
    const wa = hitsOf('url', 'https://wa.me/33612345678')[0]!;
    const plain = hitsOf('url', 'villa-antiques.fr')[0]!;
    expect(short.rule).toBe('url.shortener');
    expect(wa.rule).toBe('url.messenger');
    expect(wa.score).toBeGreaterThan(plain.score);
  });
  it('the marketplace domain, help links, museums and encyclopedias are allowed', () => {
    expect(hitsOf('url', 'https://assay-market.example/help and https://en.wikipedia.org/wiki/Art_Deco and vam.ac.uk')).toEqual([]);
  });
  it('decimals, prices, abbreviations and version numbers are no links', () => {
    expect(hitsOf('url', 'about 1.5 m, e.g. approx.3 kg, 35.000 €, £2.5k, v1.2.3, 1.2.3.4 and 16.5 cm')).toEqual([]);
  });
  it('a TLD written with look-alike letters is read as written ("рф")', () => {
    expect(hitsOf('url', 'see президент.рф now')[0]?.value).toBe('президент.рф');
  });
  it('a missing space after a full stop is not a domain', () => {
    expect(hitsOf('url', 'Lovely piece.Gold plated handles')).toEqual([]);
  });
  it('a scheme glued to the word before it still starts a link, once its host is real', () => {
    expect(hitsOf('url', 'voirhttps://galerie-martin.fr/vente')[0]?.value).toBe('https://galerie-martin.fr/vente');
    expect(hitsOf('url', 'voirhttps://galerie-martin/vente')).toEqual([]);
  });
  it('a link needs a public host: a real TLD or an IP address, not an intranet name or "www." and one word', () => {
    expect(hitsOf('url', 'http://galerie-intranet/stock and http://.galerie-martin.fr and www.galerie')).toEqual([]);
    expect(hitsOf('url', 'http://10.0.0.7/catalogue')[0]?.value).toBe('http://10.0.0.7/catalogue');
  });
  it('an IPv4 address is a link with a path or a port, not alone', () => {
    expect(hitsOf('url', 'catalogue on 81.2.69.160/viewing-room')[0]?.value).toBe('81.2.69.160/viewing-room');
    expect(hitsOf('url', 'router at 81.2.69.160 and version 1.2.3.4')).toEqual([]);
  });
  it('a protocol-relative link starts at "//", but not glued to a word or a path', () => {
    expect(hitsOf('url', 'list at //galerie-martin.fr/catalogue')[0]?.value).toBe('//galerie-martin.fr/catalogue');
    expect(hitsOf('url', 'abc//galerie-martin.fr and ///galerie-martin.fr')).toEqual([]);
  });
  it('internationalized host names are links; "xn--" names too', () => {
    expect(hitsOf('url', 'notre site галерея-мартин.рф')[0]?.value).toBe('галерея-мартин.рф');
    expect(hitsOf('url', 'https://xn--80aaxgdcfx7a.xn--p1ai/lot')[0]?.rule).toBe('url.scheme');
    expect(hitsOf('url', 'see i❤.ws')[0]?.value).toBe('i❤.ws');
  });
  it('underscores are allowed left of the registrable domain only', () => {
    expect(hitsOf('url', 'media_eu.storage.example-cdn.com/lot12.jpg')[0]?.value).toBe('media_eu.storage.example-cdn.com/lot12.jpg');
    expect(hitsOf('url', 'file_name.com and _galerie.fr')).toEqual([]);
  });
  it('chat italics around a link are not part of it; an impossible port makes no link', () => {
    expect(hitsOf('url', '_https://galerie-martin.fr/vente_')[0]?.value).toBe('https://galerie-martin.fr/vente');
    expect(hitsOf('url', 'galerie-martin.fr:900000')).toEqual([]);
    expect(hitsOf('url', 'galerie-martin.fr:8080/lot')[0]?.value).toBe('galerie-martin.fr:8080/lot');
  });
  it('a link inside another link\'s path belongs to it', () => {
    expect(hitsOf('url', 'http://web.archive.org/web/2020/https://galerie-martin.fr')).toEqual([]);
  });
});
