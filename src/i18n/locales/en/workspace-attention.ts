/** English words of what needs the partner: closing soon, delivery problems (namespace `workspace`, key `attention`). */
export const attentionEn = {
  earliestClose: 'Earliest close: {{at}}',
  closesIn_one: 'closes in {{count}} day',
  closesIn_other: 'closes in {{count}} days',
  closesNow: 'closes now',
  closing: 'Closing',
  closingAny: 'Any time',
  closingWithin_one: 'Within {{count}} day',
  closingWithin_other: 'Within {{count}} days',
  deliveryProblemOnly: 'Delivery problems only',
  sort: 'Sort by',
  sortNewest: 'Newest first',
  sortClosesAt: 'Closing soonest first',
  badge: 'Delivery problem',
  bounced: 'The e-mail to {{email}} bounced',
  failed: 'The e-mail to {{email}} could not be delivered',
  changeContact: 'change the contact',
  lines: 'Lines: {{ids}}',
  resendWarning:
    'Resending goes to the same address, so it will most likely not arrive either. Check the address and change the contact instead.',
  editContact: 'Edit contact',
};
