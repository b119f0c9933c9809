import { isDataRegion } from '../domain/data-region.js';
import { createEmailDocument, type EmailDocument } from './email-document.js';
import { emailTranslator, formatEmailDateTime } from './email-i18n.js';
import type { TemplateInput } from './email-types.js';

/** Sent to the new customer admin once the setup is confirmed (PONR). */
export function composeWelcomeEmail(input: TemplateInput<'welcome'>, brand: string): EmailDocument {
  const { language: lng, organizationName } = input;
  const t = emailTranslator(lng, brand);
  // The region's name in the reader's language; a region the catalogue does not know, as stored.
  const known = isDataRegion(input.dataRegion);
  const dataRegion = known ? t(`welcome.region.${input.dataRegion}`) : input.dataRegion;
  return createEmailDocument(lng, brand, input.to, {
    subject: t('welcome.subject', { organizationName }),
    heading: t('welcome.heading'),
    blocks: [
      { kind: 'paragraph', text: t('welcome.intro') },
      {
        kind: 'facts',
        rows: [
          { label: t('welcome.organization'), value: organizationName },
          { label: t('welcome.dataRegion'), value: dataRegion },
        ],
      },
      {
        kind: 'paragraph',
        text: t('welcome.setPassword', { expiresAt: formatEmailDateTime(lng, input.passwordLinkExpiresAt) }),
      },
      { kind: 'button', label: t('welcome.button'), url: input.secrets.setPasswordUrl },
      { kind: 'link', text: t('welcome.adminPortal'), url: input.adminPortalUrl },
    ],
    footer: t('welcome.footer', { organizationName }),
  });
}
