import type { RestrictionKind, StepNotice } from './ladder';

/** Every notice Assay sends a seller: one per ladder step, and three about an appeal. */
export const NOTICE_KINDS = [
  'education',
  'formal_warning',
  'restriction',
  'temporary_suspension',
  'termination',
  'appeal_received',
  'appeal_upheld',
  'appeal_overturned',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];
export type AppealNotice = Exclude<NoticeKind, StepNotice>;

export const NOTICE_LANGUAGES = ['en', 'fr', 'it', 'de', 'es', 'nl'] as const;
export type NoticeLanguage = (typeof NOTICE_LANGUAGES)[number];

/**
 * The wording of the notices in one language. `{name}` marks a value filled in when rendering
 * (escaped in HTML); a template naming a value the renderer does not have is a bug the tests catch.
 */
export interface NoticeTexts {
  readonly greeting: string;
  readonly greetingNoName: string;
  readonly closing: string;
  readonly subject: Record<NoticeKind, string>;
  readonly intro: Record<NoticeKind, string>;
  readonly next: Record<StepNotice | 'termination_immediate', string>;
  readonly decision: Record<StepNotice, string>;
  readonly restriction: Record<RestrictionKind, string>;
  readonly period: string;
  readonly periodOpen: string;
  readonly appealHow: string;
  readonly upheldRedress: string;
  readonly facts: string;
  readonly explanation: string;
  readonly redressInternal: string;
  readonly redressOutOfCourt: string;
  readonly redressCourts: string;
  readonly scopeValue: string;
  readonly sourceValue: string;
  readonly durationNone: string;
  readonly durationUntil: string;
  readonly durationPermanent: string;
  readonly yes: string;
  readonly no: string;
  readonly label: {
    readonly rule: string;
    readonly clauseLine: string;
    readonly evidence: string;
    readonly restrictions: string;
    readonly next: string;
    readonly appeal: string;
    readonly reasons: string;
    readonly sor: string;
    readonly decision: string;
    readonly scope: string;
    readonly duration: string;
    readonly facts: string;
    readonly source: string;
    readonly autoDetection: string;
    readonly autoDecision: string;
    readonly ground: string;
    readonly explanation: string;
    readonly redress: string;
    readonly reference: string;
  };
}

const en: NoticeTexts = {
  greeting: 'Dear {name},',
  greetingNoName: 'Dear seller,',
  closing: 'Kind regards,\nThe {marketplace} Trust & Safety team',
  subject: {
    education: '{marketplace}: a reminder about clause {clause_id} of our seller policies',
    formal_warning: '{marketplace}: formal warning – clause {clause_id}',
    restriction: '{marketplace}: restrictions on your seller account – clause {clause_id}',
    temporary_suspension: '{marketplace}: temporary suspension of your seller account – clause {clause_id}',
    termination: '{marketplace}: termination of your seller account – clause {clause_id}',
    appeal_received: '{marketplace}: we have received your appeal (ref. {reference})',
    appeal_upheld: '{marketplace}: the outcome of your appeal (ref. {reference})',
    appeal_overturned: '{marketplace}: your appeal has been accepted (ref. {reference})',
  },
  intro: {
    education:
      'While reviewing a conversation on {marketplace}, we noticed messages that do not comply with clause {clause_id} of our seller policies. We are writing to explain the rule and why it matters. This message is a reminder only and places no restriction on your account.',
    formal_warning:
      'We have found that messages sent from your account on {marketplace} breach clause {clause_id} of our seller policies. This is a formal warning. It does not restrict your account, but it is recorded as a strike on your record.',
    restriction:
      'We have found that messages sent from your account on {marketplace} breach clause {clause_id} of our seller policies. As this follows earlier notices, we are applying the restrictions described below to your seller account.',
    temporary_suspension:
      'We have found that messages sent from your account on {marketplace} breach clause {clause_id} of our seller policies. Given the breaches already on your record, we are temporarily suspending your seller account as described below.',
    termination:
      'We have found a further breach of clause {clause_id} of our seller policies. Given the breaches already on your record, we have decided to end our agreement with you and close your seller account, as described below.',
    appeal_received:
      'Thank you for your appeal against our decision of {decided_on} concerning clause {clause_id}. A member of our team who was not involved in the original decision will review it carefully, together with any information you have sent us. We will let you know the outcome and our reasons as soon as possible. Appeals are free of charge. The measures already in place remain in force while we review your appeal, unless we tell you otherwise.',
    appeal_upheld:
      'We have carefully reviewed your appeal against our decision of {decided_on} concerning clause {clause_id}. Having done so, we have decided to maintain the decision.',
    appeal_overturned:
      'We have reviewed your appeal against our decision of {decided_on} concerning clause {clause_id} and have decided to reverse it. The strike has been removed from your record and any restrictions resulting from the decision have been lifted with immediate effect. We apologise for the inconvenience.',
  },
  next: {
    education:
      'No action is needed from you other than following this rule from now on. This reminder stays on your record until {expiry_date}; a similar breach before then would lead to a formal warning.',
    formal_warning:
      'Please make sure your future conversations follow this rule. This warning stays on your record until {expiry_date}. A further breach before then may lead to restrictions on your account, such as limited messaging, lower visibility of your listings and a hold on payouts.',
    restriction:
      'The restrictions end automatically on the dates shown. Existing orders are not affected, and you can continue to message buyers who have an active order. This strike stays on your record until {expiry_date}; a further breach before then may lead to a temporary suspension.',
    temporary_suspension:
      'Your account will be reinstated automatically at the end of the suspension. Orders already placed must still be fulfilled. This strike stays on your record until {expiry_date}; a further breach before then may lead to the termination of your account.',
    termination:
      'The termination takes effect on {effective_date}. Until then you can fulfil orders already placed; please also settle any amounts due. You can use this period to clarify the facts or to appeal, as explained below.',
    termination_immediate:
      'Because our policies have been breached repeatedly, the termination takes effect immediately ({effective_date}). You can still clarify the facts or appeal, as explained below.',
  },
  decision: {
    education: 'Reminder of the rule; no restriction',
    formal_warning: 'Formal warning recorded on your account; no restriction',
    restriction: 'Restrictions on your seller account (see “Restrictions applied”)',
    temporary_suspension: 'Temporary suspension of selling (see “Restrictions applied”)',
    termination: 'Termination of your seller account (see “Restrictions applied”)',
  },
  restriction: {
    messaging_limited: 'Messaging limited to buyers with an active order',
    listing_demotion: 'Your listings are shown lower in search results',
    payout_hold: 'Payouts to you are held',
    selling_suspended: 'Selling suspended: your listings are hidden and no new orders can be placed',
    account_terminated: 'Your seller account is closed',
  },
  period: 'from {start} until {end}',
  periodOpen: 'from {start}',
  appealHow:
    'If you believe this decision is wrong, you can appeal free of charge until {deadline}. Please tell us why and include anything that supports your appeal, quoting reference {reference}, at {help_url}. Your appeal will be reviewed by a member of our team who was not involved in this decision.',
  upheldRedress:
    'If you disagree, you can refer the matter to a certified out-of-court dispute settlement body or to the mediators named in our terms, or bring it before the competent courts.',
  facts: 'Messages you sent to a buyer through {marketplace} contained the content quoted under “What we found”, which clause {clause_id} does not allow.',
  explanation: 'The content quoted above is not compatible with clause {clause_id} ({clause_title}) of the seller policies you accepted.',
  redressInternal: 'Internal complaint: appeal free of charge until {deadline} (see “How to appeal”).',
  redressOutOfCourt: 'Out-of-court settlement: you can refer the matter to a certified out-of-court dispute settlement body or to the mediators named in our terms.',
  redressCourts: 'Courts: you can bring the matter before the competent courts at any time.',
  scopeValue: 'All countries in which {marketplace} operates',
  sourceValue: 'Our own detection and review (not a notice from a third party)',
  durationNone: 'Not applicable',
  durationUntil: 'until {end_date}',
  durationPermanent: 'permanent, from {effective_date}',
  yes: 'Yes',
  no: 'No',
  label: {
    rule: 'The rule concerned',
    clauseLine: 'Clause {clause_id} – {clause_title} (version {clause_version})',
    evidence: 'What we found',
    restrictions: 'Restrictions applied',
    next: 'What happens next',
    appeal: 'How to appeal',
    reasons: 'Our reasons',
    sor: 'Statement of reasons (Article 17 of the Digital Services Act)',
    decision: 'Decision',
    scope: 'Territorial scope',
    duration: 'Duration',
    facts: 'Facts and circumstances',
    source: 'How it came to our attention',
    autoDetection: 'Detected by automated means',
    autoDecision: 'Decided by automated means',
    ground: 'Contractual ground',
    explanation: 'Why the content is incompatible',
    redress: 'Your options for redress',
    reference: 'Reference',
  },
};

