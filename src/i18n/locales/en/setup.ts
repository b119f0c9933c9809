/** English strings of the setup wizard and admin portal (namespace `setup`). */
import { partnerLedEn } from './setup-partner-led.js';

export const setupEn = {
  title: 'Set up your service',
  orderLine: 'Order {{webOrderId}} for {{endCustomerName}}, placed by {{partnerName}}',
  deadline: 'Please complete the setup by {{deadline}}.',
  steps: {
    label: 'Setup steps',
    who: 'Who sets it up',
    organization: 'Organization',
    country: 'Country and data region',
    review: 'Review and confirm',
    done: 'done',
  },
  lines: {
    caption: 'Subscriptions in order {{webOrderId}}',
    subscription: 'Subscription',
    offer: 'Offer',
    licences: 'Licences',
  },
  back: 'Back',
  continue: 'Continue',
  who: {
    heading: 'Who will set up the service?',
    greeting: 'Hello {{name}},',
    intro:
      '{{partnerName}} has ordered the subscriptions below for {{endCustomerName}} and named you as the provisioning contact. Setting them up takes a few minutes: you choose the organization that will use them and the country where its data is stored.',
    introDelegated:
      '{{delegatedBy}} asked you to set up the subscriptions below, which {{partnerName}} ordered for {{endCustomerName}}: you are now their provisioning contact. Setting them up takes a few minutes: you choose the organization that will use them and the country where its data is stored.',
    self: 'I will set up the service',
    other: 'Another person in my company will set up',
    otherHint: 'They get their own link by e-mail; this link then stops working.',
  },
  delegate: {
    heading: 'Who will set up the service?',
    intro:
      'Tell us who will set up the service. We will e-mail them their own setup link for the subscriptions you handle, and this link will stop working.',
    name: 'Their name',
    email: 'Their e-mail address',
    language: 'Language of their e-mail',
    submit: 'Send them the setup link',
    doneHeading: 'We have e-mailed {{name}}',
    doneText:
      'We sent a setup link to {{email}}: they are now the provisioning contact for the subscriptions you handled. Your link no longer works, so you can close this page.',
    errors: {
      name: 'Enter their name.',
      email: 'Enter a valid e-mail address.',
      self: 'That is your own address. To set up the service yourself, go back and choose “I will set up the service”.',
    },
  },
  organization: {
    heading: 'Which organization will use the service?',
    yours: 'Your organization',
    yoursHint: 'You are an administrator of this organization, so the subscriptions will be added to it.',
    suggested: 'Organizations of your company already using {{brand}}',
    suggestedHint:
      'These organizations have a name like {{endCustomerName}} and an administrator with an e-mail address at {{domain}}.',
    createNew: 'Create a new organization',
    newName: 'Name of the new organization',
    facts: '{{country}} · data region {{dataRegion}}',
    created: 'Created {{date}}',
    activeSubscriptions_one: '{{count}} active subscription',
    activeSubscriptions_other: '{{count}} active subscriptions',
    administrators_one: '{{count}} administrator',
    administrators_other: '{{count}} administrators',
    factsNotSet: 'data region not set yet',
    otherAccount:
      'The address {{email}} belongs to a user of a partner or distributor, not to someone at {{endCustomerName}}. Please ask a person at {{endCustomerName}} to set up the service.',
    errors: {
      choose: 'Choose an organization.',
      name: 'Enter the name of the new organization (up to 200 characters).',
      characters: 'A name must not contain line breaks, control characters or < >.',
      notOffered: 'That organization cannot be chosen here. Choose one of the list.',
      pending:
        'Another provisioning contact of this order is waiting for an organization to approve their request. Ask them, or create a new organization.',
    },
  },
  country: {
    heading: 'Where should the data of {{name}} be stored?',
    intro:
      'The country of the organization fixes its data region: where its data is stored. It cannot be changed later.',
    label: 'Country',
    choose: 'Choose a country',
    option: '{{country}} — data region {{dataRegion}}',
    errors: { country: 'Choose a country.' },
    filter: 'Search the list',
    filterHint: "Type part of a country's name to shorten the list.",
  },
  review: {
    heading: 'Review and confirm',
    intro:
      'Check the details below. When you confirm, the subscriptions are mapped to the organization. This cannot be undone.',
    organization: 'Organization',
    newOrganization: '{{name}} (new organization)',
    country: 'Country',
    dataRegion: 'Data region',
    immutable: 'Fixed: the data region cannot be changed later.',
    confirmedBy: 'Your name',
    email: 'Your e-mail address',
    confirm: 'Confirm and set up',
    change: 'Change the organization',
    dialogTitle: 'Confirm the setup?',
    dialogText_one:
      'The subscription of order {{webOrderId}} will be mapped to {{organization}}. This cannot be undone.',
    dialogText_other:
      'The {{count}} subscriptions of order {{webOrderId}} will be mapped to {{organization}}. This cannot be undone.',
    dialogYes: 'Yes, set up',
    dialogNo: 'Cancel',
    errors: { name: 'Enter your name (up to 200 characters).' },
  },
  done: {
    heading: 'Thank you. Your order has been mapped correctly.',
    intro:
      'The subscriptions of order {{webOrderId}} now belong to {{organization}} (data region {{dataRegion}}).',
    nextWelcome:
      'Next step: check your inbox. We have sent a welcome e-mail to {{email}} with a link to choose your password. Then sign in to the admin portal to manage your organization.',
    nextSignIn: 'Next step: sign in to the admin portal to manage your organization.',
    adminPortal: 'Go to the admin portal',
  },
  dead: {
    heading: 'This setup link no longer works',
    reason: {
      resend:
        'A newer provisioning e-mail was sent for this order, so this link was replaced. Please use the link in the most recent e-mail.',
      contact_change:
        '{{partnerName}}, who placed this order, named someone else as the provisioning contact for this setup, so this link no longer works.',
      delegated:
        'You handed this setup to a colleague: they have received their own link, so this link no longer works.',
      cancelled: 'The subscription this link was for has been cancelled.',
      expired: 'This link has expired.',
      revoked: 'This link was replaced by a newer one.',
      used: 'This link has already been used.',
      mapped: 'This order is already set up.',
      unknown:
        'We do not recognise this link. Please check that you copied the whole address from the e-mail.',
    },
    unknownHelp: 'If you cannot find the e-mail, ask the company that placed your order to resend it.',
    handedOverHelp: 'Nothing more is needed from you: you can close this page.',
    newLinkHeading: 'Send me a new link',
    newLinkIntro:
      'If you are the provisioning contact of this order, enter your e-mail address and we will send you a new link.',
    email: 'Your e-mail address',
    submit: 'Send me a new link',
    sentHeading: 'Check your inbox',
    sent: 'If this address is the provisioning contact of this order and the order still awaits setup, we have sent it a new setup link. It can take a few minutes to arrive; please check your spam folder too.',
    askPartner:
      'Still nothing after a while? Ask the company that placed your order to resend the e-mail or to change the provisioning contact.',
    retryAfter_one: 'Please try again in {{count}} minute.',
    retryAfter_other: 'Please try again in {{count}} minutes.',
  },
  joinReview: {
    heading: 'Your request to join {{organization}}',
    notice:
      '{{organization}} already exists, and you are not one of its administrators. Confirming does not set up the order yet: it sends a request to join {{organization}} to its administrators.',
    after:
      'When one of them approves, the subscriptions are mapped to {{organization}} and you become one of its administrators. If they decline, or nobody answers within 7 days, we tell you by e-mail and you can choose another organization or create a new one.',
    confirm: 'Ask to join {{organization}}',
    dialogTitle: 'Send the request to join?',
    dialogText:
      'We will e-mail the administrators of {{organization}} and ask them to approve your request. Nothing is set up until one of them does.',
    dialogYes: 'Yes, send the request',
  },
  waiting: {
    heading: "Waiting for the organization's approval",
    text: 'On {{requestedAt}} you asked to join {{organization}} with order {{webOrderId}}. We have e-mailed its administrators; the order is set up as soon as one of them approves.',
    expires: 'If nobody answers, the request expires on {{expiresAt}} and we tell you by e-mail.',
    change:
      'Changed your mind? You can choose another organization or create a new one: your request is then withdrawn.',
    changeLink: 'Choose another organization',
  },
  join: {
    title: 'Request to join {{organization}}',
    intro:
      '{{contact}} asks to join {{organization}}: they chose it while setting up order {{webOrderId}}, which {{partnerName}} placed for {{endCustomerName}}.',
    consequence:
      'If you approve, these subscriptions are added to {{organization}} and {{contactName}} becomes one of its administrators: they will see all of its subscriptions. This cannot be undone here.',
    expires: 'Without an answer, the request expires on {{expiresAt}}.',
    approve: 'Approve',
    decline: 'Decline',
    approveHeading: 'Approve the request',
    declineHeading: 'Decline the request',
    declineHelp:
      'We will tell {{contactName}} that the request was declined; they can then choose another organization or create a new one.',
    approved:
      'Approved. Order {{webOrderId}} is now mapped to {{organization}} and {{contactName}} is one of its administrators; we have e-mailed them.',
    declined: 'Declined. We have told {{contactName}}; order {{webOrderId}} is not set up.',
    deadHeading: 'This link no longer works',
    dead: {
      used: 'This request has already been answered, or this link was already used.',
      expired: 'This request has expired without an answer.',
      revoked:
        'This request can no longer be answered: the order has a different provisioning contact now, or you are no longer an administrator.',
      unknown:
        'We do not recognise this link. Please check that you copied the whole address from the e-mail.',
    },
  },
  mapped: {
    heading: 'This order is already set up',
    text: 'The subscriptions of this order have already been mapped to an organization. Its administrators manage them in the admin portal.',
    adminPortal: 'Go to the admin portal',
  },
  admin: {
    heading: 'Admin portal',
    organization: 'Organization',
    country: 'Country',
    dataRegion: 'Data region',
    dataRegionFixed: 'Fixed when the organization was set up; it cannot be changed.',
    notSet: 'Not set',
    partners: 'Your partner',
    placedBy: 'Orders placed by {{name}} <{{email}}>',
    distributor: 'Distributor',
    licences: 'Licences',
    licencesCaption: 'Licences per offer',
    subscriptions: 'Subscriptions',
    subscriptionsCaption: 'Subscriptions of {{organization}}',
    order: 'Order',
    status: 'Status',
    since: 'Set up on',
    partner: 'Partner',
    empty: 'No subscriptions are mapped to your organization yet.',
    noAccess: 'The admin portal is for administrators of customer organizations.',
  },
  region: {
    'North America': 'North America',
    Europe: 'Europe',
    'Asia-Pacific': 'Asia-Pacific',
    'South America': 'South America',
  },
  partnerLed: partnerLedEn,
} as const;
