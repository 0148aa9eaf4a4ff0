import { describe, expect, it } from 'vitest';
import { renderOrderNotice, type OrderNoticeKind } from './commission-notice';
import type { CommissionOrder } from './investigations.model';

const order: CommissionOrder = {
  id: 'co_01',
  caseId: 'case_1',
  sellerId: 'sel_1',
  buyerId: 'buy_1',
  listingId: 'lst_1',
  conversationId: 'conv_1',
  leadFirstSeenAt: new Date('2026-10-03T09:00:00Z'),
  saleDate: undefined,
  priceMinor: 1_234_500,
  currency: 'EUR',
  priceSource: 'invoice',
  tier: 'gold',
  rateBps: 1250,
  commissionMinor: 154_313,
  status: 'issued',
  dueAt: new Date('2026-11-30T23:00:00Z'),
  violationId: undefined,
  noticeEmailId: undefined,
  cancelReason: undefined,
  issuedBy: 'usr_1',
  createdAt: new Date('2026-11-01T10:00:00Z'),
  updatedAt: new Date('2026-11-01T10:00:00Z'),
};
const base = { order, clause: 'TP-1.3', reasons: 'Invoice <INV-7> shows the sale & the buyer.', evidence: ['invoice'], marketplaceName: 'Maison', helpUrl: 'https://help.example/disputes' };
const KINDS: readonly OrderNoticeKind[] = ['issued', 'upheld', 'adjusted', 'cancelled'];

describe('the commission-order notice', () => {
  it('is written in the first of the seller’s languages we write, with amounts and dates in its locale', () => {
    const n = renderOrderNotice({ ...base, what: 'issued', seller: { name: 'Hélène Roux', languages: ['ja', 'fr-FR', 'en'], timeZone: 'Europe/Paris' } });
    expect(n.lang).toBe('fr');
    expect(n.subject).toBe('Ordre de commission pour une vente conclue hors de la plateforme (co_01)');
    expect(n.text).toContain('Bonjour Hélène Roux,');
    expect(n.text).toMatch(/Prix de vente : 12\s345,00\s€ \(source : la facture\)/);
    expect(n.text).toMatch(/Commission due : 1\s543,13\s€ au plus tard le 1 décembre 2026/); // 23:00 UTC is 00:00 in Paris
    expect(n.text).toContain('clause TP-1.3');
  });

  it('falls back to English when the seller writes none of our languages, and greets without a name', () => {
    const n = renderOrderNotice({ ...base, what: 'adjusted', seller: { name: undefined, languages: ['ja'], timeZone: undefined } });
    expect(n.lang).toBe('en');
    expect(n.subject).toBe('Your dispute of a commission order: amount adjusted (co_01)');
    expect(n.text.split('\n')[0]).toBe('Dear dealer,');
    expect(n.text).toContain('Commission rate: 12.50% (your gold tier on 3 October 2026');
  });

  it('renders every kind in every language with every value filled, and escapes the reasons in HTML', () => {
    for (const lang of ['en', 'fr', 'it', 'de', 'es', 'nl']) {
      for (const what of KINDS) {
        const n = renderOrderNotice({ ...base, what, seller: { name: 'A <b>', languages: [lang], timeZone: 'Europe/Rome' } });
        expect(n.lang).toBe(lang);
        expect(n.text).not.toMatch(/\{\w+\}/);
        expect(n.text).toContain('co_01');
        expect(n.text).toContain('TP-1.4');
        expect(n.text).toContain('https://help.example/disputes');
        expect(n.html).toContain('Invoice &lt;INV-7&gt; shows the sale &amp; the buyer.');
        expect(n.html).not.toContain('<b>');
      }
    }
  });
});