const fr: NoticeTexts = {
  greeting: 'Bonjour {name},',
  greetingNoName: 'Bonjour,',
  closing: 'Cordialement,\nL’équipe Confiance et sécurité de {marketplace}',
  subject: {
    education: '{marketplace} : rappel concernant l’article {clause_id} de nos règles vendeurs',
    formal_warning: '{marketplace} : avertissement formel – article {clause_id}',
    restriction: '{marketplace} : restrictions appliquées à votre compte vendeur – article {clause_id}',
    temporary_suspension: '{marketplace} : suspension temporaire de votre compte vendeur – article {clause_id}',
    termination: '{marketplace} : résiliation de votre compte vendeur – article {clause_id}',
    appeal_received: '{marketplace} : nous avons bien reçu votre recours (réf. {reference})',
    appeal_upheld: '{marketplace} : décision concernant votre recours (réf. {reference})',
    appeal_overturned: '{marketplace} : votre recours a été accepté (réf. {reference})',
  },
  intro: {
    education:
      'Lors de l’examen d’une conversation sur {marketplace}, nous avons relevé des messages qui ne respectent pas l’article {clause_id} de nos règles vendeurs. Nous vous écrivons pour vous rappeler cette règle et son importance. Ce message est un simple rappel et n’entraîne aucune restriction de votre compte.',
    formal_warning:
      'Nous avons constaté que des messages envoyés depuis votre compte sur {marketplace} enfreignent l’article {clause_id} de nos règles vendeurs. Le présent message constitue un avertissement formel. Il n’entraîne aucune restriction de votre compte, mais il est inscrit à votre dossier.',
    restriction:
      'Nous avons constaté que des messages envoyés depuis votre compte sur {marketplace} enfreignent l’article {clause_id} de nos règles vendeurs. Ce manquement faisant suite à de précédents avis, nous appliquons à votre compte vendeur les restrictions décrites ci-dessous.',
    temporary_suspension:
      'Nous avons constaté que des messages envoyés depuis votre compte sur {marketplace} enfreignent l’article {clause_id} de nos règles vendeurs. Compte tenu des manquements déjà inscrits à votre dossier, nous suspendons temporairement votre compte vendeur dans les conditions décrites ci-dessous.',
    termination:
      'Nous avons constaté un nouveau manquement à l’article {clause_id} de nos règles vendeurs. Compte tenu des manquements déjà inscrits à votre dossier, nous avons décidé de mettre fin à notre contrat et de fermer votre compte vendeur, dans les conditions décrites ci-dessous.',
    appeal_received:
      'Nous vous remercions pour votre recours contre notre décision du {decided_on} concernant l’article {clause_id}. Il sera examiné attentivement, avec tous les éléments que vous nous avez transmis, par un membre de notre équipe qui n’a pas participé à la décision initiale. Nous vous informerons de l’issue et de nos motifs dans les meilleurs délais. Le recours est gratuit. Les mesures en vigueur restent applicables pendant l’examen, sauf indication contraire de notre part.',
    appeal_upheld:
      'Nous avons examiné attentivement votre recours contre notre décision du {decided_on} concernant l’article {clause_id}. À l’issue de cet examen, nous avons décidé de maintenir la décision.',
    appeal_overturned:
      'Nous avons examiné votre recours contre notre décision du {decided_on} concernant l’article {clause_id} et avons décidé de l’annuler. Le manquement a été retiré de votre dossier et les restrictions qui en découlaient ont été levées avec effet immédiat. Nous vous prions de nous excuser pour la gêne occasionnée.',
  },
  next: {
    education:
      'Aucune démarche n’est nécessaire de votre part, si ce n’est de respecter cette règle à l’avenir. Ce rappel reste inscrit à votre dossier jusqu’au {expiry_date} ; un manquement similaire d’ici là donnerait lieu à un avertissement formel.',
    formal_warning:
      'Nous vous remercions de veiller à ce que vos prochaines conversations respectent cette règle. Cet avertissement reste inscrit à votre dossier jusqu’au {expiry_date}. Un nouveau manquement d’ici là pourrait entraîner des restrictions de votre compte, telles qu’une messagerie limitée, une moindre visibilité de vos annonces et une retenue de vos versements.',
    restriction:
      'Les restrictions prennent fin automatiquement aux dates indiquées. Vos commandes en cours ne sont pas concernées et vous pouvez continuer à écrire aux acheteurs ayant une commande active. Ce manquement reste inscrit à votre dossier jusqu’au {expiry_date} ; un nouveau manquement d’ici là pourrait entraîner une suspension temporaire.',
    temporary_suspension:
      'Votre compte sera rétabli automatiquement à la fin de la suspension. Les commandes déjà passées doivent être honorées. Ce manquement reste inscrit à votre dossier jusqu’au {expiry_date} ; un nouveau manquement d’ici là pourrait entraîner la résiliation de votre compte.',
    termination:
      'La résiliation prendra effet le {effective_date}. D’ici là, vous pouvez honorer les commandes déjà passées ; nous vous remercions également de régler les sommes éventuellement dues. Vous pouvez mettre à profit cette période pour apporter des précisions sur les faits ou former un recours, comme indiqué ci-dessous.',
    termination_immediate:
      'Nos règles ayant été enfreintes à plusieurs reprises, la résiliation prend effet immédiatement ({effective_date}). Vous pouvez toutefois apporter des précisions sur les faits ou former un recours, comme indiqué ci-dessous.',
  },
  decision: {
    education: 'Rappel de la règle ; aucune restriction',
    formal_warning: 'Avertissement formel inscrit à votre dossier ; aucune restriction',
    restriction: 'Restrictions de votre compte vendeur (voir « Restrictions appliquées »)',
    temporary_suspension: 'Suspension temporaire des ventes (voir « Restrictions appliquées »)',
    termination: 'Résiliation de votre compte vendeur (voir « Restrictions appliquées »)',
  },
  restriction: {
    messaging_limited: 'Messagerie limitée aux acheteurs ayant une commande active',
    listing_demotion: 'Vos annonces apparaissent plus bas dans les résultats de recherche',
    payout_hold: 'Vos versements sont retenus',
    selling_suspended: 'Ventes suspendues : vos annonces sont masquées et aucune nouvelle commande ne peut être passée',
    account_terminated: 'Votre compte vendeur est fermé',
  },
  period: 'du {start} au {end}',
  periodOpen: 'à compter du {start}',
  appealHow:
    'Si vous estimez que cette décision est erronée, vous pouvez former un recours gratuitement jusqu’au {deadline}. Expliquez-nous pourquoi et joignez tout élément utile, en indiquant la référence {reference}, sur {help_url}. Votre recours sera examiné par un membre de notre équipe qui n’a pas participé à cette décision.',
  upheldRedress:
    'Si vous n’êtes pas d’accord, vous pouvez saisir un organisme certifié de règlement extrajudiciaire des litiges ou les médiateurs désignés dans nos conditions, ou porter l’affaire devant les juridictions compétentes.',
  facts: 'Des messages que vous avez adressés à un acheteur sur {marketplace} contenaient les passages cités sous « Ce que nous avons constaté », ce que l’article {clause_id} ne permet pas.',
  explanation: 'Les passages cités ci-dessus ne sont pas conformes à l’article {clause_id} ({clause_title}) des règles vendeurs que vous avez acceptées.',
  redressInternal: 'Réclamation interne : recours gratuit jusqu’au {deadline} (voir « Comment former un recours »).',
  redressOutOfCourt: 'Règlement extrajudiciaire : vous pouvez saisir un organisme certifié de règlement extrajudiciaire des litiges ou les médiateurs désignés dans nos conditions.',
  redressCourts: 'Tribunaux : vous pouvez à tout moment saisir les juridictions compétentes.',
  scopeValue: 'Tous les pays dans lesquels {marketplace} est présent',
  sourceValue: 'Détection et examen à notre initiative (et non signalement d’un tiers)',
  durationNone: 'Sans objet',
  durationUntil: 'jusqu’au {end_date}',
  durationPermanent: 'définitive, à compter du {effective_date}',
  yes: 'Oui',
  no: 'Non',
  label: {
    rule: 'La règle concernée',
    clauseLine: 'Article {clause_id} – {clause_title} (version {clause_version})',
    evidence: 'Ce que nous avons constaté',
    restrictions: 'Restrictions appliquées',
    next: 'La suite',
    appeal: 'Comment former un recours',
    reasons: 'Nos motifs',
    sor: 'Exposé des motifs (article 17 du règlement sur les services numériques)',
    decision: 'Décision',
    scope: 'Portée territoriale',
    duration: 'Durée',
    facts: 'Faits et circonstances',
    source: 'Origine',
    autoDetection: 'Détection par des moyens automatisés',
    autoDecision: 'Décision prise par des moyens automatisés',
    ground: 'Fondement contractuel',
    explanation: 'Motif de l’incompatibilité',
    redress: 'Voies de recours',
    reference: 'Référence',
  },
};

