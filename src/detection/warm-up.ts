/**
 * Text for the engine's first scan in a process to read before the message it was given.
 *
 * V8 compiles a hot function for the paths it has seen run; the first message that takes a path
 * never taken before (a bracket followed by blanks, a buffer that must grow, a long digit run)
 * throws the compiled code away, and that message — and the next ones, until the function is hot
 * again — run in the slow tiers. Ordinary chat leaves many such paths untouched, so the first long
 * or odd message of a process paid for it: a 1 MB message took 85–220 ms in the prefilter alone on
 * its first scan, 13–40 ms on the next. Reading this text once, before any message, gives every
 * function feedback from each kind of structure the detectors handle, in six languages.
 */
const PARTS = [
  // addresses, spelled and bracketed, with blanks inside the brackets
  'write to anna.b@gmail.com or anna [at] gmail (dot) com, anna ( at ) gmail [ . ] com, { a } and < at >, or jean arobase orange point fr; j.doe at site dot xyz',
  'my site www.example-gallery.com and https://example.org/path?q=1, shop.example.co.uk, 192.168.0.1, bit.ly/abc12, i❤.ws',
  // numbers written every way: runs, separators, words, o/l/i, full-width and keycap digits
  'call me 06 12 34 56 78 or +44 20 7946 0958, 0-6-1-2-3-4-5-6-7-8, 06.12.34.56.78, (0)6 12 34 56 78, O6l2345678',
  'zero six douze trente-quatre cinquante-six soixante-dix-huit, five five five one two three four, zwei drei vier fünf sechs sieben acht',
  'sei tre quattro cinque sei sette otto nove, seis dos tres cuatro cinco seis, nul zes een twee drie vier, ０６１２３４５６７８, 6️⃣1️⃣2️⃣',
  '9999999999999999999999999999999999999999 1.2.3.4 0-1-2-3 (((( @@@@ .... ))))  [[[[ ]]]] ---- ____ **** |||| ~~~~',
  // payment details
  'IBAN FR76 3000 6000 0112 3456 7890 189, BIC BNPAFRPPXXX, sort code 12-34-56 account 12345678, routing 021000021, card 4111 1111 1111 1111',
  'BTC 1BoatSLRHtKNngkdXEeobR76b53LBr2HK bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq ETH 0x52908400098527886E0F7030069857D2E4169EE7',
  // intent and off-platform payment, with prices, dimensions and dates beside them
  'best price if you pay directly by bank transfer, paypal friends and family, zelle or venmo; let us deal outside the platform to avoid the commission',
  'on peut traiter directement sans commission, meglio pagare direttamente, wir können direkt privat abrechnen, podemos tratar directamente, we kunnen direct afspreken',
  'whatsapp me, add me on wechat: anna_b, telegram @anna_b, instagram @galerie.anna, signal, viber, skype: anna.b, line id annab',
  '$12,500 € 3.200,00 £ 950 H 32 in. x W 18 in. 82 x 45 x 30 cm Ø 40 circa 1920 1950s 19th century 1799–1800 lot 1234 ref. 5678-AB SKU 998877 18k 750 size 7',
  // non-ASCII letters, a letter whose lower case is longer, surrogate pairs and invisible characters
  'Grüße aus Köln — Straße, à bientôt, İstanbul, ＡＢＣ, 𝟎𝟔𝟏𝟐, e\u0301te\u0301, zero\u200bwidth, 🙂',
];

export const WARM_UP_TEXT = PARTS.join('\n');

/** The same parts again and again, past the prefilter's first buffer and every store's first capacity. */
export const WARM_UP_LONG_TEXT = Array.from({ length: 12 }, () => PARTS.join(' ')).join('\n');
