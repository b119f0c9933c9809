/** English words of partner-led setup (namespace `setup`, key `partnerLed`). */
export const partnerLedEn = {
  choice: 'This order is for a customer — set it up on the customer’s behalf',
  choiceHint:
    'You are a user of {{partner}}, which placed this order. You create the customer’s organization and name its administrator, who is invited by e-mail; you do not become one of its administrators.',
  heading: 'Set it up on the customer’s behalf',
  intro:
    'Create the organization of {{endCustomerName}} and name the person who will administer it. To add the order to an organization that already exists, its administrators must approve: ask someone at the customer to set it up instead.',
  organizationName: 'Organization name',
  country: 'Country',
  countryHint: 'The country fixes the data region, which cannot be changed later.',
  adminHeading: 'The customer’s administrator',
  adminName: 'Name',
  adminEmail: 'E-mail address',
  adminLanguage: 'Language of the invitation',
  continue: 'Review',
  reviewHeading: 'Review and confirm',
  reviewIntro: 'Check the details: confirming cannot be undone.',
  setUpBy: 'Set up by',
  setUpByValue: '{{user}}, {{partner}}',
  administrator: 'Administrator (invited by e-mail)',
  warning_one:
    'Confirming maps the subscription of order {{webOrderId}} to the new organization {{organization}}. This is final: the order can no longer be resent or given another contact. We record that {{partner}} set it up.',
  warning_other:
    'Confirming maps the {{count}} subscriptions of order {{webOrderId}} to the new organization {{organization}}. This is final: the order can no longer be resent or given another contact. We record that {{partner}} set it up.',
  confirm: 'Confirm and invite the administrator',
  edit: 'Change',
  doneHeading: 'The order is set up',
  doneIntro: 'Order {{webOrderId}} is now mapped to {{organization}}, with its data in {{dataRegion}}.',
  doneInvited:
    'We sent an invitation to {{email}}. Once they accept it, they administer the organization in the admin portal.',
  errors: {
    organizationName: 'Enter the organization’s name (up to 200 characters).',
    country: 'Choose a country.',
    adminName: 'Enter the administrator’s name (up to 200 characters, no < or >).',
    adminEmail: 'Enter the administrator’s e-mail address.',
    adminSelf: 'Name someone at the customer: this address belongs to you or your organization.',
  },
};
