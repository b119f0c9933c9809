import { composeInvitationEmail } from './compose-invitation-email.js';
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

/** Renders one e-mail in the recipient's language: subject, HTML and plain-text alternative. */
export function renderEmail(input: EmailInput): RenderedEmail {
  const doc = composeEmail(input);
  return {
    // A subject is one header line, whatever a partner typed into a name.
    subject: doc.subject.replace(/\s+/g, ' ').trim(),
    html: renderEmailHtml(doc),
    text: renderEmailText(doc),
  };
}

function composeEmail(input: EmailInput): EmailDocument {
  switch (input.template) {
    case 'provisioning':
    case 'reminder':
      return composeProvisioningEmail(input);
    case 'line-closed':
      return composeLineClosedEmail(input);
    case 'welcome':
      return composeWelcomeEmail(input);
    case 'invitation':
      return composeInvitationEmail(input);
    case 'password-link':
      return composePasswordLinkEmail(input);
    case 'support-notice':
      return composeSupportNoticeEmail(input);
  }
}
