import { describe, expect, it } from 'vitest';
import { hitsOf } from './test-helpers';
import { keccak256Hex } from './crypto-codecs';
import { cryptoAddressKind } from './crypto';

describe('crypto detector', () => {
  it('Base58Check, Bech32 and EIP-55 addresses are validated', () => {
    expect(cryptoAddressKind('1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa')).toBe('bitcoin');
    expect(cryptoAddressKind('bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq')).toBe('bitcoin');
    expect(cryptoAddressKind('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed')).toBe('ethereum');
  });
  it('a one-character typo breaks the checksum', () => {
    expect(cryptoAddressKind('1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb')).toBeUndefined();
    expect(cryptoAddressKind('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD')).toBeUndefined();
  });
  it('Keccak-256 of the empty string matches the known digest', () => {
    expect(keccak256Hex('')).toBe('c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470');
  });
  it('an address in a message is reported with its offsets', () => {
    const text = 'send to 3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy now';
    expect(hitsOf('crypto', text)[0]?.start).toBe(8);
  });
});
