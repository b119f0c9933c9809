/**
 * English words of the help page (namespace `workspace`, key `help`). The sections follow the
 * order of the support article the product is modelled on (shared/reference): basic checks, no
 * access (Case 1.1), resend and contact change (Case 1.2), closed lines, the PONR, when resending
 * fails, the support case; plus what each send status means.
 */
export const helpEn = {
  title: 'Troubleshooting the provisioning e-mail',
  intro:
    'The first provisioning e-mail goes to the provisioning contact of each subscription line on its Requested Start Date (RSD), with a one-time setup link. If the contact cannot find it, the partner who placed the order can resend it from the order page, for each subscription line, even after the RSD, until the order is onboarded (the point of no return).',
  toc: 'On this page',
  missing: {
    title: 'Basic troubleshooting: the e-mail did not arrive',
    1: 'Look in the spam or junk folder, and in any quarantine your organization’s mail filter keeps.',
    allowListBefore: 'Ask your IT administrator to add the sender ',
    allowListAfter: ' to the allow-list (safe senders), so that the e-mails do not end up in spam or junk.',
    3: 'Check the line’s status on the order page: “{{awaiting}}” means the e-mail went out and setup is not complete yet; “{{closed}}” means the line closed before setup (see “Lines closed before setup” below).',
    4: 'The first e-mail goes out on the Requested Start Date; nothing is sent before then.',
    5: 'Check the address: the partner who placed the order sees the provisioning contact and can change it until the point of no return.',
  },
  link: {
    title: 'The setup link does not work',
    1: 'Each e-mail brings its own link. A link stops working when the order is set up, when it expires, or when the partner names another contact: then use the most recent e-mail.',
    2: 'On the page of a link that no longer works, choose “Send me a new link” when it is offered; otherwise ask the partner who placed the order to resend the e-mail.',
  },
  noAccess: {
    title: 'Case 1.1: you do not have access to resend the e-mail',
    1: 'Contact the person who placed the order and ask them to follow the steps below.',
    2: 'You find them from the order itself: a colleague of the same partner who opens the order, or types its web order id or subscription id into the search of the Orders or Subscriptions page, sees “{{exists}}” followed by the name and e-mail of the person who placed it.',
    3: 'If that person can no longer sign in, the page names the administrators of your organization instead. Users of other organizations learn nothing about the order.',
  },
  resend: {
    title: 'Case 1.2: you have access to resend the e-mail',
    intro:
      'You can resend the provisioning e-mail and change the provisioning contact until the point of no return (PONR), when the order is onboarded.',
    1: 'On the order page, click Resend on the subscription line, next to the provisioning contact’s e-mail.',
    2: 'The “Resend Confirmation” dialog asks whether to resend: click Yes.',
    3: 'The page confirms the resend, and the line’s history lists the new e-mail with its send status (see “Send statuses”). Earlier links keep working.',
    4: 'To send it to someone else, click Edit next to the contact and enter the new contact’s name, e-mail and language. Tick “{{applyToAll}}” to give every line of the order the same contact. Once the RSD has passed the new contact gets the e-mail at once, and the earlier contact’s links stop working.',
  },
  closed: {
    title: 'Lines closed before setup: provisioning still pending',
    policy:
      'If setup is not completed within the days set by the policy after the first e-mail, the line closes: {{periods}}.',
    period_one: '{{count}} day for {{offers}}',
    period_other: '{{count}} days for {{offers}}',
    others_one: '{{count}} day for the other offers',
    others_other: '{{count}} days for the other offers',
    and: ' and ',
    separator: ', ',
    configurable:
      'The policy period is set for each offer in the offer catalogue and the operators can change it; a line keeps the period it was ordered with, and its page shows when it closes.',
    1: 'Such a line is marked “{{pending}}”: it can still be set up.',
    2: {
      before: 'Partners and distributors find these lines on the Subscriptions page — ',
      link: 'click here',
      after: ' — where they can still edit the contact and click Resend.',
    },
    3: 'The point of no return is the same as for open lines.',
  },
  ponr: {
    title: 'After the point of no return (PONR)',
    1: 'The PONR is reached when the order is onboarded: its setup was confirmed and the order was mapped to a customer organization.',
    2: 'From then on the provisioning e-mail cannot be resent and the contact cannot be changed: Resend and Edit show a popup saying the order is already onboarded, with the name of the organization.',
    3: 'The provisioning contact or an administrator of that organization completes the setup in the admin portal:',
  },
  sendStatuses: {
    title: 'Send statuses',
    intro:
      'Every provisioning e-mail is a row of the line’s history (“Provisioning e-mails”), with when it was asked for, by whom, to whom, and its status:',
    queued:
      'Waiting to be sent. The e-mail leaves within moments; the history says when it was handed to the mail server.',
    waitingLabel: 'Queued, waiting (address limit)',
    waiting:
      'The address already had {{limit}} provisioning e-mails in the last hour, from any partner. The e-mail is not dropped: it waits and goes out as soon as the address has room, at the time the history shows.',
    sent: 'The mail server accepted the e-mail for delivery. It may still bounce later.',
    deliveredLabel: 'Delivered',
    delivered:
      'The recipient’s mail provider reported the e-mail delivered (shown in the history). If the contact still cannot find it, go through the basic troubleshooting above.',
    failed:
      'The e-mail could not be sent: the mail server refused it, or every attempt failed. Check the address, change the contact if needed, and resend.',
    bounced:
      'The recipient’s mail provider sent the e-mail back: the address does not exist or does not accept it. Change the contact rather than resending to the same address.',
    superseded:
      'A newer e-mail to this line (a resend or a contact change) replaced it before it left, so it was not sent. Nothing to do: the newer one goes out.',
    withdrawn:
      'The order was set up (the point of no return) before the e-mail left, so it was not sent. Nothing to do.',
  },
  resendFails: {
    title: 'If resending fails before the PONR',
    intro:
      'If you cannot resend the provisioning e-mail before the PONR, do one or more of these, then resend again:',
    1: 'Clear your browser’s cache and cookies.',
    2: 'Try another browser.',
    3: 'Try a private (incognito) window.',
  },
  case: {
    title: 'Still failing? Open a support case',
    intro:
      'If it still fails before the PONR, open a support case of type “{{type}}”, with screenshots where they help, and include:',
    1: 'the web order id and the subscription id;',
    2: 'the provisioning contact’s e-mail address;',
    3: 'screenshots of what you see (the error, or the inbox and spam folder without the e-mail);',
    4: 'what you already tried from this page.',
  },
};
