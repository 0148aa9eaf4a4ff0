import { describe, expect, it } from 'vitest';
import { hitsOf } from './test-helpers';
import { cardNetwork, luhnOk } from './card';

describe('card detector', () => {
  it('a Luhn-valid Visa number in groups is a card', () => {
    expect(hitsOf('card', 'card 4111 1111 1111 1111 exp 12/27')[0]?.rule).toBe('card.visa');
  });
  it('one wrong digit fails the Luhn check: no card without a card word', () => {
    expect(luhnOk('4111111111111112')).toBe(false);
    expect(hitsOf('card', 'order 4111 1111 1111 1112 placed')).toEqual([]);
  });
  it('a mistyped card number right after "card" is still a card, unverified and scored lower', () => {
    const [typo] = hitsOf('card', 'my card: 4111 1111 1111 1112, expiry 12/27');
    const [valid] = hitsOf('card', 'my card: 4111 1111 1111 1111, expiry 12/27');
    expect(typo?.rule).toBe('card.unverified');
    expect(typo?.value).toBe('4111 1111 1111 1112');
    expect(typo!.score).toBeLessThan(valid!.score);
    expect(hitsOf('card', 'numéro de carte 1234-567890-12345')[0]?.rule).toBe('card.unverified');
    expect(hitsOf('card', 'Karte 12345678901234')[0]?.rule).toBe('card.unverified');
  });
  it('an unchecked number must be written like a card number, as a whole run', () => {
    expect(hitsOf('card', 'card 123 4567 8901 2345')).toEqual([]);
    expect(hitsOf('card', 'gift card 1234 5678 9012 3456 7890 12')).toEqual([]);
    expect(hitsOf('card', 'postcard from 1920, lot 1234 5678 9012 3456')).toEqual([]);
  });
  it('knows the issuer prefixes', () => {
    expect(cardNetwork('378282246310005')).toBe('amex');
    expect(cardNetwork('5555555555554444')).toBe('mastercard');
  });
});