const it: NoticeTexts = {
  greeting: 'Gentile {name},',
  greetingNoName: 'Gentile venditore,',
  closing: 'Cordiali saluti,\nIl team Fiducia e sicurezza di {marketplace}',
  subject: {
    education: '{marketplace}: promemoria sulla clausola {clause_id} delle nostre regole per i venditori',
    formal_warning: '{marketplace}: avvertimento formale – clausola {clause_id}',
    restriction: '{marketplace}: limitazioni al tuo account venditore – clausola {clause_id}',
    temporary_suspension: '{marketplace}: sospensione temporanea del tuo account venditore – clausola {clause_id}',
    termination: '{marketplace}: cessazione del tuo account venditore – clausola {clause_id}',
    appeal_received: '{marketplace}: abbiamo ricevuto il tuo ricorso (rif. {reference})',
    appeal_upheld: '{marketplace}: esito del tuo ricorso (rif. {reference})',
    appeal_overturned: '{marketplace}: il tuo ricorso è stato accolto (rif. {reference})',
  },
  intro: {
    education:
      'Esaminando una conversazione su {marketplace}, abbiamo notato alcuni messaggi non conformi alla clausola {clause_id} delle nostre regole per i venditori. Ti scriviamo per ricordarti questa regola e spiegarti perché è importante. Questo messaggio è solo un promemoria e non comporta alcuna limitazione del tuo account.',
    formal_warning:
      'Abbiamo accertato che alcuni messaggi inviati dal tuo account su {marketplace} violano la clausola {clause_id} delle nostre regole per i venditori. Questo è un avvertimento formale: non limita il tuo account, ma viene registrato come infrazione nel tuo storico.',
    restriction:
      'Abbiamo accertato che alcuni messaggi inviati dal tuo account su {marketplace} violano la clausola {clause_id} delle nostre regole per i venditori. Poiché questa violazione segue avvisi precedenti, applichiamo al tuo account venditore le limitazioni descritte di seguito.',
    temporary_suspension:
      'Abbiamo accertato che alcuni messaggi inviati dal tuo account su {marketplace} violano la clausola {clause_id} delle nostre regole per i venditori. Viste le infrazioni già registrate, sospendiamo temporaneamente il tuo account venditore come descritto di seguito.',
    termination:
      'Abbiamo accertato un’ulteriore violazione della clausola {clause_id} delle nostre regole per i venditori. Viste le infrazioni già registrate nel tuo storico, abbiamo deciso di risolvere il nostro contratto e di chiudere il tuo account venditore, come descritto di seguito.',
    appeal_received:
      'Ti ringraziamo per il ricorso contro la nostra decisione del {decided_on} relativa alla clausola {clause_id}. Sarà esaminato con attenzione, insieme a tutte le informazioni che ci hai inviato, da un membro del nostro team che non ha partecipato alla decisione iniziale. Ti comunicheremo l’esito e le relative motivazioni il prima possibile. Il ricorso è gratuito. Le misure già in vigore restano applicate durante l’esame, salvo diversa comunicazione da parte nostra.',
    appeal_upheld:
      'Abbiamo esaminato con attenzione il tuo ricorso contro la nostra decisione del {decided_on} relativa alla clausola {clause_id}. Al termine dell’esame abbiamo deciso di confermare la decisione.',
    appeal_overturned:
      'Abbiamo esaminato il tuo ricorso contro la nostra decisione del {decided_on} relativa alla clausola {clause_id} e abbiamo deciso di annullarla. L’infrazione è stata rimossa dal tuo storico e le eventuali limitazioni che ne derivavano sono state revocate con effetto immediato. Ci scusiamo per il disagio.',
  },
  next: {
    education:
      'Non devi fare nulla, se non rispettare questa regola d’ora in poi. Questo promemoria resta nel tuo storico fino al {expiry_date}; una violazione analoga entro tale data comporterebbe un avvertimento formale.',
    formal_warning:
      'Ti chiediamo di assicurarti che le tue prossime conversazioni rispettino questa regola. L’avvertimento resta nel tuo storico fino al {expiry_date}. Un’ulteriore violazione entro tale data potrebbe comportare limitazioni del tuo account, come la messaggistica limitata, una minore visibilità degli annunci e il blocco dei pagamenti.',
    restriction:
      'Le limitazioni terminano automaticamente alle date indicate. Gli ordini in corso non sono interessati e puoi continuare a scrivere agli acquirenti con un ordine attivo. L’infrazione resta nel tuo storico fino al {expiry_date}; un’ulteriore violazione entro tale data potrebbe comportare una sospensione temporanea.',
    temporary_suspension:
      'Il tuo account sarà riattivato automaticamente al termine della sospensione. Gli ordini già effettuati devono comunque essere evasi. L’infrazione resta nel tuo storico fino al {expiry_date}; un’ulteriore violazione entro tale data potrebbe comportare la chiusura del tuo account.',
    termination:
      'La cessazione avrà effetto dal {effective_date}. Fino ad allora puoi evadere gli ordini già effettuati; ti chiediamo inoltre di saldare eventuali importi dovuti. Puoi utilizzare questo periodo per chiarire i fatti o presentare ricorso, come indicato di seguito.',
    termination_immediate:
      'Poiché le nostre regole sono state violate ripetutamente, la cessazione ha effetto immediato ({effective_date}). Puoi comunque chiarire i fatti o presentare ricorso, come indicato di seguito.',
  },
  decision: {
    education: 'Promemoria della regola; nessuna limitazione',
    formal_warning: 'Avvertimento formale registrato nel tuo storico; nessuna limitazione',
    restriction: 'Limitazioni del tuo account venditore (vedi «Limitazioni applicate»)',
    temporary_suspension: 'Sospensione temporanea delle vendite (vedi «Limitazioni applicate»)',
    termination: 'Chiusura del tuo account venditore (vedi «Limitazioni applicate»)',
  },
  restriction: {
    messaging_limited: 'Messaggistica limitata agli acquirenti con un ordine attivo',
    listing_demotion: 'I tuoi annunci compaiono più in basso nei risultati di ricerca',
    payout_hold: 'I pagamenti a tuo favore sono trattenuti',
    selling_suspended: 'Vendite sospese: i tuoi annunci sono nascosti e non è possibile effettuare nuovi ordini',
    account_terminated: 'Il tuo account venditore è chiuso',
  },
  period: 'dal {start} al {end}',
  periodOpen: 'dal {start}',
  appealHow:
    'Se ritieni che questa decisione sia errata, puoi presentare ricorso gratuitamente entro il {deadline}. Spiegaci il motivo e allega tutto ciò che può sostenere il tuo ricorso, indicando il riferimento {reference}, su {help_url}. Il ricorso sarà esaminato da un membro del nostro team che non ha partecipato a questa decisione.',
  upheldRedress:
    'Se non sei d’accordo, puoi rivolgerti a un organismo certificato di risoluzione extragiudiziale delle controversie o ai mediatori indicati nelle nostre condizioni, oppure adire i tribunali competenti.',
  facts: 'I messaggi che hai inviato a un acquirente tramite {marketplace} contenevano i passaggi citati in «Che cosa abbiamo riscontrato», non consentiti dalla clausola {clause_id}.',
  explanation: 'I passaggi citati sopra non sono compatibili con la clausola {clause_id} ({clause_title}) delle regole per i venditori che hai accettato.',
  redressInternal: 'Reclamo interno: ricorso gratuito entro il {deadline} (vedi «Come presentare ricorso»).',
  redressOutOfCourt: 'Risoluzione extragiudiziale: puoi rivolgerti a un organismo certificato di risoluzione extragiudiziale delle controversie o ai mediatori indicati nelle nostre condizioni.',
  redressCourts: 'Tribunali: puoi adire in qualsiasi momento i tribunali competenti.',
  scopeValue: 'Tutti i paesi in cui opera {marketplace}',
  sourceValue: 'Rilevamento ed esame di nostra iniziativa (non una segnalazione di terzi)',
  durationNone: 'Non applicabile',
  durationUntil: 'fino al {end_date}',
  durationPermanent: 'definitiva, dal {effective_date}',
  yes: 'Sì',
  no: 'No',
  label: {
    rule: 'La regola in questione',
    clauseLine: 'Clausola {clause_id} – {clause_title} (versione {clause_version})',
    evidence: 'Che cosa abbiamo riscontrato',
    restrictions: 'Limitazioni applicate',
    next: 'Che cosa succede ora',
    appeal: 'Come presentare ricorso',
    reasons: 'Le nostre motivazioni',
    sor: 'Motivazione (articolo 17 del regolamento sui servizi digitali)',
    decision: 'Decisione',
    scope: 'Ambito territoriale',
    duration: 'Durata',
    facts: 'Fatti e circostanze',
    source: 'Origine',
    autoDetection: 'Rilevamento con strumenti automatizzati',
    autoDecision: 'Decisione presa con strumenti automatizzati',
    ground: 'Base contrattuale',
    explanation: 'Perché il contenuto non è conforme',
    redress: 'Mezzi di ricorso',
    reference: 'Riferimento',
  },
};

