/**
 * Every string of every e-mail, in i18next resource format (namespace `email`).
 * English and Italian must have the same keys; test/email/email-messages.test.ts checks it.
 * Italian addresses the reader formally (Lei) and avoids gendered agreements.
 */
export const emailEn = {
  common: {
    greeting: 'Hello {{name}},',
    regards: 'Kind regards,',
    team: 'The {{brand}} team',
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
    footerDelegated:
      'You receive this e-mail because {{delegatedBy}} named you as the provisioning contact for order {{webOrderId}}, placed by {{partnerName}}.',
  },
  provisioning: {
    subject: 'Provisioning information required for order {{webOrderId}}',
    heading: 'Set up the subscriptions for {{endCustomerName}}',
    intro:
      '{{partnerName}} has ordered the subscriptions below for {{endCustomerName}} and named you as the provisioning contact. To activate them, we need a few details from you, such as your organization and the country where your data will be stored.',
    introDelegated:
      '{{delegatedBy}} asked you to set up the subscriptions below, which {{partnerName}} ordered for {{endCustomerName}}: you are now their provisioning contact. To activate them, we need a few details from you, such as your organization and the country where your data will be stored.',
    resendNote:
      'This e-mail replaces the one we sent earlier. The link in that e-mail also still works, until the setup is done.',
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
  digest: {
    subject_one: '{{count}} subscription needs your attention',
    subject_other: '{{count}} subscriptions need your attention',
    heading: 'Your orders today',
    intro:
      'These subscriptions of orders you placed need your attention. Each link opens the subscription’s page.',
    closingSoon_one:
      '{{count}} subscription closes within {{days}} days unless its provisioning contact completes the setup:',
    closingSoon_other:
      '{{count}} subscriptions close within {{days}} days unless their provisioning contacts complete the setup:',
    deliveryProblems_one: 'The provisioning e-mail of {{count}} subscription did not arrive:',
    deliveryProblems_other: 'The provisioning e-mails of {{count}} subscriptions did not arrive:',
    line: '{{subscriptionId}} ({{offerName}}), order {{webOrderId}} for {{endCustomerName}}: {{what}}.',
    closes: 'closes on {{closesAt}}, contact {{contactEmail}}',
    bounced: 'the e-mail to {{contactEmail}} bounced',
    failed: 'the e-mail to {{contactEmail}} could not be sent',
    more_one: 'and {{count}} more: see it on the Subscriptions page',
    more_other: 'and {{count}} more: see them all on the Subscriptions page',
    fix: 'Check the address with your customer, then change the provisioning contact on the subscription’s page: a new e-mail goes out at once.',
    optOut: 'You can turn this daily e-mail off on your account page:',
    footer:
      'You receive this e-mail once a day, when subscriptions of orders you placed (or of a colleague who is no longer active) need attention.',
  },
  bounceNotice: {
    subject: 'Order {{webOrderId}}: the provisioning e-mail to {{bouncedAddress}} bounced',
    heading: 'The e-mail to {{bouncedAddress}} bounced',
    intro_one:
      'The provisioning e-mail for order {{webOrderId}} ({{endCustomerName}}) could not be delivered to {{bouncedAddress}}. The provisioning contact has no setup link for this subscription:',
    intro_other:
      'The provisioning e-mail for order {{webOrderId}} ({{endCustomerName}}) could not be delivered to {{bouncedAddress}}. The provisioning contact has no setup link for these {{count}} subscriptions:',
    tableCaption: 'Subscriptions in order {{webOrderId}}',
    detail: 'The mail server said',
    fix: 'Check the address with your customer, then change the provisioning contact on the order’s page: a new e-mail goes out at once. Resending to the same address will bounce again.',
    button: 'Open the order',
    footer:
      'You receive this e-mail because you placed order {{webOrderId}}, or administer it for a colleague who is no longer active.',
  },
  welcome: {
    subject: 'Your {{brand}} organization {{organizationName}} is ready',
    heading: 'Welcome to {{brand}}',
    intro: 'The setup is complete: the subscriptions now belong to your organization.',
    organization: 'Organization',
    dataRegion: 'Data region',
    region: {
      'North America': 'North America',
      Europe: 'Europe',
      'Asia-Pacific': 'Asia-Pacific',
      'South America': 'South America',
    },
    setPassword: 'To sign in, first choose your password. The link expires on {{expiresAt}}.',
    button: 'Set your password',
    adminPortal: 'Then manage your organization in the admin portal:',
    footer: 'You receive this e-mail because you are an administrator of {{organizationName}}.',
  },
  invitation: {
    subject: '{{invitedByName}} invited you to {{organizationName}} on {{brand}}',
    heading: 'Join {{organizationName}} on {{brand}}',
    intro:
      '{{invitedByName}} invited you to join {{organizationName}} on {{brand}} as {{roleLabel}}. {{brand}} is where orders are placed and their subscriptions are activated.',
    accept: 'Choose your name and password to accept. The link expires on {{expiresAt}}.',
    button: 'Accept the invitation',
    ignore:
      'If you did not expect this invitation, you can ignore this e-mail: nothing happens until you accept.',
    footer: 'You receive this e-mail because {{invitedByName}} invited this address to {{organizationName}}.',
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
      subject: 'Your {{brand}} operator account',
      heading: 'Welcome to {{brand}}',
      intro: 'An operator account was created for you: you run this {{brand}} installation.',
    },
    reset: {
      subject: 'Reset your {{brand}} password',
      heading: 'Choose a new password',
      intro:
        'Someone asked to reset the password of your {{brand}} account. If it was not you, ignore this e-mail: your password stays as it is.',
    },
    choose: 'Choose your password with the link below. It works once and expires on {{expiresAt}}.',
    button: 'Choose your password',
    footer: 'You receive this e-mail because this address belongs to an account on {{brand}}.',
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
    closed: {
      subject: 'Support case {{caseId}} closed',
      intro: 'Support case {{caseId}} has been closed.',
    },
    replyLead: 'The reply:',
    answerHint: 'To answer, open the case and write your reply there; you can add screenshots.',
    reopenHint:
      'If the problem is not solved, reply on the case page within {{days}} days (until {{until}}) and the case opens again. After that, open a new case.',
    button: 'View the support case',
    footer: 'You receive this e-mail because you follow support case {{caseId}}.',
  },
  joinRequest: {
    subject: '{{contactName}} asks to join {{organizationName}}',
    reminderSubject: 'Reminder: {{contactName}} asks to join {{organizationName}}',
    heading: 'A request to join {{organizationName}}',
    reminder: 'Nobody has answered this request yet. It expires soon.',
    intro:
      '{{who}} chose {{organizationName}} while setting up order {{webOrderId}}, which {{partnerName}} placed for {{endCustomerName}}. As an administrator of {{organizationName}}, you decide whether they may join.',
    consequence:
      'If you approve, these subscriptions are added to {{organizationName}} and {{contactName}} becomes one of its administrators: they will see all of its subscriptions. This cannot be undone here.',
    approve: 'Review and approve',
    declineText: 'Not someone you know? Review and decline:',
    expires: 'Without an answer, the request expires on {{expiresAt}}.',
    footer:
      'You receive this e-mail because you are an administrator of {{organizationName}}. Each link works once and asks you to confirm on the page it opens.',
  },
  joinRequestOutcome: {
    declined: {
      subject: '{{organizationName}} declined your request (order {{webOrderId}})',
      heading: '{{organizationName}} declined your request',
      intro:
        'The administrators of {{organizationName}} declined your request to join it, so order {{webOrderId}} is not set up yet.',
    },
    expired: {
      subject: 'Your request to join {{organizationName}} expired (order {{webOrderId}})',
      heading: 'Your request to join {{organizationName}} expired',
      intro:
        'Nobody at {{organizationName}} answered your request within 7 days, so order {{webOrderId}} is not set up yet.',
    },
    next: 'Open the setup link in your provisioning e-mail again: it still works. You can choose another organization or create a new one.',
    footer: 'You receive this e-mail because you are the provisioning contact for order {{webOrderId}}.',
  },
} as const;
