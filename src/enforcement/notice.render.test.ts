import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chooseLanguage, escapeHtml, fill, renderNotice, TemplateError, type NoticeContext } from './notice.render';
import { NOTICE_KINDS, NOTICE_LANGUAGES, NOTICE_TEXTS } from './notice.texts';

const DAY = 86_400_000;
const decidedAt = new Date('2026-11-02T10:00:00Z');

function context(overrides: Partial<NoticeContext> = {}): NoticeContext {
  return {
    kind: 'restriction',
    languages: ['en'],
    timeZone: 'Europe/Paris',
    marketplaceName: 'Maison & Co',
    helpUrl: 'https://sellers.example.test/appeals',
    sellerName: 'Galerie Dupont',
    reference: 'vio_01TEST',
    clause: { clauseId: 'TP-2.1', version: 3, title: 'No contact details before an order', text: 'Do not share phone numbers, e-mail addresses or other channels before an order is placed.' },
    excerpts: ['call me on [phone]', 'we can do it cheaper directly'],
    decidedAt,
    restrictions: [
      { kind: 'messaging_limited', effectiveAt: decidedAt, endsAt: new Date(decidedAt.getTime() + 30 * DAY) },
      { kind: 'payout_hold', effectiveAt: decidedAt, endsAt: new Date(decidedAt.getTime() + 14 * DAY) },
    ],
    strikeExpiresAt: new Date(decidedAt.getTime() + 365 * DAY),
    appealDeadline: new Date(decidedAt.getTime() + 183 * DAY),
    automatedDetection: true,
    automatedDecision: false,
    reasons: 'The buyer confirmed the sale took place on the platform.',
    ...overrides,
  };
}

const UNFILLED = /\{[a-z_]+\}/;

describe('every notice in every language', () => {
  for (const lang of NOTICE_LANGUAGES) {
    for (const kind of NOTICE_KINDS) {
      it(`${kind} in ${lang} fills every placeholder and escapes what it is given`, () => {
        const hostile = context({
          kind,
          languages: [lang],
          sellerName: '<script>alert("x")</script>',
          excerpts: ['<img src=x onerror=alert(1)> & "quoted"'],
          reasons: '<b>bold</b> reasons',
          terminationEffectiveAt: new Date(decidedAt.getTime() + 30 * DAY),
        });
        const n = renderNotice(hostile);
        expect(n.lang).toBe(lang);
        for (const part of [n.subject, n.text, n.html]) expect(part).not.toMatch(UNFILLED);
        expect(n.html).not.toContain('<script>');
        expect(n.html).not.toContain('<img');
        expect(n.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
        expect(n.text).toContain('<script>alert("x")</script>');
        expect(n.text).toContain('vio_01TEST');
        expect(n.html).toContain(`lang="${lang}"`);
        if (kind.startsWith('appeal_')) {
          expect(n.sor).toBeUndefined();
        } else {
          expect(n.text).toContain('TP-2.1');
          expect(n.text).toContain(hostile.clause.text);
          expect(n.text).toContain('https://sellers.example.test/appeals');
          expect(n.html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quoted&quot;');
          expect(n.sor).toBeDefined();
        }
      });
    }
  }

  it('words every language with its own text, not English', () => {
    for (const lang of NOTICE_LANGUAGES.filter((l) => l !== 'en')) {
      const t = NOTICE_TEXTS[lang];
      for (const kind of NOTICE_KINDS) expect(t.intro[kind], `${lang} ${kind}`).not.toBe(NOTICE_TEXTS.en.intro[kind]);
    }
  });
});

describe('the statement of reasons', () => {
  it('carries the Art. 17 fields', () => {
    const n = renderNotice(context());
    expect(n.sor).toMatchObject({
      schema_version: 1,
      decision: 'restriction',
      territorial_scope: 'All countries in which Maison & Co operates',
      source: 'own_initiative',
      automated_detection: true,
      automated_decision: false,
      contractual_ground: { clause_id: 'TP-2.1', version: 3 },
      end_date: '2026-12-02T10:00:00.000Z',
      redress: { internal_complaint: { free_of_charge: true, deadline: '2027-05-04T10:00:00.000Z' }, out_of_court_settlement: true, courts: true },
    });
    expect(n.sor!.restrictions.map((r) => r.kind)).toEqual(['messaging_limited', 'payout_hold']);
    for (const label of ['Territorial scope', 'Facts and circumstances', 'Detected by automated means', 'Decided by automated means', 'Contractual ground', 'Your options for redress']) {
      expect(n.text).toContain(label);
    }
  });

  it('has no end date for a termination', () => {
    const n = renderNotice(context({ kind: 'termination', restrictions: [{ kind: 'account_terminated', effectiveAt: new Date(decidedAt.getTime() + 30 * DAY), endsAt: undefined }], terminationEffectiveAt: new Date(decidedAt.getTime() + 30 * DAY) }));
    expect(n.sor!.end_date).toBeNull();
    expect(n.text).toContain('The termination takes effect on 2 December 2026');
  });
});

describe('language and time zone', () => {
  it('writes in the first language of the seller we support, and falls back to English', () => {
    expect(chooseLanguage(['ja', 'de-AT', 'fr']).lang).toBe('de');
    expect(chooseLanguage(['ja']).lang).toBe('en');
    expect(chooseLanguage([]).lang).toBe('en');
    expect(renderNotice(context({ languages: ['pt-BR'] })).subject).toBe('Maison & Co: restrictions on your seller account – clause TP-2.1');
  });

  it('formats deadlines in the seller’s time zone and language', () => {
    const fr = renderNotice(context({ languages: ['fr-FR'], timeZone: 'Europe/Paris' }));
    expect(fr.text).toContain('jusqu’au 4 mai 2027 à 12:00 UTC+2');
    const de = renderNotice(context({ languages: ['de'], timeZone: 'America/New_York' }));
    expect(de.text).toContain('bis zum 4. Mai 2027 um 06:00 GMT-4');
    const nl = renderNotice(context({ languages: ['nl'], timeZone: 'Nowhere/Invalid' }));
    expect(nl.text).toContain('tot 4 mei 2027 om 10:00 UTC');
  });
});

describe('fill and escape', () => {
  it('refuses a placeholder without a value', () => {
    expect(() => fill('Dear {name}', {})).toThrow(TemplateError);
  });

  it('never lets markup through', () => {
    fc.assert(
      fc.property(fc.string().filter((s) => !s.includes('\n') && !/https?:/.test(s)), (s) => {
        expect(escapeHtml(s)).not.toMatch(/[<>"']/);
        const n = renderNotice(context({ kind: 'education', excerpts: [s], sellerName: s }));
        expect(n.html.split('<').length).toBe(renderNotice(context({ kind: 'education', excerpts: ['x'], sellerName: 'x' })).html.split('<').length);
      }),
      { numRuns: 50 },
    );
  });
});