const de: NoticeTexts = {
  greeting: 'Guten Tag {name},',
  greetingNoName: 'Guten Tag,',
  closing: 'Mit freundlichen Grüßen\nIhr Trust-&-Safety-Team von {marketplace}',
  subject: {
    education: '{marketplace}: Hinweis zu Ziffer {clause_id} unserer Verkäuferrichtlinien',
    formal_warning: '{marketplace}: Förmliche Verwarnung – Ziffer {clause_id}',
    restriction: '{marketplace}: Einschränkungen Ihres Verkäuferkontos – Ziffer {clause_id}',
    temporary_suspension: '{marketplace}: Vorübergehende Sperrung Ihres Verkäuferkontos – Ziffer {clause_id}',
    termination: '{marketplace}: Kündigung Ihres Verkäuferkontos – Ziffer {clause_id}',
    appeal_received: '{marketplace}: Wir haben Ihren Widerspruch erhalten (Az. {reference})',
    appeal_upheld: '{marketplace}: Entscheidung über Ihren Widerspruch (Az. {reference})',
    appeal_overturned: '{marketplace}: Ihrem Widerspruch wurde stattgegeben (Az. {reference})',
  },
  intro: {
    education:
      'Bei der Prüfung einer Unterhaltung auf {marketplace} sind uns Nachrichten aufgefallen, die nicht mit Ziffer {clause_id} unserer Verkäuferrichtlinien vereinbar sind. Wir möchten Ihnen die Regel und ihren Zweck erläutern. Diese Nachricht ist lediglich ein Hinweis und schränkt Ihr Konto nicht ein.',
    formal_warning:
      'Wir haben festgestellt, dass Nachrichten, die von Ihrem Konto auf {marketplace} gesendet wurden, gegen Ziffer {clause_id} unserer Verkäuferrichtlinien verstoßen. Dies ist eine förmliche Verwarnung. Ihr Konto wird dadurch nicht eingeschränkt, der Verstoß wird jedoch in Ihrem Konto vermerkt.',
    restriction:
      'Wir haben festgestellt, dass Nachrichten, die von Ihrem Konto auf {marketplace} gesendet wurden, gegen Ziffer {clause_id} unserer Verkäuferrichtlinien verstoßen. Da wir Sie bereits zuvor darauf hingewiesen haben, schränken wir Ihr Verkäuferkonto wie unten beschrieben ein.',
    temporary_suspension:
      'Wir haben festgestellt, dass Nachrichten, die von Ihrem Konto auf {marketplace} gesendet wurden, gegen Ziffer {clause_id} unserer Verkäuferrichtlinien verstoßen. Angesichts der bereits vermerkten Verstöße sperren wir Ihr Verkäuferkonto vorübergehend, wie unten beschrieben.',
    termination:
      'Wir haben einen weiteren Verstoß gegen Ziffer {clause_id} unserer Verkäuferrichtlinien festgestellt. Angesichts der bereits vermerkten Verstöße haben wir entschieden, den Vertrag mit Ihnen zu beenden und Ihr Verkäuferkonto zu schließen, wie unten beschrieben.',
    appeal_received:
      'Vielen Dank für Ihren Widerspruch gegen unsere Entscheidung vom {decided_on} zu Ziffer {clause_id}. Ein Mitglied unseres Teams, das an der ursprünglichen Entscheidung nicht beteiligt war, wird ihn zusammen mit allen von Ihnen übermittelten Informationen sorgfältig prüfen. Wir teilen Ihnen das Ergebnis und unsere Gründe so bald wie möglich mit. Der Widerspruch ist kostenlos. Die bestehenden Maßnahmen bleiben während der Prüfung in Kraft, sofern wir Ihnen nichts anderes mitteilen.',
    appeal_upheld:
      'Wir haben Ihren Widerspruch gegen unsere Entscheidung vom {decided_on} zu Ziffer {clause_id} sorgfältig geprüft. Nach dieser Prüfung halten wir an der Entscheidung fest.',
    appeal_overturned:
      'Wir haben Ihren Widerspruch gegen unsere Entscheidung vom {decided_on} zu Ziffer {clause_id} geprüft und die Entscheidung aufgehoben. Der Vermerk wurde aus Ihrem Konto entfernt, und alle daraus folgenden Einschränkungen wurden mit sofortiger Wirkung aufgehoben. Wir bitten die Unannehmlichkeiten zu entschuldigen.',
  },
  next: {
    education:
      'Sie müssen nichts weiter tun, als diese Regel künftig einzuhalten. Dieser Hinweis bleibt bis zum {expiry_date} in Ihrem Konto vermerkt; ein ähnlicher Verstoß bis dahin würde zu einer förmlichen Verwarnung führen.',
    formal_warning:
      'Bitte achten Sie darauf, dass Ihre künftigen Unterhaltungen dieser Regel entsprechen. Diese Verwarnung bleibt bis zum {expiry_date} vermerkt. Ein weiterer Verstoß bis dahin kann zu Einschränkungen Ihres Kontos führen, etwa eingeschränkter Nachrichtenfunktion, geringerer Sichtbarkeit Ihrer Angebote und einem Einbehalt von Auszahlungen.',
    restriction:
      'Die Einschränkungen enden automatisch zu den angegebenen Terminen. Bestehende Bestellungen sind nicht betroffen, und Sie können Käufern mit einer aktiven Bestellung weiterhin schreiben. Dieser Verstoß bleibt bis zum {expiry_date} vermerkt; ein weiterer Verstoß bis dahin kann zu einer vorübergehenden Sperrung führen.',
    temporary_suspension:
      'Ihr Konto wird nach Ablauf der Sperrung automatisch wieder freigeschaltet. Bereits aufgegebene Bestellungen sind weiterhin zu erfüllen. Dieser Verstoß bleibt bis zum {expiry_date} vermerkt; ein weiterer Verstoß bis dahin kann zur Kündigung Ihres Kontos führen.',
    termination:
      'Die Kündigung wird am {effective_date} wirksam. Bis dahin können Sie bereits aufgegebene Bestellungen erfüllen; bitte begleichen Sie auch etwaige offene Beträge. Sie können diese Zeit nutzen, um den Sachverhalt zu klären oder Widerspruch einzulegen, wie unten erläutert.',
    termination_immediate:
      'Da gegen unsere Richtlinien wiederholt verstoßen wurde, wird die Kündigung sofort wirksam ({effective_date}). Sie können den Sachverhalt dennoch klären oder Widerspruch einlegen, wie unten erläutert.',
  },
  decision: {
    education: 'Hinweis auf die Regel; keine Einschränkung',
    formal_warning: 'Förmliche Verwarnung, in Ihrem Konto vermerkt; keine Einschränkung',
    restriction: 'Einschränkungen Ihres Verkäuferkontos (siehe „Einschränkungen“)',
    temporary_suspension: 'Vorübergehende Sperrung des Verkaufs (siehe „Einschränkungen“)',
    termination: 'Kündigung Ihres Verkäuferkontos (siehe „Einschränkungen“)',
  },
  restriction: {
    messaging_limited: 'Nachrichten nur noch an Käufer mit einer aktiven Bestellung',
    listing_demotion: 'Ihre Angebote erscheinen weiter unten in den Suchergebnissen',
    payout_hold: 'Auszahlungen an Sie werden einbehalten',
    selling_suspended: 'Verkauf gesperrt: Ihre Angebote sind ausgeblendet und es können keine neuen Bestellungen aufgegeben werden',
    account_terminated: 'Ihr Verkäuferkonto wird geschlossen',
  },
  period: 'vom {start} bis zum {end}',
  periodOpen: 'ab dem {start}',
  appealHow:
    'Wenn Sie diese Entscheidung für falsch halten, können Sie bis zum {deadline} kostenlos Widerspruch einlegen. Bitte begründen Sie ihn unter Angabe des Aktenzeichens {reference} und fügen Sie alle hilfreichen Unterlagen bei: {help_url}. Ihr Widerspruch wird von einem Mitglied unseres Teams geprüft, das an dieser Entscheidung nicht beteiligt war.',
  upheldRedress:
    'Wenn Sie damit nicht einverstanden sind, können Sie sich an eine zertifizierte außergerichtliche Streitbeilegungsstelle oder an die in unseren Bedingungen genannten Mediatoren wenden oder die zuständigen Gerichte anrufen.',
  facts: 'Nachrichten, die Sie über {marketplace} an einen Käufer gesendet haben, enthielten die unter „Was wir festgestellt haben“ zitierten Inhalte, die nach Ziffer {clause_id} nicht zulässig sind.',
  explanation: 'Die oben zitierten Inhalte sind mit Ziffer {clause_id} ({clause_title}) der von Ihnen akzeptierten Verkäuferrichtlinien nicht vereinbar.',
  redressInternal: 'Internes Beschwerdeverfahren: kostenloser Widerspruch bis zum {deadline} (siehe „So legen Sie Widerspruch ein“).',
  redressOutOfCourt: 'Außergerichtliche Streitbeilegung: Sie können sich an eine zertifizierte außergerichtliche Streitbeilegungsstelle oder an die in unseren Bedingungen genannten Mediatoren wenden.',
  redressCourts: 'Gerichte: Sie können jederzeit die zuständigen Gerichte anrufen.',
  scopeValue: 'Alle Länder, in denen {marketplace} tätig ist',
  sourceValue: 'Eigene Erkennung und Prüfung (keine Meldung Dritter)',
  durationNone: 'Entfällt',
  durationUntil: 'bis zum {end_date}',
  durationPermanent: 'dauerhaft, ab dem {effective_date}',
  yes: 'Ja',
  no: 'Nein',
  label: {
    rule: 'Die betroffene Regel',
    clauseLine: 'Ziffer {clause_id} – {clause_title} (Fassung {clause_version})',
    evidence: 'Was wir festgestellt haben',
    restrictions: 'Einschränkungen',
    next: 'Wie es weitergeht',
    appeal: 'So legen Sie Widerspruch ein',
    reasons: 'Unsere Gründe',
    sor: 'Begründung (Artikel 17 des Gesetzes über digitale Dienste)',
    decision: 'Entscheidung',
    scope: 'Räumlicher Geltungsbereich',
    duration: 'Dauer',
    facts: 'Tatsachen und Umstände',
    source: 'Anlass',
    autoDetection: 'Mit automatisierten Mitteln erkannt',
    autoDecision: 'Mit automatisierten Mitteln entschieden',
    ground: 'Vertragliche Grundlage',
    explanation: 'Warum der Inhalt unzulässig ist',
    redress: 'Rechtsbehelfe',
    reference: 'Aktenzeichen',
  },
};

