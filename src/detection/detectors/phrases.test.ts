import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultCompiledRuleSet, scanMessage } from '../index';
import { TriggerStore } from '../analyze';
import { MAX_TRIGGER_POSITIONS } from './detector';
import { eachMatch, REACH, triggerWindows } from './phrases';
import { hitsOf } from './test-helpers';

describe('intent phrases', () => {
  it.each([
    ['en', 'We could deal directly and avoid the commission.'],
    ['fr', 'On peut traiter en direct, hors plateforme.'],
    ['it', 'Possiamo trattare direttamente, fuori dalla piattaforma.'],
    ['de', 'Wir können das direkt mit mir abwickeln, außerhalb der Plattform.'],
    ['es', 'Podemos tratar directamente, fuera de la plataforma.'],
    ['nl', 'We kunnen het rechtstreeks afhandelen, buiten het platform om.'],
  ])('circumvention is caught in %s', (_lang, text) => {
    expect(hitsOf('intent', text).length).toBeGreaterThanOrEqual(2);
  });
  it('"directly" about shipping from the workshop is not intent', () => {
    expect(hitsOf('intent', 'The piece will be shipped directly from our workshop.')).toEqual([]);
  });
  it('an art commission is not fee avoidance', () => {
    expect(hitsOf('intent', 'This portrait was a commission from the Duke in 1780.')).toEqual([]);
  });
  it('the rule id names the family and language; the clause links the policy', () => {
    const [h] = hitsOf('intent', 'Pour éviter la commission, on s\'arrange.');
    expect(h?.rule).toBe('intent.avoid_fees.fr');
    expect(h?.clause).toBe('TP-2.3');
  });

  it.each([
    ['paying around the checkout', 'intent.skip_checkout', ['Shall we skip the checkout this time?', 'Pourquoi ne pas contourner le paiement de la plateforme ?', 'Meglio aggirare il checkout, no?', 'Den Bezahlvorgang der Plattform könnten wir auslassen.', 'Evitemos la pasarela de pago de la web.', 'Zullen we het betaalsysteem omzeilen?']],
    ['keeping the platform out', 'intent.keep_out', ['We could keep the marketplace out of it.', 'La plateforme n\'a pas besoin de le savoir.', 'Lasciamo da parte la piattaforma.', 'Die Plattform muss davon nichts wissen.', 'La plataforma no tiene que enterarse.', 'De site hoeft dit niet te weten.']],
    ['naming the platform\'s cut', 'intent.platform_cut', ['The site takes 15% from me.', 'Le site me garde 14 %.', 'La piattaforma si prende il 16%.', 'Die Plattform behält 12 % ein.', 'La plataforma me cobra un 15 %.', 'Het platform houdt 14% in.']],
    ['declining the commission', 'intent.no_commission', ['Let\'s not pay the commission this time.', 'Autant ne pas payer de commission.', 'Così evitiamo di... anzi, meglio non pagare la commissione.', 'Ich möchte die Provision nicht bezahlen.', 'Mejor no pagar comisiones esta vez.', 'Om geen commissie te betalen, stel ik voor…']],
    ['future purchases off the platform', 'intent.future_direct', ['For future orders please contact me directly.', 'À l\'avenir, commandez-moi directement.', 'D\'ora in poi mi contatti direttamente.', 'Künftig schreiben Sie mir bitte direkt.', 'De ahora en adelante cómpreme directamente.', 'De volgende keer bestelt u rechtstreeks.']],
    ['settling the rest elsewhere', 'intent.settle_there', ['We can finalise the details by email.', 'On verra les détails par mail.', 'Sistemiamo i dettagli su WhatsApp.', 'Per Mail besprechen wir die Details.', 'Concretamos los detalles por teléfono.', 'Telefonisch regelen we de details.']],
    ['saying the filter is dodged', 'intent.evasion', ['Typed it like this because the site blocks numbers.', 'Le site bloque les numéros.', 'La chat blocca i numeri.', 'Ausgeschrieben, damit es durchkommt.', 'El chat bloquea los números.', 'De chat blokkeert nummers.']],
  ])('%s is caught in the six languages', (_idea, family, texts) => {
    for (const text of texts) expect(hitsOf('intent', text).map((h) => h.rule), text).toContain(`${family}.${['en', 'fr', 'it', 'de', 'es', 'nl'][texts.indexOf(text)]}`);
  });
  it('a future purchase taken off the platform is flagged after an order, where contact details alone are not', () => {
    const rs = defaultCompiledRuleSet();
    const after = { order_exists: true, sender: 'seller:s1' };
    expect(scanMessage(rs, { id: 'a', text: 'lena.vogel@gmail.com, for the delivery slot.', ...after }).verdict).toBe('clear');
    expect(scanMessage(rs, { id: 'b', text: 'For your next purchases, write to me directly at lena.vogel@gmail.com.', ...after }).verdict).not.toBe('clear');
  });
  it('the first digits of a number count only where the message ends with them', () => {
    expect(hitsOf('intent', 'Call me on 0207').map((h) => h.rule)).toContain('intent.number_start.en');
    expect(hitsOf('intent', 'Call me on 0207 if the courier is late, I will pass it on').map((h) => h.rule)).not.toContain('intent.number_start.en');
    // a time is not a number: "at 5", "at 10"
    expect(scanMessage(defaultCompiledRuleSet(), { id: 't', text: 'Call me at 10' }).verdict).toBe('clear');
  });
  it('a price is given for the direct deal only with a currency', () => {
    expect(hitsOf('intent', 'Directly: 2 400 € with the frame.').map((h) => h.rule)).toContain('intent.direct_price.en');
    expect(hitsOf('intent', 'Delivered directly: 3 weeks.')).toEqual([]);
  });
});


