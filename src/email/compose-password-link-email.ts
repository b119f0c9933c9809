import { createEmailDocument, type EmailDocument } from './email-document.js';
import { emailTranslator, formatEmailDateTime } from './email-i18n.js';
import type { TemplateInput } from './email-types.js';

/** A single-use set-password link: the first operator's, or password recovery. */
export function composePasswordLinkEmail(
  input: TemplateInput<'password-link'>,
  brand: string,
): EmailDocument {
  const { language: lng, purpose } = input;
  const t = emailTranslator(lng, brand);
  return createEmailDocument(lng, brand, input.to, {
    subject: t(`passwordLink.${purpose}.subject`),
    heading: t(`passwordLink.${purpose}.heading`),
    blocks: [
      { kind: 'paragraph', text: t(`passwordLink.${purpose}.intro`) },
      {
        kind: 'paragraph',
        text: t('passwordLink.choose', { expiresAt: formatEmailDateTime(lng, input.expiresAt) }),
      },
      { kind: 'button', label: t('passwordLink.button'), url: input.secrets.setPasswordUrl },
    ],
    footer: t('passwordLink.footer'),
  });
}
