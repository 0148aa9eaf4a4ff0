import { CURRENCY_SYMBOL, DAY_OF_MONTH, MONTH_INDEX, WEEKDAY_INDEX, digitsToWords, groupThousands, type Bank } from './bank';

const DAYS = ['Sonntag', 'Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag'];
const MONTHS = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];
const DIGITS = ['null', 'eins', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun'];
const DIGITS_PHONE = ['null', 'eins', 'zwo', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun'];
const NAMES: Record<string, string> = { EUR: 'Euro', USD: 'Dollar', GBP: 'Pfund', CHF: 'Franken' };

const SMALL_PARCEL_ASK = ['Was kostet ein versicherter Versand nach {buyerCity}?', 'Versenden Sie voll versichert nach {buyerCountry}?'];
const SMALL_PARCEL_ANSWER = ['Der versicherte Expressversand nach {buyerCity} kostet {shipPrice}, Zustellung gegen Unterschrift; Laufzeit {days} Werktage.', 'Wir versenden mit {carrier}, voll versichert: {shipPrice}, {days} Werktage.'];

export const de: Bank = {
  lang: 'de',
  fmt: {
    price(major, currency, style) {
      if (currency === 'CHF') return style === 1 ? `${groupThousands(major, '.')} Franken` : `CHF ${groupThousands(major, '’')}${style === 0 ? '.–' : ''}`;
      const n = groupThousands(major, '.');
      const sym = CURRENCY_SYMBOL[currency] ?? currency;
      if (style === 1) return `${n} ${NAMES[currency] ?? currency}`;
      if (style === 2) return `${currency} ${n}`;
      if (style === 3) return `${major}${sym}`;
      return `${n} ${sym}`;
    },
    circa: (y) => `um ${y}`,
    date: (ms) => `${DAYS[WEEKDAY_INDEX(ms)]}, ${DAY_OF_MONTH(ms)}. ${MONTHS[MONTH_INDEX(ms)]}`,
    digitWords: (digits, variant) => digitsToWords(digits, variant % 2 === 0 ? DIGITS_PHONE : DIGITS, variant % 3 === 0 ? '-' : ' '),
    at: ['at', '(at)', 'ät', '[at]'],
    dot: ['punkt', '(punkt)', 'dot'],
  },
  projectTypes: ['eine Altbauwohnung', 'ein Boutique-Hotel', 'ein Landhaus', 'ein Restaurant', 'eine Kanzlei', 'eine Villa am See'],
  rooms: ['die Bibliothek', 'das Esszimmer', 'den Eingangsbereich', 'das Arbeitszimmer', 'das Wohnzimmer', 'das Schlafzimmer'],
  greetBuyer: ['Guten Tag,', 'Hallo,', 'Hallo {sellerFirst},', 'Sehr geehrte Damen und Herren,', 'Guten Morgen,', ''],
  greetSeller: ['Guten Tag {buyerFirst},', 'Hallo {buyerFirst},', 'Vielen Dank für Ihre Nachricht!', 'Guten Tag,', 'Guten Abend {buyerFirst},', ''],
  signBuyer: ['Viele Grüße, {buyerFirst}', 'Beste Grüße, {buyerFirst}', 'Danke und Gruß, {buyerFirst}', 'Mit freundlichen Grüßen', '{buyerFirst}', '', ''],
  signSeller: ['Beste Grüße, {sellerFirst}', '{sellerFirst} – {gallery}', 'Mit freundlichen Grüßen, {sellerFirst} ({gallery})', 'Herzliche Grüße, {sellerFirst}', '', ''],
  open: [
    'Ist {item} noch verfügbar?',
    'Ich interessiere mich sehr für {item_acc} („{title}“).',
    '{Item} gefällt mir ausgesprochen gut.',
    'Können Sie mir etwas mehr über {item_acc} erzählen?',
    'Ist das Stück von {maker} noch zu haben?',
    'Ich habe {item_acc} dieses Jahr auf einer Messe gesehen und freue mich, das Stück hier wiederzufinden.',
    'Kurze Frage zu {item_acc}.',
  ],
  openDesigner: [
    'Wir sind ein Innenarchitekturbüro und betreuen gerade ein Projekt in {buyerCity}: {projectType}.',
    'Ich suche für einen Kunden in {buyerCity}, und {item} könnte perfekt passen.',
    'Wir sind ein Interior-Studio und ich stelle gerade eine Auswahl für einen Kunden zusammen.',
    'Mein Kunde sucht ein besonderes Stück für {room}.',
  ],
  openCollector: [
    'Ich suche dieses Modell schon lange.',
    'Ich sammle {maker}, und das würde eine kleine Gruppe ergänzen.',
    'Ich habe einige Stücke aus dieser Zeit zu Hause, das würde wunderbar passen.',
    'Es ist für meine Wohnung in {buyerCity}.',
  ],
  available: [
    'Ja, das Stück ist noch verfügbar.',
    'Danke für Ihr Interesse – ja, {item} ist noch da.',
    'Ja, noch verfügbar. Fragen Sie gern, wenn Sie etwas wissen möchten.',
    'Es ist verfügbar, und ehrlich gesagt eines meiner Lieblingsstücke im Moment.',
  ],
  ask: {
    condition: ['Wie ist der Zustand insgesamt?', 'Könnten Sie den Zustand etwas genauer beschreiben?', 'Gibt es Mängel, die man auf den Fotos nicht sieht?'],
    provenance: ['Wissen Sie etwas über die Provenienz?', 'Woher stammt das Stück?', 'Gibt es Unterlagen oder eine Geschichte dazu?'],
    dimensions: ['Können Sie mir die genauen Maße bestätigen?', 'Wie sind die exakten Maße? Ich muss prüfen, ob es passt.', 'Geht es durch eine normale 80-cm-Tür?'],
    shipping: ['Könnten Sie mir ein Versandangebot nach {buyerCity} ({buyerCountry}) machen?', 'Was würde eine Lieferung mit Aufbau nach {buyerCity} kosten?', 'Wie versenden Sie nach {buyerCountry}, und wie lange dauert es?', 'Bieten Sie eine Lieferung mit Auspacken und Aufstellen in {buyerCity} an?'],
    photos: ['Könnten Sie noch ein paar Fotos einstellen, vor allem von der Rückseite und den Marken?', 'Wäre es möglich, Fotos von der Unterseite zu sehen?', 'Könnten Sie eine Nahaufnahme der Signatur oder Marke hochladen?'],
    trade: ['Gibt es einen Händler- oder Designerrabatt?', 'Gewähren Sie Innenarchitekten einen Nachlass?', 'Ich bin vom Fach – gibt es da etwas Spielraum?'],
    authenticity: ['Können Sie die Echtheit garantieren?', 'Gibt es ein Echtheitszertifikat?', 'Wurde es begutachtet?'],
    attribution: ['Ist es ein Original von {maker} oder eine spätere Auflage?', 'Ist das ein zeitgenössisches Exemplar oder eine Neuauflage?', 'Welcher Hersteller hat es produziert?'],
    sizing: ['Welche Größe hat er? Ich trage {buyerRing}.', 'Lässt er sich auf {buyerRing} anpassen?'],
    papers: ['Sind Box und Papiere dabei?', 'Gibt es Servicenachweise?'],
    viewing: ['Könnte ich das Stück persönlich ansehen?', 'Ist es irgendwo ausgestellt, wo ich es sehen könnte?'],
  },
  askCat: {
    furniture: {
      condition: ['Wurde es restauriert oder neu lackiert?', 'Gibt es Furnierfehlstellen, Reparaturen oder wackelt etwas?', 'Ist die Oberfläche original? Auf einem Foto sehe ich Spuren auf der Platte.', 'Ist der Bezug original oder erneuert?'],
      dimensions: ['Wie hoch ist die Sitzhöhe?', 'Können Sie die Tiefe bestätigen? Der Platz ist knapp.'],
    },
    lighting: {
      condition: ['Wurde die Elektrik erneuert? Das Stück müsste in {buyerCountry} funktionieren.', 'Sind alle Glasteile original und ohne Chips?', 'Sind Baldachin und Kette dabei? Welche Leuchtmittel braucht man?', 'Ist das Messing poliert oder mit Originalpatina?'],
      dimensions: ['Wie ist die Gesamthöhe mit Kette?'],
    },
    art: {
      condition: ['Wurde die Leinwand doubliert oder restauriert?', 'Gibt es Stockflecken oder ist das Papier gebräunt?', 'Ist der Rahmen original?'],
      provenance: ['Gibt es eine Ausstellungshistorie?', 'Ist das Werk im Werkverzeichnis aufgeführt?'],
      dimensions: ['Wie groß ist es mit Rahmen?'],
    },
    jewelry: {
      shipping: SMALL_PARCEL_ASK,
      condition: ['Sind alle Steine original?', 'Ist das Stück punziert?', 'Gibt es Abnutzung an den Fassungen oder am Verschluss?'],
      authenticity: ['Gibt es ein gemmologisches Gutachten für den Hauptstein?', 'Mit Originaletui und Zertifikat?'],
    },
    watches: {
      shipping: SMALL_PARCEL_ASK,
      condition: ['Wann war die letzte Revision?', 'Ist das Zifferblatt original und wurde das Gehäuse poliert?', 'Wie läuft die Uhr? Gibt es eine Servicehistorie?'],
      sizing: ['Passt das Band an ein Handgelenk von {wrist}?', 'Gibt es Ersatzglieder?'],
    },
  },
  answer: {
    condition: ['Für sein Alter in sehr gutem Zustand, mit leichten Gebrauchsspuren.', 'Ehrlicher Zustand: ein paar kleine Spuren, nichts Strukturelles. Ich habe Detailfotos ergänzt.', 'Hervorragender Zustand, es wurde von unserer Werkstatt geprüft.'],
    provenance: ['Es stammt aus einer Privatsammlung in {provCity}; wir haben es direkt von der Familie gekauft.', 'Wir haben es bei {auction} erworben (Los {lot}, {auctionYear}); die Rechnung liegt vor.', 'Es war seit dem Kauf {purchaseYear} im Besitz derselben Familie; die Originalrechnung ist vorhanden.', 'Es kommt aus einem Nachlass in {provCity}. Ich kann Ihnen ein Galeriezertifikat mit vollständiger Beschreibung ausstellen.'],
    dimensions: ['Maße: {dims}.', 'Genau {dims}, heute Morgen nachgemessen.', 'Es misst {dims} – gern schicke ich ein Foto mit Maßband.'],
    shipping: ['Die Lieferung mit Aufbau nach {buyerCity} würde {shipPrice} kosten, versichert, etwa {weeks} Wochen.', 'Wir würden es in einer Kiste mit unserer Kunstspedition schicken: {shipPrice} Haus zu Haus, ca. {weeks} Wochen.', 'Der Versand nach {buyerCountry} kostet {shipPrice} inkl. Kiste und Versicherung; Lieferzeit {weeks} Wochen.', 'Ich habe heute Morgen ein Angebot bekommen: {shipPrice} nach {buyerCity}, mit Aufstellen, etwa {weeks} Wochen.'],
    photos: ['Ich habe gerade {photosN} weitere Fotos eingestellt, auch von der Rückseite und den Marken.', 'Erledigt, die neuen Fotos sind online.', 'Ich mache morgen bei Tageslicht welche und lade sie hoch.'],
    trade: ['Ja, wir geben {pct} % an Händler und Designer; ich berücksichtige das im Angebot.', 'Für Innenarchitekten können wir {pct} % auf den Listenpreis machen.', 'Üblicherweise {pct} % für das Fach, ja.'],
    authenticity: ['Ja, garantiert – und zusätzlich durch die Echtheitsgarantie der Plattform abgedeckt.', 'Selbstverständlich, es kommt mit unserem Echtheitszertifikat.', 'Ja, ein Experte hat es geprüft, und ich vermerke das gern auf der Rechnung.'],
    attribution: ['Es ist ein zeitgenössisches Exemplar, hergestellt von {producer} {circa}.', 'Original, keine Neuauflage – man sieht es auf dem letzten Foto.', 'Zeitgenössisch: {producer}, {circa}. Die Marke sehen Sie auf dem letzten Foto.'],
    sizing: ['Er hat derzeit Größe {ringEu}; unser Goldschmied passt ihn kostenlos an.', 'Größe {ringEu}; eine Anpassung um ein, zwei Größen ist kein Problem.'],
    papers: ['Mit Originalbox und Papieren von {paperYear}.', 'Keine Papiere, aber die Uhr wurde {serviceYear} revidiert, die Rechnung liegt vor.'],
    viewing: ['Natürlich, das Stück steht in unserer Galerie in {sellerCity}. Einen Besichtigungstermin können Sie über die Plattform buchen.', 'Ja, es steht in unserem Showroom in {sellerCity}; sagen Sie mir, wann Sie in der Stadt sind.'],
  },
  answerCat: {
    furniture: {
      condition: ['Es ist stabil, mit leichten altersbedingten Spuren auf der Oberfläche – keine Reparaturen.', 'Unsere Werkstatt hat es letztes Jahr restauriert: Verbindungen neu verleimt und leicht gewachst; ansonsten originale Oberfläche.', 'Es gibt eine kleine Furnierergänzung an einer Seite (sechstes Foto) und ein paar Wasserränder auf der Platte, die wir als Patina belassen haben.', 'Der Bezug wurde vor einigen Jahren erneuert, sauber, ohne Risse. Das Gestell ist stabil.', 'Originale Oberfläche mit schöner Patina. Eine Schubladenführung wurde ersetzt, sonst alle Beschläge original.'],
    },
    lighting: {
      condition: ['Die Leuchte wurde komplett neu verkabelt, mit neuen Fassungen, und ist montagefertig; wir können sie für {buyerCountry} anpassen.', 'Alle Gläser sind original. Ein winziger Chip am Rand eines Schirms, aufgehängt unsichtbar.', 'Die Leuchte braucht E14-Leuchtmittel. Baldachin und Kette sind original; die Kette kann gekürzt werden.', 'Das Messing hat seine Originalpatina, wir haben nicht poliert. Die Elektrik hat unser Elektriker geprüft.'],
    },
    art: {
      condition: ['Insgesamt in gutem Zustand. Die Leinwand wurde doubliert; kleine Retuschen am oberen Rand unter UV sichtbar.', 'Das Papier ist durch eine alte Rahmung leicht gebräunt, keine Stockflecken oder Risse.', 'Der Rahmen ist ein späterer Goldrahmen in gutem Zustand; das Werk selbst ist sauber.'],
      provenance: ['Privatsammlung, {provCity}, von der Familie des Künstlers erworben.', 'Verkauft bei {auction} {auctionYear}, Los {lot}; den Katalogeintrag habe ich.'],
    },
    jewelry: {
      shipping: SMALL_PARCEL_ANSWER,
      condition: ['Das Stück ist mit 750 gestempelt. Die Steine sind original, die Krappen hat unser Goldschmied geprüft und nachgesetzt.', 'Sehr guter Zustand, leichte altersbedingte Tragespuren am Gold; punziert.', 'Hervorragender Zustand, letzten Monat gereinigt und geprüft.'],
      authenticity: ['Ja, es gibt ein Laborgutachten für den Hauptstein – ich kann es zum Inserat hochladen.', 'Mit Originaletui und Zertifikat.'],
    },
    watches: {
      shipping: SMALL_PARCEL_ANSWER,
      condition: ['{serviceYear} bei einem unabhängigen Uhrmacher revidiert; Gangabweichung +3 s/Tag. Zifferblatt und Zeiger original.', 'Das Zifferblatt ist original und unberührt; das Gehäuse wurde einmal leicht poliert, die Kanten sind noch scharf.', 'Vollrevision {serviceYear}, neue Dichtungen, wasserdicht geprüft. {ref}.'],
      sizing: ['Das Band passt derzeit an etwa {wrist}, und es gibt zwei Ersatzglieder.'],
    },
  },
  smallTalkSeller: ['Ein wirklich besonderes Stück.', 'In diesem Zustand sieht man das selten.', 'Es war auf unserem Messestand eines der Highlights.', ''],
  thanks: ['Danke, sehr hilfreich.', 'Danke für die schnelle Antwort.', 'Vielen Dank.', 'Perfekt, danke.'],
  think: ['Ich bespreche das mit meinem Kunden und melde mich.', 'Ich überlege es mir übers Wochenende.', 'Ich muss den Platz noch einmal ausmessen, ich melde mich.', 'Danke, ich gebe Bescheid.'],
  noRush: ['Lassen Sie sich Zeit.', 'Keine Eile.', 'Gern, ich bin für weitere Fragen da.'],
  offer: ['Würden Sie {offer} akzeptieren?', 'Das Budget meines Kunden liegt bei {offer} – gibt es Spielraum?', 'Ginge {offer} inklusive Versand?', 'Ich kann {offer} bieten und heute noch kaufen.', 'Wäre {offer} denkbar?'],
  counter: ['So weit kann ich nicht runter, aber {counter} wäre möglich.', 'Mein letzter Preis wäre {counter}; es ist schon unter vergleichbaren Stücken angesetzt.', 'Treffen wir uns bei {counter}?', 'Ich könnte {counter} akzeptieren, ohne Versand.'],
  raise: ['Einigen wir uns auf {offer}?', '{offer} und wir sind uns einig?', 'Würden Sie {offer} nehmen? Das ist wirklich mein Limit.'],
  acceptOffer: ['In Ordnung, {final}.', 'Einverstanden mit {final}.', 'Gut – {final}, abgemacht.'],
  acceptCounter: ['{final} passt für mich.', 'Abgemacht bei {final}.', 'Okay, machen wir {final}.'],
  firm: ['Tut mir leid, der Preis ist fest.', 'Leider kann ich beim Preis nicht nachgeben, das Stück ist gerade erst in Kommission gekommen.', 'Der Preis ist schon knapp kalkuliert, tiefer geht es nicht.'],
  walkAway: ['Das übersteigt leider mein Budget. Trotzdem danke.', 'Ich passe vorerst, danke für Ihre Zeit.', 'Verstehe – ich behalte es im Auge.'],
  sellerOfferSent: ['Ich habe Ihnen über die Plattform ein Angebot über {final} geschickt – einfach annehmen, um zu bezahlen.', 'Sie sollten mein Angebot über {final} jetzt im Chat sehen.', 'Angebot über {final} verschickt, 48 Stunden gültig.'],
  checkoutSoon: ['Perfekt, ich schließe den Kauf jetzt ab.', 'Angenommen – ich bezahle gleich.', 'Super, ich nehme es heute Abend an.', 'Danke, ich bezahle jetzt.'],
  buyNow: ['Ich habe es gerade über die Seite gekauft!', 'Kauf erledigt, ich freue mich darauf.', 'Bestellt – danke!'],
  orderThanks: ['Vielen Dank für Ihre Bestellung! Wir bereiten den Versand diese Woche vor.', 'Herzlichen Dank – die Bestellung ist bestätigt. Ich halte Sie hier zur Lieferung auf dem Laufenden.', 'Danke! Wir verpacken es und buchen die Spedition.'],
  deliveryPlan: ['Unser Team kann am {date} zwischen 9 und 13 Uhr liefern. Passt Ihnen das?', 'Die Spedition schlägt {date} für die Lieferung vor. Können Sie bestätigen?', 'Abholung am Montag, Lieferung am {date}.'],
  dateOk: ['{date} ist perfekt.', 'Passt, es wird jemand zu Hause sein.', 'Ja, das geht, danke.'],
  shipped: ['Ihr Stück hat heute unser Lager mit {carrier} verlassen. Sendungsnummer: {tracking}.', 'Versendet! {carrier}, Sendungsnummer {tracking}.', 'Es ist unterwegs – {carrier} Tracking {tracking}.'],
  arrived: ['Heil angekommen – in echt noch schöner. Danke!', 'Heute Morgen geliefert, alles perfekt.', 'Es ist da und mein Kunde ist begeistert.'],
  glad: ['Wunderbar, viel Freude damit!', 'Das freut mich sehr. Nochmals danke.', 'Schöne Nachricht – danke für Ihren Kauf.'],
  cancelAsk: ['Es tut mir sehr leid, mein Kunde hat es sich anders überlegt – können wir die Bestellung stornieren?', 'Ich muss leider stornieren, die Maße passen doch nicht.'],
  cancelAck: ['Kein Problem, ich habe die Bestellung storniert; die Erstattung läuft über die Plattform.', 'Verstanden, die Bestellung ist storniert.'],
  returnAsk: ['Es ist angekommen, aber es hat einen Riss, der auf den Fotos nicht zu sehen war. Ich möchte es zurückgeben.', 'Leider entspricht es nicht der Beschreibung, eine Ecke ist beschädigt. Kann ich es zurückschicken?'],
  returnAck: ['Das tut mir sehr leid. Bitte öffnen Sie auf der Bestellseite eine Rücksendung; wir erstatten nach Eingang.', 'Entschuldigen Sie bitte. Ich habe die Rücksendung genehmigt, die Erstattung läuft über die Plattform.'],
  lateAsk: ['Ist das noch verfügbar?', 'Haben Sie {item_acc} noch?'],
  soldSorry: ['Tut mir leid, es wurde letzte Woche verkauft. Ein ähnliches Stück kommt bald herein – ich melde mich hier.', 'Leider ist es gerade verkauft worden. Gern halte ich nach einem anderen für Sie Ausschau.'],
  nudge: ['Guten Tag, ich wollte noch einmal an meine Frage erinnern.', 'Gibt es Neuigkeiten?', 'Hallo, haben Sie meine Nachricht gesehen?'],
  op: {
    phoneSeller: ['Ehrlich gesagt ist es am Telefon einfacher: {phone}.', 'Rufen Sie mich unter {phone} an, ich bin bis 19 Uhr in der Galerie.', 'Wenn Sie möchten, rufen Sie mich direkt an: {phone}. Versand und Zahlung klären wir unter uns.', 'Meine Mobilnummer: {phone}, gern auch per SMS.'],
    phoneBuyer: ['Können Sie mich anrufen? {phone}', 'Hier meine Nummer: {phone} – ab 10 Uhr.', 'Schreiben Sie mir eine SMS an {phone}, ich schaue selten in die App.'],
    phoneWords: ['Meine Nummer: {phoneWords}.', 'Rufen Sie an – {phoneWords}', '{phoneWords}, das ist mein Handy (die Seite blendet Ziffern aus).'],
    phoneSpaced: ['Erreichbar unter {phoneSpaced}', '{phoneSpaced} ← Handy, so geschrieben, weil die Seite Nummern blockiert', 'Tel.: {phoneSpaced}'],
    phoneSplitA: ['Sie erreichen mich unter {phoneA}', 'Meine Nummer fängt mit {phoneA} an', 'Rufen Sie {phoneA}'],
    phoneSplitB: ['{phoneB}', '… {phoneB} (der Rest)', 'dann {phoneB}'],
    email: ['Schreiben Sie mir an {email}, dann schicke ich Ihnen direkt eine Rechnung.', 'Meine Mail: {email} – ich schicke mehr Fotos und wir klären den Rest dort.', 'Sie erreichen mich unter {email}.'],
    emailObf: ['Meine Mail: {emailObf}', 'Schreiben Sie mir: {emailObf}', '{emailObf} (so geschrieben, damit es durchgeht)'],
    emailProvider: ['Ich bin {emailLocal} bei {provider}, schreiben Sie mir dort.', 'Bei {provider}: {emailLocal}'],
    website: ['Unser ganzer Bestand ist auf {website} – dort günstiger, weil keine Plattformgebühr anfällt.', 'Sie können es direkt auf {website} kaufen, es ist dasselbe Stück.', 'Schauen Sie auf {website}, wir haben einen eigenen Shop.'],
    searchHint: ['Googeln Sie einfach „{gallery} {sellerCity}“ – unsere Nummer steht im ersten Treffer.', 'Suchen Sie online nach {gallery}, dort finden Sie, wie Sie mich erreichen.', 'Wir sind leicht zu finden: {gallery}, {sellerCity}. Rufen Sie in der Galerie an und fragen Sie nach mir.'],
    whatsapp: ['Schreiben Sie mir auf WhatsApp unter {phone}, ich schicke Ihnen ein Video.', 'Einfacher per WhatsApp: {phone}', 'Kurze WhatsApp an {phone} und wir machen es fest.'],
    instagram: ['Folgen Sie uns auf Instagram @{handle} und schreiben Sie mir dort eine DM.', 'Schreib mir auf Insta: @{handle}', 'Wir sind @{handle} auf Instagram – dort gibt es einen besseren Preis.'],
    telegram: ['Ich bin auf Telegram: @{handle}', 'Schreiben Sie mir auf Telegram (@{handle}), das ist einfacher als dieser Chat.'],
    iban: ['Sie können direkt auf {iban} (BIC {bic}) überweisen, dann ziehe ich die Provision ab.', 'Unsere Bankverbindung: IBAN {iban}, BIC {bic}, Kontoinhaber {gallery}. Nach Zahlungseingang versende ich.', 'Überweisung auf {iban} und es gehört Ihnen – ohne Plattformgebühren.'],
    bankTransfer: ['Wenn Sie per Überweisung statt über die Seite zahlen, sparen wir beide die Gebühren.', 'Ich kann eine direkte Überweisung annehmen – die Daten schicke ich Ihnen privat.', 'Wir könnten den Checkout auslassen und per Überweisung zahlen; dann gebe ich 10 % nach.'],
    paymentApp: ['PayPal Freunde & Familie geht bei mir, das spart die Gebühren der Seite.', 'Zahlung per PayPal an Freunde ist für mich in Ordnung.'],
    directDeal: ['Unter uns – wenn wir das außerhalb der Seite machen, kann ich {directPrice} anbieten.', 'Die Plattform nimmt mir {pct} % ab. Direkt gebe ich Ihnen das weiter: {directPrice}.', 'Lassen wir die Plattform außen vor – {directPrice}, und den Versand organisieren wir selbst.', 'Auf dieses Stück möchte ich keine Provision zahlen. Direkt: {directPrice}.'],
    contactRequest: ['Könnten Sie mir eine Telefonnummer geben? Ich bespreche das lieber am Telefon.', 'Haben Sie eine E-Mail-Adresse, an die ich direkt schreiben kann?', 'Kann man Sie auch außerhalb der Seite erreichen?', 'Haben Sie WhatsApp? Dann schicke ich Ihnen Fotos vom Raum.'],
    buyerDirect: ['Würden Sie es mir direkt für {directPrice} verkaufen, ohne die Seite?', 'Wenn wir die Plattformgebühren sparen, ginge dann {directPrice}?', 'Kann ich Sie direkt bezahlen? Ich möchte den Checkout der Seite lieber nicht nutzen.'],
    buyerAck: ['Super, ich rufe Sie heute Nachmittag an.', 'Perfekt – ich habe Ihnen gerade eine Mail geschickt.', 'Danke, ich schreibe Ihnen gleich.', 'Alles klar, bis gleich.', 'Okay, ich schreibe Ihnen heute Abend auf WhatsApp.'],
    sellerAck: ['Perfekt, bis bald.', 'Gut – bis später.', 'Ich warte auf Ihren Anruf.'],
    sellerRefuses: ['Tut mir leid, ich muss alles über die Plattform abwickeln – das schützt uns beide.', 'Ich bleibe lieber hier; ich verkaufe nur über den Checkout der Seite.', 'Danke, aber das geht nicht, das verstößt gegen die Regeln des Marktplatzes. Fragen beantworte ich gern hier.', 'Bleiben wir bitte hier im Chat. Sie können ein Angebot über die Seite schicken.'],
    buyerRefuses: ['Ich zahle lieber über die Seite, wegen des Käuferschutzes.', 'Danke, aber ich bleibe beim Checkout der Plattform.', 'Ich möchte es lieber hier abwickeln, wenn das in Ordnung ist.'],
    futureDirect: ['Für künftige Käufe schreiben Sie mir direkt an {email} – da kann ich deutlich bessere Preise machen.', 'Nächstes Mal rufen Sie mich einfach an, {phone}; dann bekommen Sie den Händlerpreis.', 'Wir haben noch viel mehr auf {website}, günstiger als hier – bestellen Sie nächstes Mal dort.'],
    sellerWillCall: ['Danke, ich rufe Sie gleich an.', 'Notiert – ich schreibe Ihnen heute Abend.', 'Ich melde mich in zehn Minuten telefonisch.'],
    emailBuyer: ['Meine E-Mail ist {email}, falls das einfacher ist.', 'Sie können mir an {email} schreiben.', 'Schicken Sie mir die Details an {email}.'],
    sellerWillWrite: ['Danke, ich schreibe Ihnen heute Abend.', 'Notiert – ich schreibe Ihnen gleich.', 'Perfekt, ich schicke Ihnen alles per Mail.'],
    backToPlatform: ['Nach reiflicher Überlegung kaufe ich doch lieber über die Seite – können Sie mir hier ein Angebot schicken?', 'Mein Steuerberater möchte alles über die Plattform haben. Können Sie das Angebot hier schicken?', 'Machen wir es doch über die Seite, wegen des Käuferschutzes.'],
  },
  dc: {
    phoneAsk: ['Für die Lieferung braucht die Spedition eine Telefonnummer zur Terminabsprache – welche ist am besten?', 'Könnten Sie eine Nummer für den Fahrer bestätigen? Sie wird nur für die Zustellung verwendet.'],
    phoneGive: ['Gern: {phone}. Werktags ab 10 Uhr am besten.', 'Das ist {phone} – meine Assistentin ist vor Ort.', 'Klar, {phone}. Bitte 30 Minuten vorher anrufen.'],
    driver: ['Der Fahrer von {carrier} ruft Sie am Liefertag morgens von {phone} aus an.', 'Lieferkoordination bei {carrier}: {phone}, Referenz {tracking}.'],
    address: ['Lieferadresse: {address}. Es gibt einen Lastenaufzug hinten.', 'Bitte an die Adresse meines Kunden liefern: {address}.'],
    invoiceEmail: ['Für den Zoll schicken Sie die Handelsrechnung bitte an {email}.', 'Unsere Buchhaltung braucht die Rechnung zur Bestellung – {email} – danke.'],
    invoiceUploaded: ['Ich habe die Rechnung auf der Bestellseite hochgeladen; der Zoll braucht sie bei Ankunft.', 'Die Rechnung hängt jetzt an der Bestellung.'],
    location: ['Das Stück steht in unserer Galerie in {sellerCity}; Sie können es nach Vereinbarung ansehen – Termin einfach über die Plattform buchen.', 'Wir sitzen in {sellerCity} und versenden weltweit mit versicherten Kunstspeditionen.', 'Es steht in unserem Lager in {sellerCity}, versandbereit.'],
    refNumbers: ['Zur Info: {ref}.', 'Details: {ref}; Gehäuse {caseMm} mm.', 'Punziert; {ref}.'],
    lotNumbers: ['Es war Los {lot} bei {auction} {auctionYear}; die Katalogseite habe ich.', 'Verkauft bei {auction}, {auctionYear}, Los {lot} – der Aufkleber ist noch auf der Rückseite.'],
    platformOffer: ['Nutzen Sie gern den Button „Angebot machen“, ich nehme {final} an.', 'Schicken Sie {final} über den Angebots-Button, dann nehme ich sofort an.'],
    holdAsk: ['Könnten Sie es mir ein paar Tage reservieren, bis mein Kunde zusagt?', 'Wäre eine Reservierung bis Ende der Woche möglich? Mein Kunde ist auf Reisen.'],
    holdAck: ['Natürlich – ich habe es bis {date} für Sie reserviert.', 'Erledigt, es ist bis {date} für Sie reserviert.'],
    holdBuy: ['Mein Kunde hat zugesagt! Können Sie mir das Angebot über {final} schicken?', 'Gute Nachrichten, wir nehmen es – bitte schicken Sie mir das Angebot über {final}.'],
  },
};