/**
 * The detector runs only the patterns of a rule that can match a message, one regex each: the
 * matches must be those of the rule's one alternation, in the same order and the same text.
 */
describe('the matches of an alternation, pattern by pattern', () => {
  const all = (re: RegExp, t: string): [number, string][] => {
    const out: [number, string][] = [];
    re.lastIndex = 0;
    for (let m = re.exec(t); m !== null; m = re.exec(t)) {
      if (m[0].length === 0) re.lastIndex++;
      else out.push([m.index, m[0]]);
    }
    return out;
  };
  const split = (sources: readonly string[], t: string, limit = Infinity): [number, string][] => {
    const out: [number, string][] = [];
    eachMatch(sources.map((s) => new RegExp(s, 'g')), t, limit, out, (o, i, m) => (o.push([i, m]), true));
    return out;
  };

  it('finds what the alternation finds, for overlapping and empty-matching patterns', () => {
    const pool = ['ab', 'a', 'b+', 'abc', 'c?', 'ba', '(?<![a-z])b', 'a(?=b)', 'x*', 'cab|c'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pool), { minLength: 1, maxLength: 5 }), fc.array(fc.constantFrom('a', 'b', 'c', 'x', ' '), { maxLength: 20 }), (sources, units) => {
        const t = units.join('');
        expect(split(sources, t)).toEqual(all(new RegExp(sources.join('|'), 'g'), t));
      }),
      { numRuns: 3000 },
    );
  });

  it('stops at the limit, counting only what is accepted', () => {
    expect(split(['a', 'b'], 'ababab', 3)).toEqual([[0, 'a'], [1, 'b'], [2, 'a']]);
    let offered = 0;
    const kept = eachMatch([/a/g, /b/g], 'ababab', 2, null, (_c, i) => (offered++, i % 2 === 1));
    expect([kept, offered]).toEqual([2, 4]);
  });

  it('finds what each rule of the default rule set finds, on text made of its own words', () => {
    const rs = defaultCompiledRuleSet();
    let matched = 0;
    for (const rule of rs.phrases.filter((r) => r.patterns.length > 1)) {
      const words = [...new Set(rule.regexes[0]!.source.replace(/\(\?<?[!=]\[a-z0-9\]\)/g, ' ').match(/[a-z0-9'&%@€$£]+/g) ?? [])];
      const text = fc.array(fc.tuple(fc.constantFrom(...words), fc.constantFrom(' ', ' ', "'", '-', '. ', '')), { maxLength: 12 }).map((a) => a.map(([w, s]) => w + s).join(''));
      fc.assert(
        fc.property(text, (t) => {
          const expected = all(rule.regexes[0]!, t);
          matched += expected.length;
          expect(split(rule.patterns.map((p) => p.source), t)).toEqual(expected);
        }),
        { numRuns: 100 },
      );
    }
    expect(matched).toBeGreaterThan(100);
  });
});

describe('the windows around trigger words', () => {
  /** As defined: the first offsets kept, sorted, each widened to word boundaries, touching windows merged. */
  function reference(text: string, offsets: readonly number[]): number[] {
    const isWord = (c: string | undefined): boolean => c !== undefined && /[a-z0-9]/.test(c);
    const out: number[] = [];
    for (const p of offsets.slice(0, MAX_TRIGGER_POSITIONS).sort((x, y) => x - y)) {
      let a = Math.max(0, p - REACH);
      let b = Math.min(text.length, p + REACH);
      while (a > 0 && isWord(text[a - 1])) a--;
      while (b < text.length && isWord(text[b])) b++;
      if (out.length > 0 && a <= out[out.length - 1]!) out[out.length - 1] = Math.max(out[out.length - 1]!, b);
      else out.push(a, b);
    }
    return out;
  }
  it('are those of the sorted offsets, in storage reused from rule to rule and message to message', () => {
    // long stretches of blanks: windows that do not touch
    const text = fc.array(fc.constantFrom('a', 'b', '1', ' ', '.', 'abcdefghij', ' '.repeat(60)), { minLength: 20, maxLength: 120 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.array(fc.tuple(text, fc.array(fc.array(fc.nat(), { minLength: 1, maxLength: 40, size: 'medium' }), { minLength: 1, maxLength: 3 })), { minLength: 1, maxLength: 4 }), (messages) => {
        const triggers = new TriggerStore();
        const out: number[] = [];
        for (const [t, rules] of messages) {
          triggers.clear();
          rules.forEach((offsets, r) => {
            for (const p of offsets) triggers.add(r, p % (t.length + 1));
          });
          for (let k = 0; k < triggers.size; k++) {
            const offsets = rules[triggers.rule(k)]!.map((p) => p % (t.length + 1));
            const m = triggerWindows(t, triggers, k, out);
            expect(out.slice(0, m)).toEqual(reference(t, offsets));
          }
        }
      }),
      { numRuns: 1000 },
    );
  });
});