const es: NoticeTexts = {
  greeting: 'Estimado/a {name}:',
  greetingNoName: 'Estimado/a vendedor/a:',
  closing: 'Atentamente,\nEl equipo de Confianza y Seguridad de {marketplace}',
  subject: {
    education: '{marketplace}: recordatorio sobre la cláusula {clause_id} de nuestras normas para vendedores',
    formal_warning: '{marketplace}: advertencia formal – cláusula {clause_id}',
    restriction: '{marketplace}: restricciones en su cuenta de vendedor – cláusula {clause_id}',
    temporary_suspension: '{marketplace}: suspensión temporal de su cuenta de vendedor – cláusula {clause_id}',
    termination: '{marketplace}: resolución de su cuenta de vendedor – cláusula {clause_id}',
    appeal_received: '{marketplace}: hemos recibido su recurso (ref. {reference})',
    appeal_upheld: '{marketplace}: resolución de su recurso (ref. {reference})',
    appeal_overturned: '{marketplace}: hemos aceptado su recurso (ref. {reference})',
  },
  intro: {
    education:
      'Al revisar una conversación en {marketplace}, hemos detectado mensajes que no cumplen la cláusula {clause_id} de nuestras normas para vendedores. Le escribimos para recordarle esta norma y explicarle por qué es importante. Este mensaje es solo un recordatorio y no supone ninguna restricción de su cuenta.',
    formal_warning:
      'Hemos comprobado que varios mensajes enviados desde su cuenta en {marketplace} infringen la cláusula {clause_id} de nuestras normas para vendedores. Esta es una advertencia formal. No restringe su cuenta, pero queda registrada como infracción en su historial.',
    restriction:
      'Hemos comprobado que varios mensajes enviados desde su cuenta en {marketplace} infringen la cláusula {clause_id} de nuestras normas para vendedores. Dado que ya le habíamos avisado anteriormente, aplicamos a su cuenta de vendedor las restricciones que se describen a continuación.',
    temporary_suspension:
      'Hemos comprobado que varios mensajes enviados desde su cuenta en {marketplace} infringen la cláusula {clause_id} de nuestras normas para vendedores. Teniendo en cuenta las infracciones ya registradas, suspendemos temporalmente su cuenta de vendedor en los términos que se describen a continuación.',
    termination:
      'Hemos comprobado una nueva infracción de la cláusula {clause_id} de nuestras normas para vendedores. Teniendo en cuenta las infracciones ya registradas en su historial, hemos decidido poner fin a nuestro contrato y cerrar su cuenta de vendedor en los términos que se describen a continuación.',
    appeal_received:
      'Le agradecemos su recurso contra nuestra decisión del {decided_on} relativa a la cláusula {clause_id}. Lo examinará con detenimiento, junto con toda la información que nos haya enviado, un miembro de nuestro equipo que no participó en la decisión inicial. Le comunicaremos el resultado y nuestros motivos lo antes posible. El recurso es gratuito. Las medidas ya aplicadas siguen vigentes durante el examen, salvo que le indiquemos lo contrario.',
    appeal_upheld:
      'Hemos examinado con detenimiento su recurso contra nuestra decisión del {decided_on} relativa a la cláusula {clause_id}. Tras este examen, hemos decidido mantener la decisión.',
    appeal_overturned:
      'Hemos examinado su recurso contra nuestra decisión del {decided_on} relativa a la cláusula {clause_id} y hemos decidido revocarla. La infracción se ha eliminado de su historial y las restricciones derivadas de la decisión se han levantado con efecto inmediato. Lamentamos las molestias ocasionadas.',
  },
  next: {
    education:
      'No tiene que hacer nada más que respetar esta norma a partir de ahora. Este recordatorio constará en su historial hasta el {expiry_date}; una infracción similar antes de esa fecha daría lugar a una advertencia formal.',
    formal_warning:
      'Le rogamos que se asegure de que sus próximas conversaciones respeten esta norma. Esta advertencia constará en su historial hasta el {expiry_date}. Una nueva infracción antes de esa fecha podría dar lugar a restricciones en su cuenta, como la limitación de la mensajería, una menor visibilidad de sus anuncios y la retención de pagos.',
    restriction:
      'Las restricciones finalizan automáticamente en las fechas indicadas. Los pedidos en curso no se ven afectados y puede seguir escribiendo a los compradores con un pedido activo. Esta infracción constará en su historial hasta el {expiry_date}; una nueva infracción antes de esa fecha podría dar lugar a una suspensión temporal.',
    temporary_suspension:
      'Su cuenta se reactivará automáticamente al finalizar la suspensión. Los pedidos ya realizados deben atenderse igualmente. Esta infracción constará en su historial hasta el {expiry_date}; una nueva infracción antes de esa fecha podría dar lugar al cierre de su cuenta.',
    termination:
      'La resolución surtirá efecto el {effective_date}. Hasta entonces puede atender los pedidos ya realizados; le rogamos también que abone los importes pendientes. Puede aprovechar este plazo para aclarar los hechos o presentar un recurso, como se explica a continuación.',
    termination_immediate:
      'Dado que nuestras normas se han infringido de forma reiterada, la resolución surte efecto de inmediato ({effective_date}). No obstante, puede aclarar los hechos o presentar un recurso, como se explica a continuación.',
  },
  decision: {
    education: 'Recordatorio de la norma; sin restricciones',
    formal_warning: 'Advertencia formal registrada en su historial; sin restricciones',
    restriction: 'Restricciones en su cuenta de vendedor (véase «Restricciones aplicadas»)',
    temporary_suspension: 'Suspensión temporal de las ventas (véase «Restricciones aplicadas»)',
    termination: 'Cierre de su cuenta de vendedor (véase «Restricciones aplicadas»)',
  },
  restriction: {
    messaging_limited: 'Mensajería limitada a compradores con un pedido activo',
    listing_demotion: 'Sus anuncios aparecen más abajo en los resultados de búsqueda',
    payout_hold: 'Se retienen los pagos a su favor',
    selling_suspended: 'Ventas suspendidas: sus anuncios están ocultos y no se pueden realizar nuevos pedidos',
    account_terminated: 'Su cuenta de vendedor queda cerrada',
  },
  period: 'del {start} al {end}',
  periodOpen: 'a partir del {start}',
  appealHow:
    'Si considera que esta decisión es errónea, puede presentar un recurso de forma gratuita hasta el {deadline}. Explíquenos el motivo y adjunte cualquier información que lo respalde, indicando la referencia {reference}, en {help_url}. Su recurso lo examinará un miembro de nuestro equipo que no participó en esta decisión.',
  upheldRedress:
    'Si no está de acuerdo, puede acudir a un órgano certificado de resolución extrajudicial de litigios o a los mediadores indicados en nuestras condiciones, o bien a los tribunales competentes.',
  facts: 'Los mensajes que envió a un comprador a través de {marketplace} contenían los fragmentos citados en «Lo que hemos comprobado», que la cláusula {clause_id} no permite.',
  explanation: 'Los fragmentos citados no son compatibles con la cláusula {clause_id} ({clause_title}) de las normas para vendedores que usted aceptó.',
  redressInternal: 'Reclamación interna: recurso gratuito hasta el {deadline} (véase «Cómo presentar un recurso»).',
  redressOutOfCourt: 'Resolución extrajudicial: puede acudir a un órgano certificado de resolución extrajudicial de litigios o a los mediadores indicados en nuestras condiciones.',
  redressCourts: 'Tribunales: puede acudir en cualquier momento a los tribunales competentes.',
  scopeValue: 'Todos los países en los que opera {marketplace}',
  sourceValue: 'Detección y revisión por iniciativa propia (no a raíz de una notificación de terceros)',
  durationNone: 'No aplicable',
  durationUntil: 'hasta el {end_date}',
  durationPermanent: 'definitiva, a partir del {effective_date}',
  yes: 'Sí',
  no: 'No',
  label: {
    rule: 'La norma en cuestión',
    clauseLine: 'Cláusula {clause_id} – {clause_title} (versión {clause_version})',
    evidence: 'Lo que hemos comprobado',
    restrictions: 'Restricciones aplicadas',
    next: 'Próximos pasos',
    appeal: 'Cómo presentar un recurso',
    reasons: 'Nuestros motivos',
    sor: 'Exposición de motivos (artículo 17 del Reglamento de Servicios Digitales)',
    decision: 'Decisión',
    scope: 'Ámbito territorial',
    duration: 'Duración',
    facts: 'Hechos y circunstancias',
    source: 'Origen',
    autoDetection: 'Detección por medios automatizados',
    autoDecision: 'Decisión adoptada por medios automatizados',
    ground: 'Fundamento contractual',
    explanation: 'Por qué el contenido no es compatible',
    redress: 'Vías de recurso',
    reference: 'Referencia',
  },
};

