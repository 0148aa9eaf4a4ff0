import { chooseLanguage, validZone } from '../enforcement';
import type { CommissionOrder, DisputeOutcome } from './investigations.model';

/** What a commission-order e-mail tells the seller: the order was issued, or how their dispute was decided. */
export type OrderNoticeKind = 'issued' | DisputeOutcome;

interface OrderTexts {
  readonly subject: Record<OrderNoticeKind, string>;
  readonly greeting: string;
  readonly greetingNoName: string;
  readonly issued: string;
  readonly decided: string;
  readonly reference: string;
  readonly price: string;
  readonly priceSource: Record<CommissionOrder['priceSource'], string>;
  readonly rate: string;
  readonly due: string;
  readonly evidence: string;
  readonly evidenceNone: string;
  readonly reasons: string;
  readonly checkout: string;
  readonly dispute: string;
}

/*
 * `{name}` marks a value filled in when rendering. Clause ids (TP-1.3, TP-1.4) are the policy's own and
 * stay as they are in every language.
 */
const TEXTS: Record<'en' | 'fr' | 'it' | 'de' | 'es' | 'nl', OrderTexts> = {
  en: {
    subject: {
      issued: 'Commission order for a sale outside checkout',
      upheld: 'Your dispute of a commission order: upheld',
      adjusted: 'Your dispute of a commission order: amount adjusted',
      cancelled: 'Your dispute of a commission order: order cancelled',
    },
    greeting: 'Dear {name},',
    greetingNoName: 'Dear dealer,',
    issued: 'We found that a sale to a buyer you met on {marketplace} was completed outside checkout. Under clause {clause} of our transactional policies you owe the commission checkout would have charged.',
    decided: 'We decided your dispute of commission order {order}.',
    reference: 'Reference: {order}',
    price: 'Sale price: {price} (source: {source})',
    priceSource: { admission: 'your admission', invoice: 'the invoice', listing_price: 'the listing price' },
    rate: 'Commission rate: {rate}% (your {tier} tier on {date}, when the buyer first contacted you)',
    due: 'Commission due: {amount} by {date}',
    evidence: 'Evidence on file: {items}',
    evidenceNone: 'none',
    reasons: 'Statement of reasons: {reasons}',
    checkout: 'If the sale is completed through checkout, this order is cancelled: we never charge commission twice (TP-1.4).',
    dispute: 'You may dispute this order, with documents such as the invoice, through {help}. A senior reviewer decides every dispute.',
  },
  fr: {
    subject: {
      issued: 'Ordre de commission pour une vente conclue hors de la plateforme',
      upheld: 'Votre contestation d’un ordre de commission : ordre maintenu',
      adjusted: 'Votre contestation d’un ordre de commission : montant corrigé',
      cancelled: 'Votre contestation d’un ordre de commission : ordre annulé',
    },
    greeting: 'Bonjour {name},',
    greetingNoName: 'Madame, Monsieur,',
    issued: 'Nous avons constaté qu’une vente à un acheteur rencontré sur {marketplace} a été conclue hors du paiement de la plateforme. Selon la clause {clause} de nos règles transactionnelles, vous devez la commission que ce paiement aurait prélevée.',
    decided: 'Nous avons statué sur votre contestation de l’ordre de commission {order}.',
    reference: 'Référence : {order}',
    price: 'Prix de vente : {price} (source : {source})',
    priceSource: { admission: 'votre déclaration', invoice: 'la facture', listing_price: 'le prix de l’annonce' },
    rate: 'Taux de commission : {rate} % (votre niveau {tier} le {date}, date du premier contact de l’acheteur)',
    due: 'Commission due : {amount} au plus tard le {date}',
    evidence: 'Éléments au dossier : {items}',
    evidenceNone: 'aucun',
    reasons: 'Exposé des motifs : {reasons}',
    checkout: 'Si la vente est finalisée par le paiement de la plateforme, cet ordre est annulé : nous ne prélevons jamais deux fois la commission (TP-1.4).',
    dispute: 'Vous pouvez contester cet ordre, pièces à l’appui (par exemple la facture), via {help}. Chaque contestation est tranchée par un examinateur senior.',
  },
  it: {
    subject: {
      issued: 'Ordine di commissione per una vendita fuori dalla piattaforma',
      upheld: 'La sua contestazione di un ordine di commissione: ordine confermato',
      adjusted: 'La sua contestazione di un ordine di commissione: importo rettificato',
      cancelled: 'La sua contestazione di un ordine di commissione: ordine annullato',
    },
    greeting: 'Gentile {name},',
    greetingNoName: 'Gentile venditore,',
    issued: 'Abbiamo accertato che una vendita a un acquirente conosciuto su {marketplace} è stata conclusa fuori dal pagamento della piattaforma. Ai sensi della clausola {clause} delle nostre regole transazionali, è dovuta la commissione che quel pagamento avrebbe applicato.',
    decided: 'Abbiamo deciso sulla sua contestazione dell’ordine di commissione {order}.',
    reference: 'Riferimento: {order}',
    price: 'Prezzo di vendita: {price} (fonte: {source})',
    priceSource: { admission: 'la sua dichiarazione', invoice: 'la fattura', listing_price: 'il prezzo dell’annuncio' },
    rate: 'Aliquota di commissione: {rate}% (il suo livello {tier} al {date}, data del primo contatto dell’acquirente)',
    due: 'Commissione dovuta: {amount} entro il {date}',
    evidence: 'Prove agli atti: {items}',
    evidenceNone: 'nessuna',
    reasons: 'Motivazione: {reasons}',
    checkout: 'Se la vendita viene completata con il pagamento della piattaforma, questo ordine è annullato: non addebitiamo mai due volte la commissione (TP-1.4).',
    dispute: 'Può contestare questo ordine, con documenti come la fattura, tramite {help}. Ogni contestazione è decisa da un revisore senior.',
  },
  de: {
    subject: {
      issued: 'Provisionsforderung für einen Verkauf außerhalb der Plattform',
      upheld: 'Ihr Einspruch gegen eine Provisionsforderung: bestätigt',
      adjusted: 'Ihr Einspruch gegen eine Provisionsforderung: Betrag angepasst',
      cancelled: 'Ihr Einspruch gegen eine Provisionsforderung: Forderung storniert',
    },
    greeting: 'Guten Tag {name},',
    greetingNoName: 'Sehr geehrte Damen und Herren,',
    issued: 'Wir haben festgestellt, dass ein Verkauf an einen Käufer, den Sie über {marketplace} kennengelernt haben, außerhalb des Bezahlvorgangs der Plattform abgeschlossen wurde. Nach Klausel {clause} unserer Transaktionsrichtlinien schulden Sie die Provision, die dabei angefallen wäre.',
    decided: 'Wir haben über Ihren Einspruch gegen die Provisionsforderung {order} entschieden.',
    reference: 'Referenz: {order}',
    price: 'Verkaufspreis: {price} (Quelle: {source})',
    priceSource: { admission: 'Ihre Angabe', invoice: 'die Rechnung', listing_price: 'der Angebotspreis' },
    rate: 'Provisionssatz: {rate} % (Ihre Stufe {tier} am {date}, dem Tag des ersten Kontakts des Käufers)',
    due: 'Fällige Provision: {amount} bis {date}',
    evidence: 'Vorliegende Nachweise: {items}',
    evidenceNone: 'keine',
    reasons: 'Begründung: {reasons}',
    checkout: 'Wird der Verkauf über den Bezahlvorgang der Plattform abgeschlossen, wird diese Forderung storniert: Wir berechnen die Provision nie doppelt (TP-1.4).',
    dispute: 'Sie können dieser Forderung mit Unterlagen wie der Rechnung über {help} widersprechen. Über jeden Einspruch entscheidet ein erfahrener Prüfer.',
  },
  es: {
    subject: {
      issued: 'Orden de comisión por una venta fuera de la plataforma',
      upheld: 'Su impugnación de una orden de comisión: orden confirmada',
      adjusted: 'Su impugnación de una orden de comisión: importe ajustado',
      cancelled: 'Su impugnación de una orden de comisión: orden anulada',
    },
    greeting: 'Estimado/a {name}:',
    greetingNoName: 'Estimado vendedor:',
    issued: 'Hemos comprobado que una venta a un comprador que conoció en {marketplace} se cerró fuera del pago de la plataforma. Según la cláusula {clause} de nuestras normas transaccionales, debe la comisión que ese pago habría cobrado.',
    decided: 'Hemos resuelto su impugnación de la orden de comisión {order}.',
    reference: 'Referencia: {order}',
    price: 'Precio de venta: {price} (fuente: {source})',
    priceSource: { admission: 'su declaración', invoice: 'la factura', listing_price: 'el precio del anuncio' },
    rate: 'Tipo de comisión: {rate} % (su nivel {tier} el {date}, fecha del primer contacto del comprador)',
    due: 'Comisión debida: {amount} antes del {date}',
    evidence: 'Pruebas en el expediente: {items}',
    evidenceNone: 'ninguna',
    reasons: 'Exposición de motivos: {reasons}',
    checkout: 'Si la venta se completa mediante el pago de la plataforma, esta orden se anula: nunca cobramos la comisión dos veces (TP-1.4).',
    dispute: 'Puede impugnar esta orden, con documentos como la factura, a través de {help}. Cada impugnación la resuelve un revisor sénior.',
  },
  nl: {
    subject: {
      issued: 'Commissieopdracht voor een verkoop buiten het platform',
      upheld: 'Uw bezwaar tegen een commissieopdracht: gehandhaafd',
      adjusted: 'Uw bezwaar tegen een commissieopdracht: bedrag aangepast',
      cancelled: 'Uw bezwaar tegen een commissieopdracht: opdracht geannuleerd',
    },
    greeting: 'Beste {name},',
    greetingNoName: 'Geachte handelaar,',
    issued: 'We hebben vastgesteld dat een verkoop aan een koper die u via {marketplace} hebt leren kennen, buiten de betaling van het platform is afgerond. Volgens clausule {clause} van onze transactieregels bent u de commissie verschuldigd die die betaling zou hebben gerekend.',
    decided: 'We hebben beslist over uw bezwaar tegen commissieopdracht {order}.',
    reference: 'Referentie: {order}',
    price: 'Verkoopprijs: {price} (bron: {source})',
    priceSource: { admission: 'uw verklaring', invoice: 'de factuur', listing_price: 'de advertentieprijs' },
    rate: 'Commissietarief: {rate}% (uw niveau {tier} op {date}, toen de koper u voor het eerst benaderde)',
    due: 'Verschuldigde commissie: {amount} uiterlijk {date}',
    evidence: 'Bewijs in het dossier: {items}',
    evidenceNone: 'geen',
    reasons: 'Motivering: {reasons}',
    checkout: 'Wordt de verkoop via de betaling van het platform afgerond, dan vervalt deze opdracht: we rekenen nooit twee keer commissie (TP-1.4).',
    dispute: 'U kunt bezwaar maken tegen deze opdracht, met documenten zoals de factuur, via {help}. Elk bezwaar wordt beslist door een senior beoordelaar.',
  },
};

