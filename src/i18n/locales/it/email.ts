/**
 * Every string of every e-mail in Italian: the English keys, plus the plural forms Italian has and
 * English lacks (`_many`); test/email/email-messages.test.ts checks them. Formal (Lei), no gendered
 * agreements.
 */
export const emailIt = {
  common: {
    greeting: 'Gentile {{name}},',
    regards: 'Cordiali saluti,',
    team: 'Il team di {{brand}}',
    buttonFallback: 'Se il pulsante non funziona, copi questo indirizzo e lo incolli nel browser:',
  },
  setup: {
    tableCaption: 'Abbonamenti dell’ordine {{webOrderId}}',
    columnSubscription: 'Abbonamento',
    columnOffer: 'Offerta',
    columnQuantity: 'Quantità',
    offer: '{{offerName}} ({{offerCode}})',
    button: 'Configura il servizio',
    deadline: 'Termine per completare la configurazione: {{deadline}}.',
    delegate:
      'Se la configurazione deve essere eseguita da un collega, apra il link e indichi chi se ne occuperà: quella persona riceverà un link personale. La preghiamo di non inoltrare questa e-mail: il link è riservato a Lei.',
    help: 'Serve aiuto? Consulti la nostra guida:',
    allowList:
      'Per non perdere le nostre e-mail su questo ordine, chieda al Suo amministratore IT di autorizzare il mittente {{senderAddress}}.',
    footer:
      'Riceve questa e-mail perché {{partnerName}} ha indicato il Suo indirizzo come contatto di provisioning dell’ordine {{webOrderId}}.',
    footerDelegated:
      'Riceve questa e-mail perché {{delegatedBy}} ha indicato il Suo indirizzo come contatto di provisioning dell’ordine {{webOrderId}}, effettuato da {{partnerName}}.',
  },
  provisioning: {
    subject: 'Informazioni richieste per l’attivazione dell’ordine {{webOrderId}}',
    heading: 'Configuri gli abbonamenti di {{endCustomerName}}',
    intro:
      '{{partnerName}} ha ordinato per {{endCustomerName}} gli abbonamenti elencati di seguito e ha indicato Lei come contatto di provisioning. Per attivarli ci servono alcune informazioni, ad esempio la Sua organizzazione e il paese in cui saranno conservati i dati.',
    introDelegated:
      '{{delegatedBy}} Le ha chiesto di configurare gli abbonamenti elencati di seguito, che {{partnerName}} ha ordinato per {{endCustomerName}}: ora è Lei il contatto di provisioning. Per attivarli ci servono alcune informazioni, ad esempio la Sua organizzazione e il paese in cui saranno conservati i dati.',
    resendNote:
      'Questa e-mail sostituisce quella inviata in precedenza. Anche il link contenuto in quella e-mail resta valido, fino al completamento della configurazione.',
  },
  reminder: {
    subject: 'Promemoria: informazioni richieste per l’attivazione dell’ordine {{webOrderId}}',
    heading_zero: 'Oggi è l’ultimo giorno per configurare il servizio',
    heading_one: 'Manca {{count}} giorno per configurare il servizio',
    heading_many: 'Mancano {{count}} giorni per configurare il servizio',
    heading_other: 'Mancano {{count}} giorni per configurare il servizio',
    intro:
      'Gli abbonamenti che {{partnerName}} ha ordinato per {{endCustomerName}} sono ancora in attesa delle Sue informazioni per l’attivazione.',
  },
  lineClosed: {
    subject: 'Ordine {{webOrderId}}: abbonamento {{subscriptionId}} chiuso, provisioning ancora in sospeso',
    heading: 'Abbonamento {{subscriptionId}} chiuso',
    intro:
      'L’abbonamento {{subscriptionId}} ({{offerName}}) dell’ordine {{webOrderId}} per {{endCustomerName}} è stato chiuso: il contatto di provisioning, {{contactEmail}}, non ha completato la configurazione entro il termine previsto.',
    pending:
      'La riga è contrassegnata come “Provisioning ancora in sospeso” e può ancora essere configurata. Dalla pagina Abbonamenti può inviare di nuovo l’e-mail di provisioning o cambiare il contatto di provisioning.',
    button: 'Apra la pagina Abbonamenti',
    footer: 'Riceve questa e-mail perché ha inserito l’ordine {{webOrderId}}.',
  },
  digest: {
    subject_one: '{{count}} abbonamento richiede la Sua attenzione',
    subject_other: '{{count}} abbonamenti richiedono la Sua attenzione',
    subject_many: '{{count}} abbonamenti richiedono la Sua attenzione',
    heading: 'I Suoi ordini oggi',
    intro:
      'Questi abbonamenti degli ordini che ha inserito richiedono la Sua attenzione. Ogni link apre la pagina dell’abbonamento.',
    closingSoon_one:
      '{{count}} abbonamento si chiude entro {{days}} giorni se il contatto di provisioning non completa la configurazione:',
    closingSoon_other:
      '{{count}} abbonamenti si chiudono entro {{days}} giorni se i contatti di provisioning non completano la configurazione:',
    closingSoon_many:
      '{{count}} abbonamenti si chiudono entro {{days}} giorni se i contatti di provisioning non completano la configurazione:',
    deliveryProblems_one: 'L’e-mail di provisioning di {{count}} abbonamento non è stata recapitata:',
    deliveryProblems_other: 'Le e-mail di provisioning di {{count}} abbonamenti non sono state recapitate:',
    deliveryProblems_many: 'Le e-mail di provisioning di {{count}} abbonamenti non sono state recapitate:',
    line: '{{subscriptionId}} ({{offerName}}), ordine {{webOrderId}} per {{endCustomerName}}: {{what}}.',
    closes: 'data di chiusura {{closesAt}}, contatto {{contactEmail}}',
    bounced: 'l’e-mail a {{contactEmail}} è stata respinta',
    failed: 'non è stato possibile inviare l’e-mail a {{contactEmail}}',
    more_one: 'e ancora {{count}}: lo trova nella pagina Abbonamenti',
    more_other: 'e altri {{count}}: li trova tutti nella pagina Abbonamenti',
    more_many: 'e altri {{count}}: li trova tutti nella pagina Abbonamenti',
    fix: 'Verifichi l’indirizzo con il cliente, poi cambi il contatto di provisioning nella pagina dell’abbonamento: una nuova e-mail parte subito.',
    optOut: 'Può disattivare questa e-mail giornaliera nella pagina del Suo account:',
    footer:
      'Riceve questa e-mail una volta al giorno, quando abbonamenti di ordini che ha inserito (o di un collega non più attivo) richiedono attenzione.',
  },
  bounceNotice: {
    subject: 'Ordine {{webOrderId}}: l’e-mail di provisioning a {{bouncedAddress}} è stata respinta',
    heading: 'L’e-mail a {{bouncedAddress}} è stata respinta',
    intro_one:
      'Non è stato possibile recapitare l’e-mail di provisioning dell’ordine {{webOrderId}} ({{endCustomerName}}) a {{bouncedAddress}}. Il contatto di provisioning non ha un link di configurazione per questo abbonamento:',
    intro_other:
      'Non è stato possibile recapitare l’e-mail di provisioning dell’ordine {{webOrderId}} ({{endCustomerName}}) a {{bouncedAddress}}. Il contatto di provisioning non ha un link di configurazione per questi {{count}} abbonamenti:',
    intro_many:
      'Non è stato possibile recapitare l’e-mail di provisioning dell’ordine {{webOrderId}} ({{endCustomerName}}) a {{bouncedAddress}}. Il contatto di provisioning non ha un link di configurazione per questi {{count}} abbonamenti:',
    tableCaption: 'Abbonamenti dell’ordine {{webOrderId}}',
    detail: 'Risposta del server di posta',
    fix: 'Verifichi l’indirizzo con il cliente, poi cambi il contatto di provisioning nella pagina dell’ordine: una nuova e-mail parte subito. Un nuovo invio allo stesso indirizzo verrebbe respinto di nuovo.',
    button: 'Apra l’ordine',
    footer:
      'Riceve questa e-mail perché ha inserito l’ordine {{webOrderId}}, o lo amministra per un collega non più attivo.',
  },
  welcome: {
    subject: 'La Sua organizzazione {{organizationName}} su {{brand}} è pronta',
    heading: 'Le diamo il benvenuto in {{brand}}',
    intro: 'La configurazione è completata: gli abbonamenti ora appartengono alla Sua organizzazione.',
    organization: 'Organizzazione',
    dataRegion: 'Regione dei dati',
    region: {
      'North America': 'America del Nord',
      Europe: 'Europa',
      'Asia-Pacific': 'Asia-Pacifico',
      'South America': 'America del Sud',
    },
    setPassword: 'Per accedere, scelga prima la Sua password. Scadenza del link: {{expiresAt}}.',
    button: 'Imposti la password',
    adminPortal: 'In seguito potrà gestire la Sua organizzazione dal portale di amministrazione:',
    footer: 'Riceve questa e-mail perché è tra gli amministratori di {{organizationName}}.',
  },
  invitation: {
    subject: '{{invitedByName}} La invita in {{organizationName}} su {{brand}}',
    heading: 'Entri in {{organizationName}} su {{brand}}',
    intro:
      '{{invitedByName}} La invita a entrare in {{organizationName}} su {{brand}} come {{roleLabel}}. {{brand}} è lo strumento in cui si inseriscono gli ordini e si attivano i relativi abbonamenti.',
    accept: 'Per accettare, scelga il Suo nome e la password. Scadenza del link: {{expiresAt}}.',
    button: 'Accetti l’invito',
    ignore:
      'Se non aspettava questo invito, può ignorare questa e-mail: non succede nulla finché non accetta.',
    footer:
      'Riceve questa e-mail perché {{invitedByName}} ha invitato questo indirizzo in {{organizationName}}.',
    role: {
      partner_user: 'utente',
      partner_admin: 'amministratore',
      distributor_user: 'utente',
      distributor_admin: 'amministratore',
      support_agent: 'agente di supporto',
      operator: 'operatore',
      customer_admin: 'amministratore',
    },
  },
  passwordLink: {
    bootstrap: {
      subject: 'Il Suo account di operatore {{brand}}',
      heading: 'Le diamo il benvenuto in {{brand}}',
      intro: 'È stato creato per Lei un account di operatore: gestisce questa installazione di {{brand}}.',
    },
    reset: {
      subject: 'Reimposti la password di {{brand}}',
      heading: 'Scelga una nuova password',
      intro:
        'È stato chiesto di reimpostare la password del Suo account {{brand}}. Se non è stato Lei, ignori questa e-mail: la password resta invariata.',
    },
    choose: 'Scelga la password con il link qui sotto. Funziona una sola volta; scadenza: {{expiresAt}}.',
    button: 'Scelga la password',
    footer: 'Riceve questa e-mail perché è l’indirizzo di un account {{brand}}.',
  },
  supportNotice: {
    created: {
      subject: 'Richiesta di assistenza {{caseId}} aperta',
      intro: 'Abbiamo ricevuto la Sua richiesta di assistenza {{caseId}} e Le risponderemo al più presto.',
    },
    replied: {
      subject: 'Nuova risposta alla richiesta di assistenza {{caseId}}',
      intro: 'C’è una nuova risposta alla Sua richiesta di assistenza {{caseId}}.',
    },
    resolved: {
      subject: 'Richiesta di assistenza {{caseId}} risolta',
      intro: 'La Sua richiesta di assistenza {{caseId}} è stata risolta.',
    },
    closed: {
      subject: 'Richiesta di assistenza {{caseId}} chiusa',
      intro: 'La Sua richiesta di assistenza {{caseId}} è stata chiusa.',
    },
    replyLead: 'La risposta:',
    answerHint: 'Per rispondere, apra la richiesta e scriva lì la Sua risposta; può aggiungere schermate.',
    reopenHint:
      'Se il problema non è risolto, risponda dalla pagina della richiesta entro {{days}} giorni (fino al {{until}}) e la richiesta verrà riaperta. Dopo, apra una nuova richiesta.',
    button: 'Visualizza la richiesta',
    footer: 'Riceve questa e-mail perché segue la richiesta di assistenza {{caseId}}.',
  },
  joinRequest: {
    subject: '{{contactName}} chiede di entrare in {{organizationName}}',
    reminderSubject: 'Promemoria: {{contactName}} chiede di entrare in {{organizationName}}',
    heading: 'Una richiesta di accesso a {{organizationName}}',
    reminder: 'Nessuno ha ancora risposto a questa richiesta. Scade a breve.',
    intro:
      '{{who}} ha scelto {{organizationName}} durante la configurazione dell’ordine {{webOrderId}}, effettuato da {{partnerName}} per {{endCustomerName}}. Poiché è tra gli amministratori di {{organizationName}}, spetta a Lei decidere se accettarla.',
    consequence:
      'Se approva, questi abbonamenti vengono aggiunti a {{organizationName}} e {{contactName}} entra tra i suoi amministratori: vedrà tutti i suoi abbonamenti. Non è possibile annullare questa operazione da qui.',
    approve: 'Esamini e approvi',
    declineText: 'Non conosce questa persona? Esamini e rifiuti:',
    expires: 'Senza risposta, la richiesta scade il {{expiresAt}}.',
    footer:
      'Riceve questa e-mail perché è tra gli amministratori di {{organizationName}}. Ogni link funziona una sola volta e chiede una conferma nella pagina che apre.',
  },
  joinRequestOutcome: {
    declined: {
      subject: '{{organizationName}} ha rifiutato la Sua richiesta (ordine {{webOrderId}})',
      heading: '{{organizationName}} ha rifiutato la Sua richiesta',
      intro:
        'Gli amministratori di {{organizationName}} hanno rifiutato la Sua richiesta di accesso, quindi l’ordine {{webOrderId}} non è ancora configurato.',
    },
    expired: {
      subject: 'La Sua richiesta di accesso a {{organizationName}} è scaduta (ordine {{webOrderId}})',
      heading: 'La Sua richiesta di accesso a {{organizationName}} è scaduta',
      intro:
        'Nessuno in {{organizationName}} ha risposto alla Sua richiesta entro 7 giorni, quindi l’ordine {{webOrderId}} non è ancora configurato.',
    },
    next: 'Apra di nuovo il link di configurazione nella e-mail di provisioning: funziona ancora. Può scegliere un’altra organizzazione o crearne una nuova.',
    footer:
      'Riceve questa e-mail perché il Suo indirizzo è il contatto di provisioning dell’ordine {{webOrderId}}.',
  },
} as const;
