import { createEmailDocument, type EmailDocument } from './email-document.js';
import { emailTranslator } from './email-i18n.js';
import type { TemplateInput } from './email-types.js';

/** Tells the partner user who placed the order that a line closed with provisioning still pending. */
export function composeLineClosedEmail(input: TemplateInput<'line-closed'>, brand: string): EmailDocument {
  const { language: lng, webOrderId, subscriptionId } = input;
  const t = emailTranslator(lng, brand);
  return createEmailDocument(lng, brand, input.to, {
    subject: t('lineClosed.subject', { webOrderId, subscriptionId }),
    heading: t('lineClosed.heading', { subscriptionId }),
    blocks: [
      {
        kind: 'paragraph',
        text: t('lineClosed.intro', {
          subscriptionId,
          offerName: input.offerName,
          webOrderId,
          endCustomerName: input.endCustomerName,
          contactEmail: input.contactEmail,
        }),
      },
      { kind: 'paragraph', text: t('lineClosed.pending') },
      { kind: 'button', label: t('lineClosed.button'), url: input.subscriptionsPageUrl },
    ],
    footer: t('lineClosed.footer', { webOrderId }),
  });
}