export interface OrderNoticeInput {
  readonly what: OrderNoticeKind;
  readonly order: CommissionOrder;
  readonly clause: string;
  readonly reasons: string;
  readonly evidence: readonly string[];
  readonly seller: { readonly name: string | undefined; readonly languages: readonly string[]; readonly timeZone: string | undefined };
  readonly marketplaceName: string;
  readonly helpUrl: string;
}

export interface RenderedOrderNotice {
  readonly lang: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const v = values[key];
    if (v === undefined) throw new Error(`commission notice: no value for ${whole}`);
    return v;
  });
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The commission-order e-mail in the first of the seller's languages we write (else English), amounts and dates in its locale. */
export function renderOrderNotice(input: OrderNoticeInput): RenderedOrderNotice {
  const { lang, locale } = chooseLanguage(input.seller.languages);
  const t = TEXTS[lang];
  const o = input.order;
  const money = (minor: number) => new Intl.NumberFormat(locale, { style: 'currency', currency: o.currency }).format(minor / 100);
  const day = (d: Date) => new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: validZone(input.seller.timeZone) }).format(d);
  const lines = [
    input.seller.name === undefined ? t.greetingNoName : fill(t.greeting, { name: input.seller.name }),
    '',
    input.what === 'issued' ? fill(t.issued, { marketplace: input.marketplaceName, clause: input.clause }) : fill(t.decided, { order: o.id }),
    '',
    fill(t.reference, { order: o.id }),
    fill(t.price, { price: money(o.priceMinor), source: t.priceSource[o.priceSource] }),
    fill(t.rate, { rate: new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(o.rateBps / 100), tier: o.tier, date: day(o.leadFirstSeenAt) }),
    fill(t.due, { amount: money(o.commissionMinor), date: day(o.dueAt) }),
    fill(t.evidence, { items: input.evidence.length === 0 ? t.evidenceNone : input.evidence.join(', ') }),
    '',
    fill(t.reasons, { reasons: input.reasons }),
    '',
    t.checkout,
    fill(t.dispute, { help: input.helpUrl }),
  ];
  return {
    lang,
    subject: `${t.subject[input.what]} (${o.id})`,
    text: lines.join('\n'),
    html: lines.map((l) => (l === '' ? '' : `<p>${escapeHtml(l)}</p>`)).join('\n'),
  };
}
