import { describe, expect, it } from 'vitest';
import { hitsOf } from './test-helpers';
import { cardNetwork, luhnOk } from './card';

describe('card detector', () => {
  it('a Luhn-valid Visa number in groups is a card', () => {
    expect(hitsOf('card', 'card 4111 1111 1111 1111 exp 12/27')[0]?.rule).toBe('card.visa');
  });
  it('one wrong digit fails the Luhn check', () => {
    expect(luhnOk('4111111111111112')).toBe(false);
    expect(hitsOf('card', 'card 4111 1111 1111 1112')).toEqual([]);
  });
  it('knows the issuer prefixes', () => {
    expect(cardNetwork('378282246310005')).toBe('amex');
    expect(cardNetwork('5555555555554444')).toBe('mastercard');
  });
});
