import { DEFAULT_BRAND_NAME } from '../domain/display-name.js';
import { composeBounceNoticeEmail } from './compose-bounce-notice-email.js';
import { composeDailyDigestEmail } from './compose-daily-digest-email.js';
import { composeInvitationEmail } from './compose-invitation-email.js';
import { composeJoinRequestEmail, composeJoinRequestOutcomeEmail } from './compose-join-request-email.js';
import { composeLineClosedEmail } from './compose-line-closed-email.js';
import { composePasswordLinkEmail } from './compose-password-link-email.js';
import { composeProvisioningEmail } from './compose-provisioning-email.js';
import { composeSupportNoticeEmail } from './compose-support-notice-email.js';
import { composeWelcomeEmail } from './compose-welcome-email.js';
import type { EmailDocument } from './email-document.js';
import type { EmailInput, RenderedEmail } from './email-types.js';
import { renderEmailHtml } from './render-email-html.js';
import { renderEmailText } from './render-email-text.js';

export type { EmailInput, EmailLine, Language, Person, RenderedEmail } from './email-types.js';

/** What the installation adds to every e-mail, whatever its template. */
export interface EmailOptions {
  /** BRAND_NAME: the product's name in the header, the subjects and the signature. */
  brand: string;
}

/**
 * Renders one e-mail in the recipient's language: subject, HTML and plain-text alternative. The
 * brand is the installation's (settings), not the message's: it is not stored in the outbox.
 */
export function renderEmail(
  input: EmailInput,
  options: EmailOptions = { brand: DEFAULT_BRAND_NAME },
): RenderedEmail {
  const doc = composeEmail(input, options.brand);
  return {
    // A subject is one header line, whatever a partner typed into a name.
    subject: doc.subject.replace(/\s+/g, ' ').trim(),
    html: renderEmailHtml(doc),
    text: renderEmailText(doc),
  };
}

function composeEmail(input: EmailInput, brand: string): EmailDocument {
  switch (input.template) {
    case 'provisioning':
    case 'reminder':
      return composeProvisioningEmail(input, brand);
    case 'line-closed':
      return composeLineClosedEmail(input, brand);
    case 'daily-digest':
      return composeDailyDigestEmail(input, brand);
    case 'bounce-notice':
      return composeBounceNoticeEmail(input, brand);
    case 'welcome':
      return composeWelcomeEmail(input, brand);
    case 'invitation':
      return composeInvitationEmail(input, brand);
    case 'password-link':
      return composePasswordLinkEmail(input, brand);
    case 'support-notice':
      return composeSupportNoticeEmail(input, brand);
    case 'join-request':
      return composeJoinRequestEmail(input, brand);
    case 'join-request-outcome':
      return composeJoinRequestOutcomeEmail(input, brand);
  }
}
