/** English strings of the admin portal's administration: administrators, orders, activity (namespace `portal`). */
export const portalEn = {
  administrators: {
    title: 'Administrators',
    intro:
      'Everyone who administers {{organization}}. Any of them can invite another administrator or remove one; the organization always keeps at least one.',
    caption: 'Administrators of {{organization}}',
    col: { name: 'Name', email: 'E-mail', since: 'Administrator since', actions: 'Actions' },
    you: '(you)',
    remove: 'Remove',
    removeLabel: 'Remove {{name}}',
    removeConfirm: {
      title: 'Remove {{name}} as administrator?',
      body: '{{name}} ({{email}}) is signed out at once and can no longer sign in to the admin portal. The organization’s subscriptions do not change.',
      yes: 'Remove',
      no: 'Cancel',
    },
    removeSelfConfirm: {
      title: 'Remove yourself as administrator?',
      body: 'You are signed out at once and can no longer sign in to the admin portal. The other administrators keep running {{organization}}.',
    },
    onlyOne:
      'You are the only administrator: invite another one, so that {{organization}} is never left without one.',
  },
  invite: {
    title: 'Invite another administrator',
    intro:
      'They receive an e-mail naming you and {{organization}}, with a link that can be used once, for 7 days.',
    submit: 'Send invitation',
  },
  invitations: {
    title: 'Invitations not yet accepted',
    caption: 'Invitations to administer {{organization}}',
    col: { email: 'E-mail', status: 'Status', expires: 'Link valid until', actions: 'Actions' },
  },
  done: {
    invited: 'Invitation sent to {{email}}.',
    removed: 'Administrator removed: they can no longer sign in.',
    resent: 'Invitation sent again with a new link; the previous link no longer works.',
    revoked: 'Invitation revoked: its link no longer works.',
  },
  error: {
    memberExists: 'This address already belongs to an administrator of your organization.',
  },
  orders: {
    title: 'Orders',
    caption: 'Orders mapped to {{organization}}',
    col: { order: 'Order', partner: 'Partner', mapped: 'Set up on', lines: 'Subscription lines' },
    lineCount: '{{count}} {{status}}',
  },
  trail: {
    title: 'Activity',
    intro: 'What happened to your organization, newest first (the last {{limit}} events).',
    caption: 'Activity of {{organization}}',
    col: { when: 'When', who: 'Who', what: 'What', about: 'About' },
    empty: 'Nothing has happened yet.',
    order: 'Order {{webOrderId}}',
    /** Actions the admin portal names itself; the others use the operator's words or their key. */
    actions: {
      order: { mapped: 'Order mapped to the organization' },
      invitation: { created: 'Administrator invited', accepted: 'Joined as administrator' },
      user: { removed: 'Administrator removed' },
    },
  },
} as const;
