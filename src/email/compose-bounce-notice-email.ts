import { createEmailDocument, type EmailDocument } from './email-document.js';
import { emailTranslator } from './email-i18n.js';
import type { TemplateInput } from './email-types.js';

/**
 * Tells the person who placed the order (or a partner admin when that person is deactivated), at
 * once, that a provisioning e-mail bounced: which lines, which address, and where to change it.
 */
export function composeBounceNoticeEmail(
  input: TemplateInput<'bounce-notice'>,
  brand: string,
): EmailDocument {
  const { language: lng, webOrderId, bouncedAddress } = input;
  const t = emailTranslator(lng, brand);
  return createEmailDocument(lng, brand, input.to, {
    subject: t('bounceNotice.subject', { webOrderId, bouncedAddress }),
    heading: t('bounceNotice.heading', { bouncedAddress }),
    blocks: [
      {
        kind: 'paragraph',
        text: t('bounceNotice.intro', {
          bouncedAddress,
          webOrderId,
          endCustomerName: input.endCustomerName,
          count: input.lines.length,
        }),
      },
      {
        kind: 'table',
        caption: t('bounceNotice.tableCaption', { webOrderId }),
        columns: [t('setup.columnSubscription'), t('setup.columnOffer')],
        rows: input.lines.map((line) => [line.subscriptionId, line.offerName]),
      },
      ...(input.detail
        ? [{ kind: 'facts' as const, rows: [{ label: t('bounceNotice.detail'), value: input.detail }] }]
        : []),
      { kind: 'paragraph', text: t('bounceNotice.fix') },
      { kind: 'button', label: t('bounceNotice.button'), url: input.orderUrl },
    ],
    footer: t('bounceNotice.footer', { webOrderId }),
  });
}
