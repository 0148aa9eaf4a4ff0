/**
 * Sentence pools for the corpus generator, per language. Plain marketplace talk (clean), and
 * the pieces that hard negatives and positives are built from. Written for this corpus.
 */
export type Lang = 'en' | 'fr' | 'it' | 'de' | 'es' | 'nl';
export const LANGS: readonly Lang[] = ['en', 'fr', 'it', 'de', 'es', 'nl'];

export interface Pool {
  greet: string[];
  items: string[];
  clean: string[];
  close: string[];
  /** Words for numbers 0..9 and two-digit forms (index = value) used to spell phone numbers. */
  digits: string[];
  tens: (n: number) => string;
  at: string[];
  dot: string[];
  /** Benign sentences that use risky words: "shipped directly", "commission" (art), "call". */
  tricky: string[];
}

const en: Pool = {
  greet: ['Hello,', 'Hi there,', 'Good morning,', 'Dear seller,', 'Hi,', 'Good evening,', 'Thanks for your reply.', ''],
  items: ['the Louis XV commode', 'the Art Deco armchair', 'the Georgian silver teapot', 'the Cartier Tank watch', 'the pair of Murano vases', 'the oil painting', 'the Victorian brooch', 'the walnut bureau', 'the Rolex Datejust', 'the Tiffany lamp', 'the Persian rug', 'the bronze sculpture', 'the emerald ring', 'the Biedermeier chest'],
  clean: [
    'Is {item} still available?', 'Could you send a few more photos of {item}?', 'What is the condition of {item}?', 'Does {item} come with any provenance?',
    'I love {item}, it would look perfect in our hallway.', 'Are there any restorations on {item}?', 'Could you tell me more about the history of {item}?',
    'Would you consider an offer on {item}?', 'How would {item} be packed for shipping?', 'Is the patina on {item} original?', 'Thank you, I will think about it and come back to you.',
    'I have placed an offer through the site, please have a look.', 'Can you confirm the hallmarks on {item}?', 'We are furnishing a country house and {item} caught my eye.',
    'The colours in the photos look lovely.', 'Please let me know if the price is negotiable.', 'I would be happy to pay through the checkout today.', 'Could the frame be cleaned before shipping?',
  ],
  close: ['Best regards', 'Kind regards, Anna', 'Thanks!', 'Many thanks', 'Cheers, Tom', 'Looking forward to hearing from you.', ''],
  digits: ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'],
  tens: (n) => {
    const t = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
    const teens = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
    if (n < 10) return en.digits[n]!;
    if (n < 20) return teens[n - 10]!;
    return n % 10 === 0 ? t[Math.floor(n / 10)]! : `${t[Math.floor(n / 10)]}-${en.digits[n % 10]}`;
  },
  at: ['at', '[at]', '(at)', ' @ '],
  dot: ['dot', '[dot]', '(dot)', ' . '],
  tricky: [
    'The piece will be shipped directly from our workshop in Bath.', 'This portrait was a commission from the Duke of Bedford in 1780.', 'The platform commission is included in the price shown.',
    'I will call the restorer tomorrow and let you know.', 'The lamp was bought directly from the artist\'s estate.', 'Please contact me through the platform messages if you have questions.',
    'The seller fees are handled by the marketplace, no extra cost for you.', 'The movement was serviced by an independent watchmaker.', 'We accept all payment methods offered at checkout.',
    'The gallery took the painting on commission in 1965.', 'You can message me directly here on Assay anytime.', 'Our courier will call you before delivery.',
  ],
};