const nl: NoticeTexts = {
  greeting: 'Beste {name},',
  greetingNoName: 'Beste verkoper,',
  closing: 'Met vriendelijke groet,\nHet Trust & Safety-team van {marketplace}',
  subject: {
    education: '{marketplace}: herinnering aan artikel {clause_id} van onze verkopersregels',
    formal_warning: '{marketplace}: formele waarschuwing – artikel {clause_id}',
    restriction: '{marketplace}: beperkingen op uw verkopersaccount – artikel {clause_id}',
    temporary_suspension: '{marketplace}: tijdelijke opschorting van uw verkopersaccount – artikel {clause_id}',
    termination: '{marketplace}: beëindiging van uw verkopersaccount – artikel {clause_id}',
    appeal_received: '{marketplace}: wij hebben uw bezwaar ontvangen (ref. {reference})',
    appeal_upheld: '{marketplace}: beslissing op uw bezwaar (ref. {reference})',
    appeal_overturned: '{marketplace}: uw bezwaar is gegrond verklaard (ref. {reference})',
  },
  intro: {
    education:
      'Bij de beoordeling van een gesprek op {marketplace} zagen wij berichten die niet voldoen aan artikel {clause_id} van onze verkopersregels. Wij leggen u graag uit wat deze regel inhoudt en waarom hij belangrijk is. Dit bericht is alleen een herinnering en beperkt uw account niet.',
    formal_warning:
      'Wij hebben vastgesteld dat berichten die vanuit uw account op {marketplace} zijn verstuurd, in strijd zijn met artikel {clause_id} van onze verkopersregels. Dit is een formele waarschuwing. Uw account wordt niet beperkt, maar de overtreding wordt in uw dossier vastgelegd.',
    restriction:
      'Wij hebben vastgesteld dat berichten die vanuit uw account op {marketplace} zijn verstuurd, in strijd zijn met artikel {clause_id} van onze verkopersregels. Omdat u hierover eerder bericht hebt ontvangen, leggen wij uw verkopersaccount de hieronder beschreven beperkingen op.',
    temporary_suspension:
      'Wij hebben vastgesteld dat berichten die vanuit uw account op {marketplace} zijn verstuurd, in strijd zijn met artikel {clause_id} van onze verkopersregels. Gezien de overtredingen die al in uw dossier staan, schorten wij uw verkopersaccount tijdelijk op, zoals hieronder beschreven.',
    termination:
      'Wij hebben een nieuwe overtreding van artikel {clause_id} van onze verkopersregels vastgesteld. Gezien de overtredingen die al in uw dossier staan, hebben wij besloten de overeenkomst met u te beëindigen en uw verkopersaccount te sluiten, zoals hieronder beschreven.',
    appeal_received:
      'Hartelijk dank voor uw bezwaar tegen ons besluit van {decided_on} over artikel {clause_id}. Een medewerker van ons team die niet bij het oorspronkelijke besluit betrokken was, beoordeelt het zorgvuldig, samen met alle informatie die u ons hebt gestuurd. Wij laten u de uitkomst en onze motivering zo snel mogelijk weten. Bezwaar maken is kosteloos. De bestaande maatregelen blijven tijdens de beoordeling van kracht, tenzij wij u anders berichten.',
    appeal_upheld:
      'Wij hebben uw bezwaar tegen ons besluit van {decided_on} over artikel {clause_id} zorgvuldig beoordeeld. Na deze beoordeling handhaven wij het besluit.',
    appeal_overturned:
      'Wij hebben uw bezwaar tegen ons besluit van {decided_on} over artikel {clause_id} beoordeeld en hebben besloten het besluit in te trekken. De overtreding is uit uw dossier verwijderd en de beperkingen die eruit voortvloeiden, zijn met onmiddellijke ingang opgeheven. Onze excuses voor het ongemak.',
  },
  next: {
    education:
      'U hoeft niets te doen, behalve deze regel voortaan na te leven. Deze herinnering blijft tot {expiry_date} in uw dossier staan; een vergelijkbare overtreding vóór die datum leidt tot een formele waarschuwing.',
    formal_warning:
      'Wij vragen u ervoor te zorgen dat uw volgende gesprekken aan deze regel voldoen. Deze waarschuwing blijft tot {expiry_date} in uw dossier staan. Een nieuwe overtreding vóór die datum kan leiden tot beperkingen van uw account, zoals beperkte berichtenfunctie, minder zichtbaarheid van uw advertenties en het inhouden van uitbetalingen.',
    restriction:
      'De beperkingen eindigen automatisch op de vermelde data. Lopende bestellingen worden niet geraakt en u kunt kopers met een actieve bestelling berichten blijven sturen. Deze overtreding blijft tot {expiry_date} in uw dossier staan; een nieuwe overtreding vóór die datum kan leiden tot een tijdelijke opschorting.',
    temporary_suspension:
      'Uw account wordt na afloop van de opschorting automatisch weer geactiveerd. Bestellingen die al zijn geplaatst, moet u nog wel afhandelen. Deze overtreding blijft tot {expiry_date} in uw dossier staan; een nieuwe overtreding vóór die datum kan leiden tot beëindiging van uw account.',
    termination:
      'De beëindiging gaat in op {effective_date}. Tot die datum kunt u reeds geplaatste bestellingen afhandelen; wij verzoeken u ook eventuele openstaande bedragen te voldoen. U kunt deze periode gebruiken om de feiten toe te lichten of bezwaar te maken, zoals hieronder uitgelegd.',
    termination_immediate:
      'Omdat onze regels herhaaldelijk zijn overtreden, gaat de beëindiging onmiddellijk in ({effective_date}). U kunt de feiten nog steeds toelichten of bezwaar maken, zoals hieronder uitgelegd.',
  },
  decision: {
    education: 'Herinnering aan de regel; geen beperking',
    formal_warning: 'Formele waarschuwing vastgelegd in uw dossier; geen beperking',
    restriction: 'Beperkingen van uw verkopersaccount (zie „Opgelegde beperkingen”)',
    temporary_suspension: 'Tijdelijke opschorting van de verkoop (zie „Opgelegde beperkingen”)',
    termination: 'Beëindiging van uw verkopersaccount (zie „Opgelegde beperkingen”)',
  },
  restriction: {
    messaging_limited: 'Berichten alleen nog aan kopers met een actieve bestelling',
    listing_demotion: 'Uw advertenties verschijnen lager in de zoekresultaten',
    payout_hold: 'Uitbetalingen aan u worden ingehouden',
    selling_suspended: 'Verkoop opgeschort: uw advertenties zijn verborgen en er kunnen geen nieuwe bestellingen worden geplaatst',
    account_terminated: 'Uw verkopersaccount wordt gesloten',
  },
  period: 'van {start} tot {end}',
  periodOpen: 'vanaf {start}',
  appealHow:
    'Bent u het niet eens met dit besluit, dan kunt u tot {deadline} kosteloos bezwaar maken. Laat ons weten waarom en voeg alles toe wat uw bezwaar ondersteunt, onder vermelding van referentie {reference}, via {help_url}. Uw bezwaar wordt beoordeeld door een medewerker van ons team die niet bij dit besluit betrokken was.',
  upheldRedress:
    'Bent u het hier niet mee eens, dan kunt u zich wenden tot een gecertificeerde instantie voor buitengerechtelijke geschillenbeslechting of tot de bemiddelaars die in onze voorwaarden worden genoemd, of de zaak voorleggen aan de bevoegde rechter.',
  facts: 'Berichten die u via {marketplace} aan een koper hebt gestuurd, bevatten de passages die onder „Wat wij hebben vastgesteld” zijn aangehaald; artikel {clause_id} staat dat niet toe.',
  explanation: 'De hierboven aangehaalde passages zijn niet verenigbaar met artikel {clause_id} ({clause_title}) van de verkopersregels die u hebt aanvaard.',
  redressInternal: 'Interne klacht: kosteloos bezwaar tot {deadline} (zie „Zo maakt u bezwaar”).',
  redressOutOfCourt: 'Buitengerechtelijke geschillenbeslechting: u kunt zich wenden tot een gecertificeerde instantie voor buitengerechtelijke geschillenbeslechting of tot de bemiddelaars die in onze voorwaarden worden genoemd.',
  redressCourts: 'Rechter: u kunt de zaak op elk moment voorleggen aan de bevoegde rechter.',
  scopeValue: 'Alle landen waarin {marketplace} actief is',
  sourceValue: 'Eigen detectie en beoordeling (geen melding van derden)',
  durationNone: 'Niet van toepassing',
  durationUntil: 'tot {end_date}',
  durationPermanent: 'definitief, vanaf {effective_date}',
  yes: 'Ja',
  no: 'Nee',
  label: {
    rule: 'De betreffende regel',
    clauseLine: 'Artikel {clause_id} – {clause_title} (versie {clause_version})',
    evidence: 'Wat wij hebben vastgesteld',
    restrictions: 'Opgelegde beperkingen',
    next: 'Wat er nu gebeurt',
    appeal: 'Zo maakt u bezwaar',
    reasons: 'Onze motivering',
    sor: 'Motivering (artikel 17 van de digitaledienstenverordening)',
    decision: 'Besluit',
    scope: 'Territoriale reikwijdte',
    duration: 'Duur',
    facts: 'Feiten en omstandigheden',
    source: 'Aanleiding',
    autoDetection: 'Opgespoord met geautomatiseerde middelen',
    autoDecision: 'Besloten met geautomatiseerde middelen',
    ground: 'Contractuele grondslag',
    explanation: 'Waarom de inhoud niet is toegestaan',
    redress: 'Mogelijkheden om op te komen tegen het besluit',
    reference: 'Referentie',
  },
};

export const NOTICE_TEXTS: Record<NoticeLanguage, NoticeTexts> = { en, fr, it, de, es, nl };
