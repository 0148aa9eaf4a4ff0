import { describe, expect, it } from 'vitest';
import { hitsOf } from './test-helpers';
import { abaOk } from './payment';

describe('payment detector', () => {
  it('a BIC counts only when the message talks about a bank', () => {
    expect(hitsOf('payment', 'BIC COBADEFFXXX').map((h) => h.rule)).toContain('payment.swift_bic');
    expect(hitsOf('payment', 'CHRISTIE sold one')).toEqual([]);
  });
  it('sort code and account number are bank details', () => {
    const rules = hitsOf('payment', 'Sort code 20-00-00, account 12345678').map((h) => h.rule);
    expect(rules).toEqual(['payment.account_number', 'payment.account_number']);
  });
  it('a routing number with a valid ABA checksum scores higher', () => {
    expect(abaOk('021000021')).toBe(true);
    expect(hitsOf('payment', 'routing number 021000021')[0]?.rule).toBe('payment.routing_number');
  });
  it('PayPal friends and family is named in every language', () => {
    for (const t of ['PayPal friends and family', 'PayPal amis et famille', 'PayPal amici e parenti', 'PayPal Freunde und Familie', 'PayPal amigos y familiares', 'PayPal vrienden en familie']) {
      expect(hitsOf('payment', t).map((h) => h.rule), t).toContain('payment.paypal_ff');
    }
  });
  it('paying through the checkout is not a payment hit', () => {
    expect(hitsOf('payment', 'I will pay by bank transfer through the checkout.')).toEqual([]);
  });
});
