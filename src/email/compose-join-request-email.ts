import { formatDeadline } from '../i18n/format-deadline.js';
import { createEmailDocument, type EmailBlock, type EmailDocument } from './email-document.js';
import { emailTranslator, formatEmailNumber } from './email-i18n.js';
import type { TemplateInput } from './email-types.js';

/**
 * To each administrator of an organization a provisioning contact asked to join: who asks, for
 * which order, and the Approve / Decline links. Each link opens a page with a button, so a mail
 * scanner following it decides nothing.
 */
export function composeJoinRequestEmail(input: TemplateInput<'join-request'>, brand: string): EmailDocument {
  const { language: lng, organizationName, webOrderId, endCustomerName, partnerName, contact } = input;
  const t = emailTranslator(lng, brand);
  const who = `${contact.name} <${contact.email}>`;
  const opening: EmailBlock[] = input.reminder
    ? [{ kind: 'paragraph', text: t('joinRequest.reminder') }]
    : [];
  return createEmailDocument(lng, brand, input.to, {
    subject: t(input.reminder ? 'joinRequest.reminderSubject' : 'joinRequest.subject', {
      contactName: contact.name,
      organizationName,
    }),
    heading: t('joinRequest.heading', { organizationName }),
    blocks: [
      ...opening,
      {
        kind: 'paragraph',
        text: t('joinRequest.intro', { who, organizationName, partnerName, endCustomerName, webOrderId }),
      },
      {
        kind: 'table',
        caption: t('setup.tableCaption', { webOrderId }),
        columns: [t('setup.columnSubscription'), t('setup.columnOffer'), t('setup.columnQuantity')],
        rows: input.lines.map((line) => [
          line.subscriptionId,
          t('setup.offer', { offerName: line.offerName, offerCode: line.offerCode }),
          formatEmailNumber(lng, line.quantity),
        ]),
      },
      {
        kind: 'paragraph',
        text: t('joinRequest.consequence', { contactName: contact.name, organizationName }),
      },
      { kind: 'button', label: t('joinRequest.approve'), url: input.secrets.approveUrl },
      { kind: 'link', text: t('joinRequest.declineText'), url: input.secrets.declineUrl },
      {
        kind: 'paragraph',
        text: t('joinRequest.expires', { expiresAt: formatDeadline(lng, input.expiresAt) }),
      },
    ],
    footer: t('joinRequest.footer', { organizationName }),
  });
}

/** To the provisioning contact: the organization declined, or nobody answered in time. */
export function composeJoinRequestOutcomeEmail(
  input: TemplateInput<'join-request-outcome'>,
  brand: string,
): EmailDocument {
  const { language: lng, organizationName, webOrderId, outcome } = input;
  const t = emailTranslator(lng, brand);
  return createEmailDocument(lng, brand, input.to, {
    subject: t(`joinRequestOutcome.${outcome}.subject`, { organizationName, webOrderId }),
    heading: t(`joinRequestOutcome.${outcome}.heading`, { organizationName }),
    blocks: [
      { kind: 'paragraph', text: t(`joinRequestOutcome.${outcome}.intro`, { organizationName, webOrderId }) },
      { kind: 'paragraph', text: t('joinRequestOutcome.next') },
    ],
    footer: t('joinRequestOutcome.footer', { webOrderId }),
  });
}
