/**
 * Every string of every e-mail, in i18next resource format (namespace `email`).
 * English and Italian must have the same keys; test/email/email-messages.test.ts checks it.
 * Italian addresses the reader formally (Lei) and avoids gendered agreements.
 */
export const emailMessages = {
  en: {
    common: {
      brand: 'Onramp',
      greeting: 'Hello {{name}},',
      regards: 'Kind regards,',
      team: 'The Onramp team',
      buttonFallback: 'If the button does not work, copy this address into your browser:',
    },
    setup: {
      tableCaption: 'Subscriptions in order {{webOrderId}}',
      columnSubscription: 'Subscription',
      columnOffer: 'Offer',
      columnQuantity: 'Quantity',
      offer: '{{offerName}} ({{offerCode}})',
      button: 'Set up your service',
      deadline: 'Please complete the setup by {{deadline}}.',
      delegate:
        'If a colleague should set up the service instead, open the link and tell us who: they will receive their own link. Please do not forward this e-mail; the link is for you only.',
      help: 'Need help? Visit our help page:',
      allowList:
        'To make sure our e-mails about this order reach you, ask your IT administrator to allow {{senderAddress}}.',
      footer:
        'You receive this e-mail because {{partnerName}} named you as the provisioning contact for order {{webOrderId}}.',
    },
    provisioning: {
      subject: 'Provisioning information required for order {{webOrderId}}',
      heading: 'Set up the subscriptions for {{endCustomerName}}',
      intro:
        '{{partnerName}} has ordered the subscriptions below for {{endCustomerName}} and named you as the provisioning contact. To activate them, we need a few details from you, such as your organization and the country where your data will be stored.',
      resendNote: 'This e-mail replaces the one we sent earlier: the link in that e-mail no longer works.',
    },
    reminder: {
      subject: 'Reminder: provisioning information required for order {{webOrderId}}',
      heading_zero: 'Last day to set up your service',
      heading_one: '{{count}} day left to set up your service',
      heading_other: '{{count}} days left to set up your service',
      intro:
        'The subscriptions {{partnerName}} ordered for {{endCustomerName}} are still waiting for your provisioning information.',
    },
    lineClosed: {
      subject: 'Order {{webOrderId}}: subscription {{subscriptionId}} closed, provisioning still pending',
      heading: 'Subscription {{subscriptionId}} closed',
      intro:
        'Subscription {{subscriptionId}} ({{offerName}}) in order {{webOrderId}} for {{endCustomerName}} has been closed: the provisioning contact, {{contactEmail}}, did not complete the setup in time.',
      pending:
        'The line is marked “provisioning still pending” and can still be set up. On the Subscriptions page you can resend the provisioning e-mail or change the provisioning contact.',
      button: 'Open the Subscriptions page',
      footer: 'You receive this e-mail because you placed order {{webOrderId}}.',
    },
    welcome: {
      subject: 'Your Onramp organization {{organizationName}} is ready',
      heading: 'Welcome to Onramp',
      intro: 'The setup is complete: the subscriptions now belong to your organization.',
      organization: 'Organization',
      dataRegion: 'Data region',
      setPassword: 'To sign in, first choose your password. The link expires on {{expiresAt}}.',
      button: 'Set your password',
      adminPortal: 'Then manage your organization in the admin portal:',
      footer: 'You receive this e-mail because you are an administrator of {{organizationName}}.',
    },
    invitation: {
      subject: '{{invitedByName}} invited you to {{organizationName}} on Onramp',
      heading: 'Join {{organizationName}} on Onramp',
      intro:
        '{{invitedByName}} invited you to join {{organizationName}} on Onramp as {{roleLabel}}. Onramp is where orders are placed and their subscriptions are activated.',
      accept: 'Choose your name and password to accept. The link expires on {{expiresAt}}.',
      button: 'Accept the invitation',
      ignore:
        'If you did not expect this invitation, you can ignore this e-mail: nothing happens until you accept.',
      footer:
        'You receive this e-mail because {{invitedByName}} invited this address to {{organizationName}}.',
      role: {
        partner_user: 'a user',
        partner_admin: 'an administrator',
        distributor_user: 'a user',
        distributor_admin: 'an administrator',
        support_agent: 'a support agent',
        operator: 'an operator',
        customer_admin: 'an administrator',
      },
    },
    passwordLink: {
      bootstrap: {
        subject: 'Your Onramp operator account',
        heading: 'Welcome to Onramp',
        intro: 'An operator account was created for you: you run this Onramp installation.',
      },
      reset: {
        subject: 'Reset your Onramp password',
        heading: 'Choose a new password',
        intro:
          'Someone asked to reset the password of your Onramp account. If it was not you, ignore this e-mail: your password stays as it is.',
      },
      choose: 'Choose your password with the link below. It works once and expires on {{expiresAt}}.',
      button: 'Choose your password',
      footer: 'You receive this e-mail because it is the address of an Onramp account.',
    },
    supportNotice: {
      created: {
        subject: 'Support case {{caseId}} opened',
        intro: 'We have received your support case {{caseId}} and will get back to you soon.',
      },
      replied: {
        subject: 'New reply on support case {{caseId}}',
        intro: 'There is a new reply on support case {{caseId}}.',
      },
      resolved: {
        subject: 'Support case {{caseId}} resolved',
        intro: 'Support case {{caseId}} has been resolved.',
      },
      button: 'View the support case',
      footer: 'You receive this e-mail because you follow support case {{caseId}}.',
    },
  },
  it: {
    common: {
      brand: 'Onramp',
      greeting: 'Gentile {{name}},',
      regards: 'Cordiali saluti,',
      team: 'Il team di Onramp',
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
        'Riceve questa e-mail perché {{partnerName}} ha indicato il Suo indirizzo come contatto per l’attivazione dell’ordine {{webOrderId}}.',
    },
    provisioning: {
      subject: 'Informazioni richieste per l’attivazione dell’ordine {{webOrderId}}',
      heading: 'Configuri gli abbonamenti di {{endCustomerName}}',
      intro:
        '{{partnerName}} ha ordinato per {{endCustomerName}} gli abbonamenti elencati di seguito e ha indicato Lei come contatto per l’attivazione. Per attivarli ci servono alcune informazioni, ad esempio la Sua organizzazione e il paese in cui saranno conservati i dati.',
      resendNote:
        'Questa e-mail sostituisce quella inviata in precedenza: il link contenuto in quella e-mail non è più valido.',
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
      subject: 'Ordine {{webOrderId}}: abbonamento {{subscriptionId}} chiuso, attivazione ancora in sospeso',
      heading: 'Abbonamento {{subscriptionId}} chiuso',
      intro:
        'L’abbonamento {{subscriptionId}} ({{offerName}}) dell’ordine {{webOrderId}} per {{endCustomerName}} è stato chiuso: il contatto per l’attivazione, {{contactEmail}}, non ha completato la configurazione entro il termine previsto.',
      pending:
        'La riga è contrassegnata come “attivazione ancora in sospeso” e può ancora essere configurata. Dalla pagina Abbonamenti può inviare di nuovo l’e-mail di attivazione o cambiare il contatto per l’attivazione.',
      button: 'Apri la pagina Abbonamenti',
      footer: 'Riceve questa e-mail perché ha inserito l’ordine {{webOrderId}}.',
    },
    welcome: {
      subject: 'La Sua organizzazione {{organizationName}} su Onramp è pronta',
      heading: 'Le diamo il benvenuto in Onramp',
      intro: 'La configurazione è completata: gli abbonamenti ora appartengono alla Sua organizzazione.',
      organization: 'Organizzazione',
      dataRegion: 'Regione dei dati',
      setPassword: 'Per accedere, scelga prima la Sua password. Scadenza del link: {{expiresAt}}.',
      button: 'Imposta la password',
      adminPortal: 'In seguito potrà gestire la Sua organizzazione dal portale di amministrazione:',
      footer: 'Riceve questa e-mail perché è tra gli amministratori di {{organizationName}}.',
    },
    invitation: {
      subject: '{{invitedByName}} La invita in {{organizationName}} su Onramp',
      heading: 'Entri in {{organizationName}} su Onramp',
      intro:
        '{{invitedByName}} La invita a entrare in {{organizationName}} su Onramp come {{roleLabel}}. Onramp è lo strumento in cui si inseriscono gli ordini e si attivano i relativi abbonamenti.',
      accept: 'Per accettare, scelga il Suo nome e la password. Scadenza del link: {{expiresAt}}.',
      button: 'Accetta l’invito',
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
        subject: 'Il Suo account di operatore Onramp',
        heading: 'Le diamo il benvenuto in Onramp',
        intro: 'È stato creato per Lei un account di operatore: gestisce questa installazione di Onramp.',
      },
      reset: {
        subject: 'Reimposti la password di Onramp',
        heading: 'Scelga una nuova password',
        intro:
          'È stato chiesto di reimpostare la password del Suo account Onramp. Se non è stato Lei, ignori questa e-mail: la password resta invariata.',
      },
      choose: 'Scelga la password con il link qui sotto. Funziona una sola volta; scadenza: {{expiresAt}}.',
      button: 'Scegli la password',
      footer: 'Riceve questa e-mail perché è l’indirizzo di un account Onramp.',
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
      button: 'Visualizza la richiesta',
      footer: 'Riceve questa e-mail perché segue la richiesta di assistenza {{caseId}}.',
    },
  },
} as const;
