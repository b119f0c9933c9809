import { createEmailDocument, type EmailBlock, type EmailDocument } from './email-document.js';
import { emailTranslator } from './email-i18n.js';
import type { TemplateInput } from './email-types.js';

/** A short notice that a support case was created, answered or resolved. */
export function composeSupportNoticeEmail(
  input: TemplateInput<'support-notice'>,
  brand: string,
): EmailDocument {
  const { language: lng, caseId, event } = input;
  const t = emailTranslator(lng, brand);
  const subject = t(`supportNotice.${event}.subject`, { caseId });
  const quote: EmailBlock[] = input.body?.trim() ? [{ kind: 'quote', text: input.body.trim() }] : [];
  return createEmailDocument(lng, brand, input.to, {
    subject,
    heading: subject,
    blocks: [
      { kind: 'paragraph', text: t(`supportNotice.${event}.intro`, { caseId }) },
      ...quote,
      { kind: 'button', label: t('supportNotice.button'), url: input.secrets.caseUrl },
    ],
    footer: t('supportNotice.footer', { caseId }),
  });
}
