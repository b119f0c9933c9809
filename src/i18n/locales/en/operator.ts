/** English strings of the operator's organization pages (namespace `operator`). */
export const operatorEn = {
  title: 'Organizations',
  intro:
    'Partners and distributors place and follow orders. Create one, then invite its first administrator; they invite their own colleagues.',
  kind: {
    partner: 'Partner',
    distributor: 'Distributor',
    customer: 'Customer',
    operator: 'Operator',
  },
  operatorOrg: 'Operators and support agents',
  status: {
    active: 'Active',
    deactivated: 'Deactivated',
  },
  firstSteps: {
    title: 'First steps',
    intro: 'No partner yet. To get the first orders in:',
    create: 'Create a partner organization with the form below.',
    invite: 'Open it, go to “Users and invitations” and invite its administrator by e-mail.',
    order: 'They accept, create an API token under “API tokens”, and place orders with it.',
  },
  filters: {
    label: 'Filter organizations',
    kind: 'Kind',
    anyKind: 'All kinds',
    q: 'Name contains',
    apply: 'Apply',
    clear: 'Clear',
  },
  list: {
    caption: 'Organizations',
    none: 'No organization matches.',
    count_one: '{{count}} organization',
    count_other: '{{count}} organizations',
    col: {
      name: 'Name',
      kind: 'Kind',
      status: 'Status',
      users: 'Users',
      created: 'Created',
    },
  },
  create: {
    title: 'Create an organization',
    kind: 'Kind',
    name: 'Name',
    nameHint: '2 to 200 characters. Customer organizations are created by the setup wizard, not here.',
    submit: 'Create organization',
    error: {
      kind: 'Choose partner or distributor.',
      name: 'Enter a name of 2 to 200 characters.',
      exists:
        'An organization of this kind with this name already exists (names are compared without regard to case).',
    },
  },
  detail: {
    back: '← Organizations',
    facts: 'Details',
    created: 'Organization created. Next: invite its administrator under “Users and invitations”.',
    renamed: 'Organization renamed.',
    deactivated: 'Organization deactivated. Its users are signed out and their API tokens are refused.',
    reactivated: 'Organization reactivated. Its users can sign in and use their API tokens again.',
    users: 'Users and invitations',
    usersOperator: 'Invite operators and support agents here.',
    usersOther: 'Invite users and administrators, change roles, deactivate people.',
    usersCustomer: 'See who administers it.',
    customerNote:
      'Customer organizations are run by their own administrators: you can see this one, but not rename or deactivate it here.',
  },
  rename: {
    title: 'Rename',
    name: 'New name',
    submit: 'Rename',
  },
  state: {
    title: 'Status',
    activeNote: 'Deactivating stops every user of this organization at once; its orders stay.',
    deactivatedNote: 'Deactivated since {{at}}. Its users cannot sign in and their API tokens are refused.',
    operatorNote: 'The operator organization cannot be deactivated: nobody could sign in to undo it.',
    deactivate: 'Deactivate',
    reactivate: 'Reactivate',
    confirm: {
      title: 'Deactivate {{name}}?',
      body: 'Sign-ins, browser sessions and API tokens of all its users stop at once.',
      orders:
        'Its orders stay: support agents still see them, and everything works again if you reactivate it.',
      yes: 'Deactivate organization',
      no: 'Cancel',
    },
  },
  audit: {
    title: 'Audit trail',
    intro: 'The newest 100 events concerning this organization.',
    none: 'Nothing recorded yet.',
    col: {
      at: 'When',
      who: 'Who',
      action: 'What',
    },
  },
  actions: {
    organization: {
      created: 'Organization created',
      renamed: 'Organization renamed',
      deactivated: 'Organization deactivated',
      reactivated: 'Organization reactivated',
      set_up_by_partner: 'Set up by a partner on the customer’s behalf',
    },
    user: {
      role_changed: 'Role changed',
      deactivated: 'User deactivated',
      reactivated: 'User reactivated',
      digest_turned_on: 'Daily digest e-mail turned on',
      digest_turned_off: 'Daily digest e-mail turned off',
      removed: 'Administrator removed',
    },
    invitation: {
      created: 'Invitation sent',
      resent: 'Invitation sent again',
      revoked: 'Invitation revoked',
      accepted: 'Invitation accepted',
      bounced: 'Invitation e-mail bounced',
    },
    api_token: {
      created: 'API token created',
      rolled: 'API token rolled',
      revoked: 'API token revoked',
    },
    offer: {
      added: 'Offer added',
      changed: 'Offer changed',
      retired: 'Offer retired',
      reinstated: 'Offer reinstated',
    },
    operator: {
      bootstrapped: 'First operator created',
    },
    join_request: {
      requested: 'Asked to join (setup of an order)',
      approved: 'Join request approved',
      declined: 'Join request declined',
      expired: 'Join request expired',
      withdrawn: 'Join request withdrawn',
    },
    password: {
      reset_requested: 'Password reset requested',
      set: 'Password set',
    },
  },
};
