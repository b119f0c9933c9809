/** English words of provisioning e-mail sends: what each status means, what a notice says, bulk previews (namespace `workspace`). */

/** Key `sends.explain`: shown on hover and focus of a status badge, and read with it. */
export const sendExplainEn = {
  queued:
    'Waiting in our outbox to be handed to the mail server, usually within a minute. If the address already had its share of e-mails this hour, it waits until the hour is over (“Waiting” in the history).',
  sent: 'The recipient’s mail server accepted it; a delivery report keeps it “Sent”. If it is not in the inbox, ask the contact to look in spam and quarantine.',
  failed:
    'The mail server refused it, or could not be reached after several tries. Check the address: change the contact, or resend once it is right.',
  bounced:
    'The recipient’s mail server sent it back, for example because the mailbox does not exist. Resending to the same address will not help: change the contact.',
  superseded:
    'A newer e-mail (a resend or a contact change) replaced it before it went out, so its link was never mailed.',
  withdrawn: 'The order was set up before this e-mail went out, so it was not sent.',
  more: 'What the statuses mean',
};

/** Key `sendNotice`: the notice after an action, by what became of the e-mails. */
export const sendNoticeEn = {
  queued_one: 'The provisioning e-mail is queued for {{emails}}: it will be sent shortly.',
  queued_other: 'The {{count}} provisioning e-mails were queued for {{emails}}: they will be sent shortly.',
  sent_one: 'The provisioning e-mail was sent to {{emails}}.',
  sent_other: 'The {{count}} provisioning e-mails were sent to {{emails}}.',
  bounced_one: 'The provisioning e-mail to {{emails}} bounced.',
  bounced_other: 'The {{count}} provisioning e-mails to {{emails}} bounced.',
  failed_one: 'The provisioning e-mail to {{emails}} could not be delivered.',
  failed_other: 'The {{count}} provisioning e-mails to {{emails}} could not be delivered.',
  withdrawn_one: 'The provisioning e-mail to {{emails}} was withdrawn before it went out.',
  withdrawn_other: 'The {{count}} provisioning e-mails to {{emails}} were withdrawn before they went out.',
};

/** Key `bulk.preview`: the confirmation's list of what will be refused and what will go. */
export const bulkPreviewEn = {
  refusedTitle_one: '{{count}} selected line will be refused',
  refusedTitle_other: '{{count}} selected lines will be refused',
  refusedIntro: 'Nothing is done to these lines; the reason is given for each.',
  goingTitle_one: '{{count}} line will go',
  goingTitle_other: '{{count}} lines will go',
  noneGoing: 'None of the selected lines can take this action: there is nothing to confirm.',
  why: 'Why',
  goneTitle: 'Results of a bulk action',
  gone: 'These results are no longer available (they are kept for an hour, in the browser that asked). Nothing was done again.',
};
