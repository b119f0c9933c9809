import { formatDeadline } from '../i18n/format-deadline.js';
import { createEmailDocument, type EmailBlock, type EmailDocument } from './email-document.js';
import { emailTranslator, formatEmailNumber } from './email-i18n.js';
import type { TemplateInput } from './email-types.js';

/** The provisioning e-mail and its reminder: same setup link, different opening. */
export function composeProvisioningEmail(
  input: TemplateInput<'provisioning'> | TemplateInput<'reminder'>,
  brand: string,
): EmailDocument {
  const { language: lng, webOrderId, endCustomerName, partnerName, delegatedBy } = input;
  const t = emailTranslator(lng, brand);
  const opening: EmailBlock[] =
    input.template === 'provisioning'
      ? [
          ...(input.resend ? [paragraph(t('provisioning.resendNote'))] : []),
          paragraph(
            delegatedBy
              ? t('provisioning.introDelegated', { delegatedBy, partnerName, endCustomerName })
              : t('provisioning.intro', { partnerName, endCustomerName }),
          ),
        ]
      : [paragraph(t('reminder.intro', { partnerName, endCustomerName }))];
  return createEmailDocument(lng, brand, input.to, {
    subject: t(`${input.template}.subject`, { webOrderId }),
    heading:
      input.template === 'provisioning'
        ? t('provisioning.heading', { endCustomerName })
        : t('reminder.heading', { count: input.daysLeft }),
    blocks: [
      ...opening,
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
      { kind: 'button', label: t('setup.button'), url: input.secrets.setupUrl },
      paragraph(t('setup.deadline', { deadline: formatDeadline(lng, input.deadline) })),
      paragraph(t('setup.delegate')),
      { kind: 'link', text: t('setup.help'), url: input.helpUrl },
      paragraph(t('setup.allowList', { senderAddress: input.senderAddress })),
    ],
    footer: delegatedBy
      ? t('setup.footerDelegated', { delegatedBy, partnerName, webOrderId })
      : t('setup.footer', { partnerName, webOrderId }),
  });
}

function paragraph(text: string): EmailBlock {
  return { kind: 'paragraph', text };
}
