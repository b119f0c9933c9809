/** English strings of the operator's offer catalogue pages (namespace `offers`). */
export const offerEn = {
  title: 'Offers',
  intro:
    'The offers partners order. The policy period is how many days after the first provisioning e-mail an unprovisioned line closes.',
  periodRule:
    'A changed policy period applies to lines ordered from now on; every line keeps the period it was ordered with.',
  catalogue: 'Catalogue',
  none: 'No offers yet.',
  days_one: '{{count}} day',
  days_other: '{{count}} days',
  col: {
    code: 'Code',
    name: 'Name',
    period: 'Policy period',
    status: 'Status',
    actions: 'Actions',
  },
  status: {
    active: 'Active',
    retired: 'Retired',
  },
  field: {
    code: 'Code',
    name: 'Name',
    policyDays: 'Policy period (days)',
  },
  hint: {
    code: 'Capital letters, digits and dashes, e.g. MEET-PRO. It cannot be changed later.',
    policyDays: 'From 1 to 365 days after the first provisioning e-mail.',
  },
  error: {
    code: 'Enter 2 to 32 capital letters, digits or dashes, starting with a letter or digit.',
    name: 'Enter a name of 1 to 100 characters.',
    policyDays: 'Enter a whole number of days from 1 to 365.',
    exists: 'An offer with the code {{code}} already exists (active or retired).',
    longerThanLink:
      'Enter at most {{days}} days: setup links work for {{days}} days, and a line must close before its link stops working.',
  },
  add: {
    title: 'Add an offer',
    submit: 'Add offer',
    done: 'Offer {{code}} added.',
  },
  edit: {
    link: 'Edit',
    linkLabel: 'Edit {{code}}',
    title: 'Offer {{code}}',
    submit: 'Save changes',
    done: 'Offer {{code}} changed.',
    back: 'Back to offers',
  },
  retire: {
    button: 'Retire',
    buttonLabel: 'Retire {{code}}',
    title: 'Retire {{code}}?',
    body: 'New orders with this offer will be refused. Existing lines are untouched: they keep their policy period and can still be provisioned.',
    yes: 'Retire offer',
    no: 'Keep it active',
    done: 'Offer {{code}} retired: new orders with it are refused.',
  },
  reinstate: {
    button: 'Reinstate',
    buttonLabel: 'Reinstate {{code}}',
    title: 'Reinstate {{code}}?',
    body: 'New orders with this offer will be accepted again, with its current policy period.',
    yes: 'Reinstate offer',
    no: 'Keep it retired',
    done: 'Offer {{code}} reinstated.',
  },
};
