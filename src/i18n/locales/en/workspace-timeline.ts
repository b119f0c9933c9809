/** English words of a line's timeline (namespace `workspace`, key `timeline`): one per line event. */
export const timelineEn = {
  title: 'Timeline',
  by: 'by {{actor}}',
  orderPlaced: 'Order placed',
  lineCreated: 'Line created: {{quantity}} × {{offerCode}}, requested start date {{rsd}}',
  queued: {
    rsd: 'Requested start date reached: provisioning e-mail to {{to}}',
    resend: 'Provisioning e-mail resent to {{to}}',
    contact_change: 'Provisioning e-mail to the new contact {{to}}',
    reminder: 'Reminder to {{to}}',
  },
  delivery: {
    waiting: 'Waiting: {{to}} had {{limit}} e-mails in the last hour; this one goes out at {{until}}',
    sent: 'E-mail to {{to}} handed to the mail server',
    delivered: 'E-mail to {{to}} delivered',
    failed: 'E-mail to {{to}} could not be sent',
    bounced: 'E-mail to {{to}} bounced',
    withdrawn: 'E-mail to {{to}} withdrawn: the order was set up before it was sent',
  },
  contactChanged: 'Provisioning contact changed from {{from}} to {{to}}',
  contactChangedAll: 'Provisioning contact changed from {{from}} to {{to}} (applied to all lines)',
  contactChangedBySupport: 'Support changed the provisioning contact from {{from}} to {{to}}',
  contactDelegated: '{{from}} handed the setup over to {{to}}, the new provisioning contact',
  lineClosed: 'Closed before setup: provisioning still pending',
  lineCancelled: 'Line cancelled',
  lineCancelledBecause: 'Line cancelled: {{reason}}',
  orderMapped: 'Order mapped to a customer organization (point of no return)',
  orderMappedByPartner:
    'Order mapped to a new customer organization by partner {{partner}} ({{user}}) on the customer’s behalf (point of no return)',
  lineProvisioned: 'Provisioned',
  unknown: 'Event recorded in an earlier format',
};
