import { REOPEN_WINDOW_DAYS } from '../domain/support-case-thread.js';
import { formatDeadline } from '../i18n/format-deadline.js';
import { createEmailDocument, type EmailBlock, type EmailDocument } from './email-document.js';
import { emailTranslator } from './email-i18n.js';
import type { TemplateInput } from './email-types.js';

/**
 * A notice that a support case was created, answered, resolved or closed. An agent's reply is
 * quoted in full (the renderers escape it, HTML and plain text alike) with the case link; an
 * answer is written on the case page, and a resolved or closed case says until when a reply
 * there reopens it.
 */
export function composeSupportNoticeEmail(
  input: TemplateInput<'support-notice'>,
  brand: string,
): EmailDocument {
  const { language: lng, caseId, event } = input;
  const t = emailTranslator(lng, brand);
  const subject = t(`supportNotice.${event}.subject`, { caseId });
  const body = input.body?.trim();
  const quote: EmailBlock[] = body
    ? [
        { kind: 'paragraph', text: t('supportNotice.replyLead') },
        { kind: 'quote', text: body },
      ]
    : [];
  const closing = event === 'resolved' || event === 'closed';
  const hint: EmailBlock[] =
    closing && input.reopenableUntil
      ? [
          {
            kind: 'paragraph',
            text: t('supportNotice.reopenHint', {
              days: REOPEN_WINDOW_DAYS,
              until: formatDeadline(lng, input.reopenableUntil),
            }),
          },
        ]
      : event === 'replied'
        ? [{ kind: 'paragraph', text: t('supportNotice.answerHint') }]
        : [];
  return createEmailDocument(lng, brand, input.to, {
    subject,
    heading: subject,
    blocks: [
      { kind: 'paragraph', text: t(`supportNotice.${event}.intro`, { caseId }) },
      ...quote,
      ...hint,
      { kind: 'button', label: t('supportNotice.button'), url: input.secrets.caseUrl },
    ],
    footer: t('supportNotice.footer', { caseId }),
  });
}
