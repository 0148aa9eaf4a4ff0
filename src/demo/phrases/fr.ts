import { CURRENCY_SYMBOL, DAY_OF_MONTH, MONTH_INDEX, WEEKDAY_INDEX, digitsToWords, groupThousands, type Bank } from './bank';

const DAYS = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'];
const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const UNITS = ['zéro', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix', 'onze', 'douze', 'treize', 'quatorze', 'quinze', 'seize'];
const TENS: Record<number, string> = { 2: 'vingt', 3: 'trente', 4: 'quarante', 5: 'cinquante', 6: 'soixante' };

/** 0–99 in French words, as numbers are read out in pairs ("zéro six, douze, trente-quatre"). */
export function frenchNumber(n: number): string {
  if (n <= 16) return UNITS[n] as string;
  if (n < 20) return `dix-${UNITS[n - 10]}`;
  if (n < 70) {
    const t = Math.floor(n / 10);
    const u = n % 10;
    if (u === 0) return TENS[t] as string;
    if (u === 1) return `${TENS[t]} et un`;
    return `${TENS[t]}-${UNITS[u]}`;
  }
  if (n < 80) return n === 71 ? 'soixante et onze' : `soixante-${frenchNumber(n - 60)}`;
  if (n === 80) return 'quatre-vingts';
  return `quatre-vingt-${frenchNumber(n - 80)}`;
}

function pairs(digits: string): string {
  const d = digits.replace(/\D/g, '');
  const out: string[] = [];
  for (let i = 0; i < d.length; i += 2) {
    const chunk = d.slice(i, i + 2);
    if (chunk.length === 1) out.push(UNITS[Number(chunk)] as string);
    else if (chunk[0] === '0') out.push(`zéro ${UNITS[Number(chunk[1])]}`);
    else out.push(frenchNumber(Number(chunk)));
  }
  return out.join(', ');
}

const NAMES: Record<string, string> = { EUR: 'euros', USD: 'dollars', GBP: 'livres', CHF: 'francs suisses' };

const SMALL_PARCEL_ASK = ['Combien coûte un envoi assuré à {buyerCity} ?', 'Expédiez-vous avec une assurance intégrale vers {buyerCountry} ?'];
const SMALL_PARCEL_ANSWER = ['L’envoi express assuré pour {buyerCity} coûte {shipPrice}, remise contre signature ; comptez {days} jours ouvrés.', 'Nous expédions avec {carrier}, assuré pour la valeur totale : {shipPrice}, {days} jours ouvrés.'];

export const fr: Bank = {
  lang: 'fr',
  fmt: {
    price(major, currency, style) {
      const n = groupThousands(major, ' ');
      const sym = CURRENCY_SYMBOL[currency] ?? currency;
      if (style === 1) return `${n} ${NAMES[currency] ?? currency}`;
      if (style === 2) return `${n} ${currency}`;
      if (style === 3) return `${major}${sym}`;
      return `${n} ${sym}`;
    },
    circa: (y) => `vers ${y}`,
    date: (ms) => `${DAYS[WEEKDAY_INDEX(ms)]} ${DAY_OF_MONTH(ms) === 1 ? '1er' : DAY_OF_MONTH(ms)} ${MONTHS[MONTH_INDEX(ms)]}`,
    digitWords: (digits, variant) => (variant % 2 === 0 ? pairs(digits) : digitsToWords(digits, UNITS.slice(0, 10), ' ')),
    at: ['arobase', 'at', '(a)', '[arobase]'],
    dot: ['point', '(point)', 'pt'],
  },
  projectTypes: ['un appartement haussmannien', 'un hôtel particulier', 'un hôtel', 'une maison de campagne', 'un restaurant', 'des bureaux de direction'],
  rooms: ['sa bibliothèque', 'sa salle à manger', 'son entrée', 'son bureau', 'son salon', 'sa chambre'],
  greetBuyer: ['Bonjour,', 'Bonjour {sellerFirst},', 'Bonsoir,', 'Madame, Monsieur,', 'Bonjour Madame, Monsieur,', ''],
  greetSeller: ['Bonjour {buyerFirst},', 'Chère Madame, cher Monsieur,', 'Bonjour,', 'Merci pour votre message !', 'Bonsoir {buyerFirst},', ''],
  signBuyer: ['Cordialement, {buyerFirst}', 'Bien à vous, {buyerFirst}', "Merci d'avance, {buyerFirst}", 'Belle journée', '{buyerFirst}', '', ''],
  signSeller: ['Bien cordialement, {sellerFirst}', '{sellerFirst} – {gallery}', 'Belle journée, {sellerFirst}', 'Bien à vous, {sellerFirst} ({gallery})', '', ''],
  open: [
    'Est-ce que {item} est toujours disponible ?',
    '{Item} m’intéresse beaucoup (« {title} »).',
    "J'ai eu un coup de cœur pour {item}.",
    'Pourriez-vous m’en dire un peu plus sur {item} ?',
    'La pièce {maker} est-elle encore à vendre ?',
    "J'avais vu {item} sur un salon cette année, quelle joie de retrouver la pièce ici.",
    'Petite question concernant {item}.',
  ],
  openDesigner: [
    "Je suis architecte d'intérieur et je travaille sur {projectType} à {buyerCity}.",
    'Je cherche pour un client à {buyerCity} et {item} pourrait convenir parfaitement.',
    'Nous sommes un studio de décoration et je prépare une sélection pour {projectType}.',
    'Mon client cherche une pièce forte pour {room}.',
  ],
  openCollector: [
    'Je cherche ce modèle depuis longtemps.',
    'Je collectionne {maker} et celui-ci compléterait un petit ensemble.',
    "J'ai plusieurs pièces de cette époque chez moi, cela irait très bien.",
    "C'est pour mon appartement à {buyerCity}.",
  ],
  available: [
    'Oui, la pièce est toujours disponible.',
    'Merci pour votre intérêt, oui, {item} est disponible.',
    "Oui, toujours là. N'hésitez pas si vous avez des questions.",
    "Elle est disponible, et c'est une de mes pièces préférées en ce moment.",
  ],
  ask: {
    condition: ["Quel est l'état général ?", "Pourriez-vous me détailler l'état ?", 'Y a-t-il des défauts qui ne se voient pas sur les photos ?'],
    provenance: ["Connaissez-vous la provenance ?", "D'où vient la pièce ?", 'Y a-t-il un historique ou des documents ?'],
    dimensions: ['Pourriez-vous me confirmer les dimensions exactes ?', 'Quelles sont les mesures précises ? Je dois vérifier que ça passe.', 'Est-ce que ça passe par une porte standard de 80 cm ?'],
    shipping: ['Pourriez-vous me faire un devis de livraison pour {buyerCity} ({buyerCountry}) ?', 'Combien coûterait une livraison en gants blancs à {buyerCity} ?', 'Comment expédiez-vous vers {buyerCountry}, et en combien de temps ?', 'Proposez-vous une livraison avec déballage et installation à {buyerCity} ?'],
    photos: ['Pourriez-vous ajouter quelques photos, notamment du dos et des marques ?', 'Serait-il possible de voir des photos du dessous ?', 'Pourriez-vous mettre un gros plan de la signature ou du cachet ?'],
    trade: ['Faites-vous une remise professionnelle ?', 'Y a-t-il un tarif décorateur ?', 'Je suis du métier, avez-vous un peu de marge ?'],
    authenticity: ["Pouvez-vous garantir l'authenticité ?", "Est-ce livré avec un certificat d'authenticité ?", 'A-t-elle été expertisée ?'],
    attribution: ["S'agit-il d'un original {maker} ou d'une réédition ?", "C'est une pièce d'époque ou une production plus récente ?", 'Quel éditeur l’a produit ?'],
    sizing: ['Quelle est la taille ? Je fais du {buyerRing}.', 'Peut-on la mettre à ma taille ({buyerRing}) ?'],
    papers: ['Est-ce que la boîte et les papiers sont inclus ?', "Avez-vous des factures d'entretien ?"],
    viewing: ['Serait-il possible de la voir en vrai ?', 'Est-elle exposée quelque part où je pourrais la voir ?'],
  },
  askCat: {
    furniture: {
      condition: ['La pièce a-t-elle été restaurée ou revernie ?', 'Y a-t-il des manques de placage, des réparations ou du jeu ?', "Le vernis est-il d'origine ? Je vois des marques sur le plateau sur une des photos.", "La garniture est-elle d'origine ou refaite ?"],
      dimensions: ["Quelle est la hauteur d'assise ?", 'Pourriez-vous confirmer la profondeur ? Mon espace est assez juste.'],
    },
    lighting: {
      condition: ["L'électricité a-t-elle été refaite ? Il faudrait que ça fonctionne en {buyerCountry}.", "Toutes les verreries sont-elles d'origine et sans éclats ?", 'Le pavillon et la chaîne sont-ils fournis ? Quel type d’ampoules ?', 'Le laiton est-il poli ou avec sa patine d’origine ?'],
      dimensions: ['Quelle est la hauteur totale avec la chaîne ?'],
    },
    art: {
      condition: ['La toile a-t-elle été rentoilée ou restaurée ?', 'Y a-t-il des rousseurs ou une insolation du papier ?', "Le cadre est-il d'origine ?"],
      provenance: ['Y a-t-il un historique d’expositions ?', "L'œuvre figure-t-elle dans le catalogue raisonné ?"],
      dimensions: ['Quelles sont les dimensions avec le cadre ?'],
    },
    jewelry: {
      shipping: SMALL_PARCEL_ASK,
      condition: ["Les pierres sont-elles d'origine ?", 'Y a-t-il des poinçons ?', "Y a-t-il de l'usure sur les griffes ou le fermoir ?"],
      authenticity: ['Y a-t-il un certificat de laboratoire pour la pierre principale ?', "Avec l'écrin et le certificat d'origine ?"],
    },
    watches: {
      shipping: SMALL_PARCEL_ASK,
      condition: ['Quand a eu lieu la dernière révision ?', "Le cadran est-il d'origine, et le boîtier a-t-il été poli ?", 'Comment va le mouvement ? Un historique de révision ?'],
      sizing: ['Le bracelet irait-il à un poignet de {wrist} ?', 'Y a-t-il des maillons supplémentaires ?'],
    },
  },
  answer: {
    condition: ["Très bon état pour son âge, avec de légères traces d'usage.", 'État honnête : quelques petites marques, rien de structurel. J’ai ajouté des gros plans sur l’annonce.', 'Excellent état, elle a été vérifiée par notre atelier.'],
    provenance: ["Elle provient d'une collection privée à {provCity}, achetée directement à la famille.", 'Nous l’avons acquise chez {auction} (lot {lot}, {auctionYear}), j’ai la facture.', "Elle est restée dans la même famille depuis son achat en {purchaseYear} ; nous avons la facture d'origine.", "Elle vient d'une succession à {provCity}. Je peux vous faire un certificat de la galerie avec description complète."],
    dimensions: ['Dimensions : {dims}.', "Exactement {dims}, je l'ai remesurée ce matin.", 'Elle fait {dims} — je peux vous envoyer une photo avec le mètre.'],
    shipping: ['La livraison en gants blancs à {buyerCity} serait de {shipPrice}, assurance comprise, environ {weeks} semaines.', "Nous la mettrions en caisse avec notre transporteur d'art : {shipPrice} porte à porte, environ {weeks} semaines.", "L'envoi vers {buyerCountry} coûte {shipPrice}, caisse et assurance comprises ; délai {weeks} semaines.", "J'ai eu un devis ce matin : {shipPrice} pour {buyerCity}, en gants blancs, {weeks} semaines environ."],
    photos: ["Je viens d'ajouter {photosN} photos à l'annonce, dont le dos et les marques.", "C'est fait, les nouvelles photos sont en ligne.", "J'en prendrai à la lumière du jour demain et je les ajouterai à l'annonce."],
    trade: ['Oui, nous faisons {pct} % aux professionnels ; je l’appliquerai dans l’offre.', 'Pour les décorateurs, nous pouvons faire {pct} % sur le prix affiché.', 'Oui, {pct} % pour les professionnels, comme d’habitude.'],
    authenticity: ["Oui, garantie — et elle est aussi couverte par la garantie d'authenticité de la plateforme.", "Absolument, elle est livrée avec notre certificat d'authenticité.", "Oui, elle a été examinée par un expert, je peux le mentionner sur la facture."],
    attribution: ["C'est un exemplaire d'époque, édité par {producer} {circa}.", "Original, pas une réédition ; c'est visible sur la dernière photo.", "D'époque : {producer}, {circa}. La marque est sur la dernière photo."],
    sizing: ["Elle fait actuellement du {ringEu} ; notre bijoutier peut la mettre à votre taille gratuitement.", 'Taille {ringEu}, une mise à taille d’une ou deux tailles ne pose aucun problème.'],
    papers: ['Elle est vendue avec sa boîte et ses papiers de {paperYear}.', "Pas de papiers, mais la montre a été révisée en {serviceYear}, j'ai la facture."],
    viewing: ['Bien sûr, la pièce est à la galerie à {sellerCity}. Vous pouvez réserver un créneau de visite via la plateforme.', 'Oui, elle est exposée dans notre showroom de {sellerCity} ; dites-moi quand vous passez.'],
  },
  answerCat: {
    furniture: {
      condition: ["Elle est saine, avec une légère usure du vernis due à l'âge — aucune restauration.", "Elle a été restaurée par notre atelier l'an dernier : assemblages recollés et cire légère ; le reste est d'origine.", 'Il y a une petite reprise de placage sur un côté (sixième photo) et quelques auréoles sur le plateau que nous avons laissées.', "La garniture a été refaite il y a quelques années, propre, sans accroc. La structure est saine.", "Vernis d'origine avec une belle patine. Une coulisse de tiroir remplacée, sinon toute la quincaillerie est d'origine."],
    },
    lighting: {
      condition: ["L'électricité a été entièrement refaite avec des douilles neuves, prête à installer ; on peut l'adapter pour {buyerCountry}.", "Toutes les verreries sont d'origine. Une minuscule égrenure sur le bord d'une tulipe, invisible une fois accrochée.", "Il faut des ampoules E14. Pavillon et chaîne d'origine ; la chaîne peut être raccourcie.", "Le laiton a sa patine d'origine, nous ne l'avons pas poli. L'électricité a été vérifiée par notre électricien."],
    },
    art: {
      condition: ['Bon état général. La toile a été rentoilée ; petites retouches sur le bord supérieur visibles aux UV.', 'Le papier est légèrement insolé par un ancien encadrement, sans rousseurs ni déchirures.', "Le cadre est un cadre doré plus tardif, en bon état ; l'œuvre est propre."],
      provenance: ["Collection privée, {provCity}, acquise auprès de la famille de l'artiste.", "Vendue chez {auction} en {auctionYear}, lot {lot} ; j'ai la notice du catalogue."],
    },
    jewelry: {
      shipping: SMALL_PARCEL_ANSWER,
      condition: ["Poinçons d'or français (tête d'aigle). Les pierres sont d'origine, les griffes ont été vérifiées par notre joaillier.", "Très bon état, légère usure de l'or ; poinçonnée.", 'Excellent état, nettoyée et contrôlée le mois dernier.'],
      authenticity: ["Oui, il y a un certificat de laboratoire pour la pierre principale, je peux l'ajouter à l'annonce.", "Vendue avec son écrin d'origine et le certificat."],
    },
    watches: {
      shipping: SMALL_PARCEL_ANSWER,
      condition: ['Révisée en {serviceYear} par un horloger indépendant ; le mouvement avance de 3 s/jour. Cadran et aiguilles d’origine.', "Cadran d'origine jamais touché ; boîtier poli une seule fois, les cornes sont encore nettes.", 'Révision complète en {serviceYear}, joints neufs, test d’étanchéité. {ref}.'],
      sizing: ['Le bracelet convient à un poignet de {wrist} environ, avec deux maillons en plus.'],
    },
  },
  smallTalkSeller: ["C'est une pièce vraiment rare.", 'On en voit rarement dans cet état.', "Elle a eu beaucoup de succès sur notre stand au dernier salon.", ''],
  thanks: ['Merci, très utile.', 'Merci pour votre réponse rapide.', 'Merci beaucoup.', 'Parfait, merci.'],
  think: ["J'en parle à mon client et je reviens vers vous.", 'Je réfléchis ce week-end.', 'Je dois reprendre les mesures, je vous redis.', 'Merci, je vous tiens au courant.'],
  noRush: ['Prenez votre temps.', 'Aucune urgence.', 'Avec plaisir, je reste disponible pour toute question.'],
  offer: ['Accepteriez-vous {offer} ?', 'Le budget de mon client est de {offer}, avez-vous un peu de marge ?', 'Pourriez-vous faire {offer} livraison comprise ?', "Je peux proposer {offer} et payer aujourd'hui.", '{offer}, ce serait envisageable ?'],
  counter: ['Je ne peux pas descendre aussi bas, mais je peux faire {counter}.', 'Mon dernier prix serait {counter} ; elle est déjà sous le prix du marché.', 'On se retrouve à {counter} ?', 'Je peux accepter {counter}, hors livraison.'],
  raise: ['On dit {offer} ?', '{offer} et c’est d’accord ?', 'Vous prendriez {offer} ? C’est vraiment mon maximum.'],
  acceptOffer: ["D'accord pour {final}.", 'Va pour {final}.', 'Très bien, {final}, c’est entendu.'],
  acceptCounter: ["{final}, c'est bon pour moi.", "D'accord à {final}.", 'Ok, faisons {final}.'],
  firm: ['Le prix est ferme, malheureusement.', "Je ne peux malheureusement pas baisser, la pièce vient d'arriver en dépôt.", 'Le prix est déjà très juste, je ne peux pas descendre.'],
  walkAway: ['C’est au-dessus de mon budget, malheureusement. Merci quand même.', 'Je passe pour le moment, merci pour votre temps.', 'Entendu, je garde un œil dessus.'],
  sellerOfferSent: ["Je vous ai envoyé une offre à {final} via la plateforme, il suffit de l'accepter pour payer.", 'Vous devriez voir mon offre à {final} dans la conversation.', 'Offre envoyée à {final}, valable 48 heures.'],
  checkoutSoon: ["Parfait, je finalise l'achat maintenant.", "Acceptée, je paie tout de suite.", "Super, je l'accepte ce soir.", 'Merci, je règle maintenant.'],
  buyNow: ['Je viens de l’acheter sur le site !', 'Achat effectué, j’ai hâte de la recevoir.', 'Commande passée, merci !'],
  orderThanks: ['Merci pour votre commande ! Nous la préparons cette semaine.', 'Merci beaucoup, la commande est confirmée. Je vous tiens au courant ici pour la livraison.', "Merci ! Nous l'emballons et réservons le transporteur."],
  deliveryPlan: ['Notre équipe peut livrer le {date}, entre 9 h et 13 h. Cela vous convient ?', 'Le transporteur propose le {date} pour la livraison. Pouvez-vous confirmer ?', 'Enlèvement lundi et livraison le {date}.'],
  dateOk: ['Le {date}, parfait.', "Ça marche, il y aura quelqu'un sur place.", 'Oui, très bien, merci.'],
  shipped: ["Votre pièce est partie aujourd'hui avec {carrier}. Numéro de suivi : {tracking}.", 'Expédiée ! {carrier}, suivi {tracking}.', 'Elle est en route — suivi {carrier} {tracking}.'],
  arrived: ['Bien arrivée, elle est encore plus belle en vrai. Merci !', 'Livrée ce matin, tout est parfait.', 'Elle est là et mon client est ravi.'],
  glad: ['Merveilleux, profitez-en bien !', 'Quelle bonne nouvelle ! Merci encore.', 'Très bonne nouvelle, merci pour votre achat.'],
  cancelAsk: ['Toutes mes excuses, mon client a changé d’avis — pourrions-nous annuler la commande ?', 'Je dois malheureusement annuler, les dimensions ne conviennent pas.'],
  cancelAck: ["Pas de souci, j'ai annulé la commande ; le remboursement passe par la plateforme.", 'Entendu, la commande est annulée.'],
  returnAsk: ["Elle est arrivée mais il y a une fêlure qu'on ne voyait pas sur les photos. Je souhaite la retourner.", "Malheureusement elle ne correspond pas à la description, un angle est abîmé. Puis-je la retourner ?"],
  returnAck: ['Toutes mes excuses. Ouvrez un retour depuis la commande, nous vous rembourserons à réception.', "Je regrette vraiment. J'ai accepté le retour, le remboursement passe par la plateforme."],
  lateAsk: ['Est-elle toujours disponible ?', 'Avez-vous encore {item} ?'],
  soldSorry: ["Malheureusement, elle a été vendue la semaine dernière. J'en ai une similaire qui arrive bientôt, je vous préviens ici.", 'Elle vient malheureusement d’être vendue. Je peux en chercher une autre pour vous.'],
  nudge: ['Bonjour, je me permets de relancer ma question.', 'Des nouvelles ?', 'Bonjour, avez-vous vu mon message ?'],
  op: {
    phoneSeller: ["Franchement, c'est plus simple d'en parler au téléphone : {phone}.", "Appelez-moi au {phone}, je suis à la galerie jusqu'à 19 h.", 'Si vous voulez, appelez-moi directement au {phone}, on s’arrange pour le transport et le paiement.', 'Mon portable : {phone}, appel ou SMS.'],
    phoneBuyer: ['Pouvez-vous m’appeler ? {phone}', 'Voici mon numéro : {phone}, à partir de 10 h.', "Envoyez-moi un SMS au {phone}, je regarde rarement l'appli."],
    phoneWords: ['Mon numéro : {phoneWords}.', 'Appelez-moi au {phoneWords}', '{phoneWords}, c’est mon portable (le site masque les chiffres).'],
    phoneSpaced: ['Joignable au {phoneSpaced}', '{phoneSpaced} ← mon portable, écrit comme ça sinon le site le bloque', 'Tél : {phoneSpaced}'],
    phoneSplitA: ['Vous pouvez me joindre au {phoneA}', 'Mon numéro commence par {phoneA}', 'Appelez le {phoneA}'],
    phoneSplitB: ['{phoneB}', '… {phoneB} (la suite)', 'puis {phoneB}'],
    email: ['Écrivez-moi à {email}, je vous envoie une facture directement.', "Mon mail : {email} — je vous envoie d'autres photos et on règle le reste par là.", 'Vous pouvez me contacter à {email}.'],
    emailObf: ['Mon mail : {emailObf}', 'Écrivez-moi : {emailObf}', '{emailObf} (écrit comme ça pour que ça passe)'],
    emailProvider: ['Je suis {emailLocal} sur {provider}, écrivez-moi là-bas.', 'Sur {provider} : {emailLocal}'],
    website: ["Tout notre stock est sur {website}, les prix y sont plus bas car il n'y a pas la commission.", 'Vous pouvez l’acheter directement sur {website}, c’est la même pièce.', 'Allez voir {website}, on a notre propre paiement en ligne.'],
    searchHint: ['Tapez « {gallery} {sellerCity} » sur Google, notre numéro est dans le premier résultat.', 'Cherchez {gallery} sur internet, vous trouverez comment me joindre.', 'On est facile à trouver : {gallery}, {sellerCity}. Appelez la galerie et demandez-moi.'],
    whatsapp: ['Envoyez-moi un WhatsApp au {phone}, je vous fais une vidéo.', 'Plus simple sur WhatsApp : {phone}', 'Un petit WhatsApp au {phone} et on finalise.'],
    instagram: ['Suivez-nous sur Instagram @{handle} et écrivez-moi en DM.', 'Envoyez-moi un message sur Insta : @{handle}', 'On est @{handle} sur Instagram, écrivez-moi là-bas pour un meilleur prix.'],
    telegram: ['Je suis sur Telegram : @{handle}', 'Écrivez-moi sur Telegram (@{handle}), c’est plus pratique que ce chat.'],
    iban: ['Vous pouvez payer par virement directement sur {iban} (BIC {bic}), je retire la commission.', "Nos coordonnées bancaires : IBAN {iban}, BIC {bic}, au nom de {gallery}. J'expédie dès réception du virement.", "Virement sur {iban} et elle est à vous, sans frais de plateforme."],
    bankTransfer: ['Si vous payez par virement plutôt que via le site, on économise tous les deux les frais.', 'Je peux accepter un virement direct, je vous envoie le RIB en privé.', 'On peut éviter le paiement en ligne et faire un virement ; je vous fais 10 %.'],
    paymentApp: ['PayPal entre amis me va très bien, ça évite les frais du site.', 'Paiement par Lydia ou PayPal, comme vous préférez.'],
    directDeal: ['Entre nous, si on passe en direct je peux faire {directPrice}.', 'La plateforme me prend {pct} %. En direct, je vous fais profiter de la différence : {directPrice}.', 'Laissons la plateforme de côté : {directPrice} et on organise le transport nous-mêmes.', 'Je préfère ne pas payer la commission sur celle-ci. En direct : {directPrice}.'],
    contactRequest: ['Pourriez-vous me donner un numéro ? Je préfère en discuter au téléphone.', 'Avez-vous une adresse mail où vous écrire directement ?', 'Y a-t-il un moyen de vous joindre en dehors du site ?', "Vous avez WhatsApp ? Ce serait plus simple pour vous envoyer des photos de la pièce."],
    buyerDirect: ['Vous me la vendriez en direct pour {directPrice}, sans passer par le site ?', 'Si on évite les frais de la plateforme, vous pourriez faire {directPrice} ?', "Je peux vous payer directement ? Je préfère ne pas passer par le paiement du site."],
    buyerAck: ["Parfait, je vous appelle cet après-midi.", "Super, je viens de vous envoyer un mail.", 'Merci, je vous écris tout de suite.', 'Noté, à tout à l’heure.', 'Ok, je vous envoie un WhatsApp ce soir.'],
    sellerAck: ['Parfait, à bientôt.', 'Très bien, à tout à l’heure.', "J'attends votre appel."],
    sellerRefuses: ['Malheureusement je dois tout garder sur la plateforme, c’est une protection pour nous deux.', 'Je préfère rester ici ; je ne vends que via le paiement du site.', "Merci, mais ce n'est pas possible, c'est contraire aux règles de la plateforme. Je réponds volontiers à vos questions ici.", 'Restons sur la messagerie, s’il vous plaît. Vous pouvez faire une offre via le site.'],
    buyerRefuses: ['Je préfère payer via le site, pour la protection acheteur.', 'Merci, mais je reste sur le paiement de la plateforme.', "Je préfère que ça reste ici, si ça ne vous dérange pas."],
    futureDirect: ['Pour vos prochains achats, écrivez-moi directement à {email}, je ferai de bien meilleurs prix.', 'La prochaine fois, appelez-moi au {phone}, je vous ferai le prix marchand.', "On a plein d'autres pièces sur {website}, moins chères qu'ici, commandez là-bas la prochaine fois."],
    sellerWillCall: ['Merci, je vous appelle tout de suite.', 'Noté, je vous envoie un SMS ce soir.', 'Je vous rappelle dans dix minutes.'],
    emailBuyer: ['Mon adresse mail : {email}, si c’est plus simple.', 'Vous pouvez m’écrire à {email}.', 'Envoyez-moi les détails à {email}.'],
    sellerWillWrite: ['Merci, je vous écris ce soir.', 'Noté, je vous écris tout de suite.', 'Parfait, je vous envoie tout par mail.'],
    backToPlatform: ['Réflexion faite, je préfère acheter via le site — pouvez-vous m’envoyer une offre ici ?', 'Mon comptable veut que tout passe par la plateforme. Pouvez-vous faire l’offre ici ?', 'Finalement, passons par le site, pour la protection acheteur.'],
  },
  dc: {
    phoneAsk: ['Pour la livraison, le transporteur a besoin d’un numéro pour fixer le créneau — pouvez-vous me confirmer le meilleur ?', 'Pourriez-vous confirmer un numéro pour le chauffeur ? Il ne servira que pour la livraison.'],
    phoneGive: ['Bien sûr : {phone}. En semaine après 10 h de préférence.', "C'est le {phone}, mon assistante sera sur place.", 'Oui, {phone}. Merci de demander au chauffeur d’appeler 30 minutes avant.'],
    driver: ['Le chauffeur de {carrier} vous appellera du {phone} le matin de la livraison.', 'Coordinateur livraison chez {carrier} : {phone}, référence {tracking}.'],
    address: ["L'adresse de livraison : {address}. Il y a un monte-charge à l'arrière.", 'Merci de livrer chez mon client : {address}.'],
    invoiceEmail: ['Pour la douane, merci d’envoyer la facture commerciale à {email}.', 'Notre comptabilité a besoin de la facture : {email}, merci.'],
    invoiceUploaded: ["J'ai mis la facture sur la page de la commande ; la douane en aura besoin.", 'La facture est jointe à la commande.'],
    location: ["La pièce est à notre galerie à {sellerCity} ; vous pouvez venir la voir sur rendez-vous, à réserver via la plateforme.", 'Nous sommes à {sellerCity} et expédions partout avec des transporteurs d’art assurés.', 'Elle est dans notre entrepôt de {sellerCity}, prête à partir.'],
    refNumbers: ['Pour info : {ref}.', 'Détails : {ref} ; boîtier {caseMm} mm.', 'Poinçonnée ; {ref}.'],
    lotNumbers: ["C'était le lot {lot} chez {auction} en {auctionYear} ; j'ai la page du catalogue.", "Vendue chez {auction}, {auctionYear}, lot {lot} — l'étiquette est encore au dos."],
    platformOffer: ["Vous pouvez utiliser le bouton « Faire une offre », j'accepterai {final}.", "Envoyez {final} via le bouton d'offre et j'accepte tout de suite."],
    holdAsk: ['Pourriez-vous me la réserver deux jours, le temps que mon client confirme ?', "Serait-il possible de la bloquer jusqu'à la fin de la semaine ? Mon client est en déplacement."],
    holdAck: ["Bien sûr, je l'ai mise en réservation pour vous jusqu'au {date}.", "C'est fait, elle vous est réservée jusqu'au {date}."],
    holdBuy: ["Mon client a dit oui ! Pouvez-vous m'envoyer l'offre à {final} ?", "Bonne nouvelle, on la prend : envoyez-moi l'offre à {final}."],
  },
};