const fr: Pool = {
  greet: ['Bonjour,', 'Bonsoir,', 'Bonjour Madame,', 'Bonjour Monsieur,', 'Merci pour votre réponse.', 'Salut,', ''],
  items: ['la commode Louis XV', 'le fauteuil Art déco', 'la théière en argent', 'la montre Cartier', 'la paire de vases de Murano', 'le tableau', 'la broche victorienne', 'le secrétaire en noyer', 'la Rolex', 'la lampe Gallé', 'le tapis persan', 'la sculpture en bronze', 'la bague émeraude', 'le bahut breton'],
  clean: [
    'Est-ce que {item} est toujours disponible ?', 'Pourriez-vous envoyer d\'autres photos de {item} ?', 'Quel est l\'état de {item} ?', '{item} a-t-elle une provenance connue ?',
    'J\'adore {item}, elle irait parfaitement dans notre salon.', 'Y a-t-il des restaurations sur {item} ?', 'Pouvez-vous m\'en dire plus sur l\'histoire de {item} ?',
    'Accepteriez-vous une offre pour {item} ?', 'Comment {item} serait-elle emballée ?', 'La patine est-elle d\'origine ?', 'Merci, je réfléchis et je reviens vers vous.',
    'J\'ai fait une offre sur le site, pouvez-vous regarder ?', 'Pouvez-vous confirmer les poinçons ?', 'Très belle pièce, bravo pour la sélection.', 'Le prix est-il négociable ?', 'Je peux payer via le site dès aujourd\'hui.',
  ],
  close: ['Cordialement', 'Bien à vous, Claire', 'Merci !', 'Bonne journée', 'À bientôt', ''],
  digits: ['zéro', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf'],
  tens: (n) => {
    const u = fr.digits;
    const teens = ['dix', 'onze', 'douze', 'treize', 'quatorze', 'quinze', 'seize', 'dix-sept', 'dix-huit', 'dix-neuf'];
    const t = ['', '', 'vingt', 'trente', 'quarante', 'cinquante', 'soixante'];
    if (n < 10) return u[n]!;
    if (n < 20) return teens[n - 10]!;
    if (n < 70) return n % 10 === 0 ? t[Math.floor(n / 10)]! : n % 10 === 1 ? `${t[Math.floor(n / 10)]} et un` : `${t[Math.floor(n / 10)]}-${u[n % 10]}`;
    if (n < 80) return n === 71 ? 'soixante et onze' : `soixante-${teens[n - 70]}`;
    if (n === 80) return 'quatre-vingts';
    if (n < 90) return `quatre-vingt-${u[n - 80]}`;
    return `quatre-vingt-${teens[n - 90]}`;
  },
  at: ['arobase', '[at]', '(arobase)', ' @ '],
  dot: ['point', '[point]', '(dot)', ' . '],
  tricky: [
    'La pièce sera expédiée directement depuis notre atelier.', 'Ce portrait était une commande du comte en 1780.', 'La commission de la plateforme est comprise dans le prix.',
    'Je vais appeler le restaurateur demain.', 'Vous pouvez me contacter directement ici sur la messagerie.', 'Le transporteur vous appellera avant la livraison.',
    'Le prix affiché inclut les frais de la plateforme.', 'Livraison sans frais pour cet article.', 'Nous acceptons tous les moyens de paiement proposés sur le site.',
  ],
};

const it: Pool = {
  greet: ['Buongiorno,', 'Salve,', 'Buonasera,', 'Gentile venditore,', 'Grazie per la risposta.', 'Ciao,', ''],
  items: ['il cassettone Luigi XV', 'la poltrona Art Déco', 'la teiera in argento', 'l\'orologio Cartier', 'la coppia di vasi di Murano', 'il dipinto', 'la spilla vittoriana', 'la scrivania in noce', 'il Rolex', 'la lampada Tiffany', 'il tappeto persiano', 'la scultura in bronzo', 'l\'anello con smeraldo', 'la credenza toscana'],
  clean: [
    '{item} è ancora disponibile?', 'Potrebbe inviare altre foto de {item}?', 'Qual è lo stato di conservazione de {item}?', '{item} ha una provenienza documentata?',
    'Mi piace molto {item}, starebbe benissimo nel nostro soggiorno.', 'Ci sono restauri su {item}?', 'Può dirmi di più sulla storia de {item}?',
    'Accetterebbe un\'offerta per {item}?', 'Come verrebbe imballato {item}?', 'La patina è originale?', 'Grazie, ci penso e le faccio sapere.',
    'Ho fatto un\'offerta sul sito, può controllare?', 'Può confermare i punzoni?', 'Il prezzo è trattabile?', 'Posso pagare tramite il sito oggi stesso.',
  ],
  close: ['Cordiali saluti', 'Grazie mille', 'Saluti, Marco', 'A presto', 'Buona giornata', ''],
  digits: ['zero', 'uno', 'due', 'tre', 'quattro', 'cinque', 'sei', 'sette', 'otto', 'nove'],
  tens: (n) => {
    const u = it.digits;
    const teens = ['dieci', 'undici', 'dodici', 'tredici', 'quattordici', 'quindici', 'sedici', 'diciassette', 'diciotto', 'diciannove'];
    const t = ['', '', 'venti', 'trenta', 'quaranta', 'cinquanta', 'sessanta', 'settanta', 'ottanta', 'novanta'];
    if (n < 10) return u[n]!;
    if (n < 20) return teens[n - 10]!;
    const tw = t[Math.floor(n / 10)]!;
    const d = n % 10;
    if (d === 0) return tw;
    if (d === 1 || d === 8) return tw.slice(0, -1) + u[d];
    return tw + (d === 3 ? 'tré' : u[d]);
  },
  at: ['chiocciola', '[at]', '(chiocciola)', ' @ '],
  dot: ['punto', '[punto]', '(dot)', ' . '],
  tricky: [
    'Il pezzo sarà spedito direttamente dal nostro laboratorio.', 'Il ritratto fu una commissione del marchese nel 1780.', 'La commissione della piattaforma è inclusa nel prezzo.',
    'Chiamerò il restauratore domani.', 'Può scrivermi direttamente qui sulla piattaforma.', 'Il corriere la chiamerà prima della consegna.', 'Accettiamo tutti i metodi di pagamento del sito.',
  ],
};

const de: Pool = {
  greet: ['Guten Tag,', 'Hallo,', 'Sehr geehrte Damen und Herren,', 'Guten Abend,', 'Danke für Ihre Antwort.', 'Moin,', ''],
  items: ['die Louis-XV-Kommode', 'der Art-déco-Sessel', 'die Silberkanne', 'die Cartier-Uhr', 'das Paar Murano-Vasen', 'das Ölgemälde', 'die viktorianische Brosche', 'der Nussbaum-Sekretär', 'die Rolex', 'die Tiffany-Lampe', 'der Perserteppich', 'die Bronzeskulptur', 'der Smaragdring', 'die Biedermeier-Kommode'],
  clean: [
    'Ist {item} noch verfügbar?', 'Könnten Sie weitere Fotos schicken?', 'In welchem Zustand ist {item}?', 'Gibt es eine Provenienz für {item}?',
    'Mir gefällt {item} sehr gut.', 'Gibt es Restaurierungen an {item}?', 'Können Sie mir mehr über die Geschichte erzählen?',
    'Würden Sie ein Angebot annehmen?', 'Wie würde {item} verpackt werden?', 'Ist die Patina original?', 'Danke, ich überlege es mir und melde mich.',
    'Ich habe ein Angebot über die Seite gemacht.', 'Können Sie die Punzen bestätigen?', 'Ist der Preis verhandelbar?', 'Ich kann heute über den Checkout bezahlen.',
  ],
  close: ['Mit freundlichen Grüßen', 'Viele Grüße, Jan', 'Danke!', 'Beste Grüße', 'Schönen Tag noch', ''],
  digits: ['null', 'eins', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun'],
  tens: (n) => {
    const u = ['null', 'ein', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun'];
    const teens = ['zehn', 'elf', 'zwölf', 'dreizehn', 'vierzehn', 'fünfzehn', 'sechzehn', 'siebzehn', 'achtzehn', 'neunzehn'];
    const t = ['', '', 'zwanzig', 'dreißig', 'vierzig', 'fünfzig', 'sechzig', 'siebzig', 'achtzig', 'neunzig'];
    if (n < 10) return de.digits[n]!;
    if (n < 20) return teens[n - 10]!;
    const d = n % 10;
    return d === 0 ? t[Math.floor(n / 10)]! : `${u[d]}und${t[Math.floor(n / 10)]}`;
  },
  at: ['at', '[at]', '(at)', ' @ '],
  dot: ['punkt', '[punkt]', '(dot)', ' . '],
  tricky: [
    'Die Ware wird direkt aus unserer Werkstatt versendet.', 'Das Porträt war ein Auftrag des Grafen von 1780.', 'Die Provision der Plattform ist im Preis enthalten.',
    'Ich rufe morgen den Restaurator an.', 'Sie können mir hier über die Plattform jederzeit schreiben.', 'Der Kurier ruft Sie vor der Lieferung an.', 'Wir akzeptieren alle Zahlungsarten im Checkout.',
  ],
};

const es: Pool = {
  greet: ['Hola,', 'Buenos días,', 'Buenas tardes,', 'Estimado vendedor,', 'Gracias por su respuesta.', ''],
  items: ['la cómoda Luis XV', 'el sillón Art Déco', 'la tetera de plata', 'el reloj Cartier', 'la pareja de jarrones de Murano', 'el cuadro', 'el broche victoriano', 'el escritorio de nogal', 'el Rolex', 'la lámpara Tiffany', 'la alfombra persa', 'la escultura de bronce', 'el anillo de esmeralda', 'el bargueño'],
  clean: [
    '¿Sigue disponible {item}?', '¿Podría enviar más fotos de {item}?', '¿En qué estado está {item}?', '¿Tiene {item} procedencia documentada?',
    'Me encanta {item}, quedaría perfecto en nuestro salón.', '¿Tiene restauraciones {item}?', '¿Puede contarme más sobre la historia de {item}?',
    '¿Aceptaría una oferta por {item}?', '¿Cómo se embalaría {item}?', '¿La pátina es original?', 'Gracias, lo pienso y le digo algo.',
    'He hecho una oferta en la web, ¿puede mirarla?', '¿Puede confirmar los contrastes?', '¿El precio es negociable?', 'Puedo pagar por la plataforma hoy mismo.',
  ],
  close: ['Saludos cordiales', 'Un saludo, Lucía', '¡Gracias!', 'Muchas gracias', 'Hasta pronto', ''],
  digits: ['cero', 'uno', 'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve'],
  tens: (n) => {
    const u = es.digits;
    const teens = ['diez', 'once', 'doce', 'trece', 'catorce', 'quince', 'dieciséis', 'diecisiete', 'dieciocho', 'diecinueve'];
    const veinti = ['veinte', 'veintiuno', 'veintidós', 'veintitrés', 'veinticuatro', 'veinticinco', 'veintiséis', 'veintisiete', 'veintiocho', 'veintinueve'];
    const t = ['', '', '', 'treinta', 'cuarenta', 'cincuenta', 'sesenta', 'setenta', 'ochenta', 'noventa'];
    if (n < 10) return u[n]!;
    if (n < 20) return teens[n - 10]!;
    if (n < 30) return veinti[n - 20]!;
    return n % 10 === 0 ? t[Math.floor(n / 10)]! : `${t[Math.floor(n / 10)]} y ${u[n % 10]}`;
  },
  at: ['arroba', '[at]', '(arroba)', ' @ '],
  dot: ['punto', '[punto]', '(dot)', ' . '],
  tricky: [
    'La pieza se enviará directamente desde nuestro taller.', 'El retrato fue un encargo del conde en 1780.', 'La comisión de la plataforma está incluida en el precio.',
    'Llamaré al restaurador mañana.', 'Puede escribirme aquí en la plataforma cuando quiera.', 'El mensajero le llamará antes de la entrega.', 'Aceptamos todos los métodos de pago de la web.',
  ],
};

const nl: Pool = {
  greet: ['Hallo,', 'Goedemorgen,', 'Goedemiddag,', 'Beste verkoper,', 'Bedankt voor uw reactie.', 'Hoi,', ''],
  items: ['de Lodewijk XV commode', 'de art-deco fauteuil', 'de zilveren theepot', 'het Cartier horloge', 'het paar Murano vazen', 'het schilderij', 'de Victoriaanse broche', 'het notenhouten bureau', 'de Rolex', 'de Tiffany lamp', 'het Perzisch tapijt', 'het bronzen beeld', 'de smaragd ring', 'de Friese staartklok'],
  clean: [
    'Is {item} nog beschikbaar?', 'Kunt u meer foto\'s sturen van {item}?', 'Wat is de staat van {item}?', 'Heeft {item} een bekende herkomst?',
    'Ik vind {item} prachtig.', 'Zijn er restauraties aan {item}?', 'Kunt u meer vertellen over de geschiedenis van {item}?',
    'Staat u open voor een bod op {item}?', 'Hoe wordt {item} verpakt?', 'Is het patina origineel?', 'Dank u, ik denk erover na en laat het weten.',
    'Ik heb een bod gedaan via de site.', 'Kunt u de keurmerken bevestigen?', 'Is de prijs bespreekbaar?', 'Ik kan vandaag via de checkout betalen.',
  ],
  close: ['Met vriendelijke groet', 'Groetjes, Sanne', 'Bedankt!', 'Fijne dag', 'Tot snel', ''],
  digits: ['nul', 'een', 'twee', 'drie', 'vier', 'vijf', 'zes', 'zeven', 'acht', 'negen'],
  tens: (n) => {
    const u = nl.digits;
    const teens = ['tien', 'elf', 'twaalf', 'dertien', 'veertien', 'vijftien', 'zestien', 'zeventien', 'achttien', 'negentien'];
    const t = ['', '', 'twintig', 'dertig', 'veertig', 'vijftig', 'zestig', 'zeventig', 'tachtig', 'negentig'];
    if (n < 10) return u[n]!;
    if (n < 20) return teens[n - 10]!;
    const d = n % 10;
    if (d === 0) return t[Math.floor(n / 10)]!;
    const unit = u[d]!;
    return `${unit}${unit.endsWith('e') ? 'ën' : 'en'}${t[Math.floor(n / 10)]}`;
  },
  at: ['apenstaartje', '[at]', '(at)', ' @ '],
  dot: ['punt', '[punt]', '(dot)', ' . '],
  tricky: [
    'Het stuk wordt rechtstreeks vanuit onze werkplaats verzonden.', 'Het portret was een opdracht van de graaf in 1780.', 'De commissie van het platform zit in de prijs.',
    'Ik bel morgen de restaurateur.', 'U kunt mij hier via het platform altijd een bericht sturen.', 'De koerier belt u voor de levering.', 'We accepteren alle betaalmethoden van de site.',
  ],
};

export const POOLS: Readonly<Record<Lang, Pool>> = { en, fr, it, de, es, nl };
