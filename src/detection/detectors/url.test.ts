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
  it('a missing space after a full stop is not a domain', () => {
    expect(hitsOf('url', 'Lovely piece.Gold plated handles')).toEqual([]);
  });
});
