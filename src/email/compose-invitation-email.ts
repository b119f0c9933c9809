import { createEmailDocument, type EmailDocument } from './email-document.js';
import { emailTranslator, formatEmailDateTime } from './email-i18n.js';
import type { TemplateInput } from './email-types.js';

/** Sent to an invited address: who invited, to which organization, with which role. */
export function composeInvitationEmail(input: TemplateInput<'invitation'>, brand: string): EmailDocument {
  const { language: lng, invitedByName, organizationName } = input;
  const t = emailTranslator(lng, brand);
  const roleLabel = t(`invitation.role.${input.role}`);
  return createEmailDocument(lng, brand, input.to, {
    subject: t('invitation.subject', { invitedByName, organizationName }),
    heading: t('invitation.heading', { organizationName }),
    blocks: [
      { kind: 'paragraph', text: t('invitation.intro', { invitedByName, organizationName, roleLabel }) },
      {
        kind: 'paragraph',
        text: t('invitation.accept', { expiresAt: formatEmailDateTime(lng, input.expiresAt) }),
      },
      { kind: 'button', label: t('invitation.button'), url: input.secrets.invitationUrl },
      { kind: 'paragraph', text: t('invitation.ignore') },
    ],
    footer: t('invitation.footer', { invitedByName, organizationName }),
  });
}
