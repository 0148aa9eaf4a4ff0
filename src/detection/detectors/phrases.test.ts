import { describe, expect, it } from 'vitest';
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
});
