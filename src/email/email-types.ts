/**
 * What the e-mail module is asked to render and what it hands back. Pure data.
 */
import type { Language } from '../domain/types.js';

/** Language of the recipient; every e-mail exists in each. */
export type { Language };

/** A recipient: display name and address. */
export interface Person {
  name: string;
  email: string;
}

/** One subscription line of an order, as the e-mail shows it. */
export interface EmailLine {
  /** `Sub` + digits. */
  subscriptionId: string;
  offerCode: string;
  offerName: string;
  quantity: number;
}

/** Fields the provisioning e-mail and its reminder share. */
interface SetupLinkEmail {
  language: Language;
  /** The provisioning contact. */
  to: Person;
  webOrderId: string;
  endCustomerName: string;
  partnerName: string;
  lines: EmailLine[];
  /** The one-time setup link, token included. */
  setupUrl: string;
  /** ISO instant at which the line closes if the setup is not done. */
  deadline: string;
  helpUrl: string;
  /** The From address the contact's IT should allow-list. */
  senderAddress: string;
}

export type EmailInput =
  | (SetupLinkEmail & {
      template: 'provisioning';
      /** True when this send replaces an earlier one whose link no longer works. */
      resend: boolean;
    })
  | (SetupLinkEmail & { template: 'reminder'; daysLeft: number })
  | {
      template: 'line-closed';
      language: Language;
      /** The partner user who placed the order. */
      to: Person;
      webOrderId: string;
      endCustomerName: string;
      subscriptionId: string;
      offerName: string;
      /** E-mail of the provisioning contact who did not complete the setup. */
      contactEmail: string;
      subscriptionsPageUrl: string;
    }
  | {
      template: 'welcome';
      language: Language;
      /** The new customer admin. */
      to: Person;
      organizationName: string;
      dataRegion: string;
      setPasswordUrl: string;
      adminPortalUrl: string;
      /** ISO instant after which the set-password link stops working. */
      passwordLinkExpiresAt: string;
    }
  | {
      template: 'invitation';
      language: Language;
      /** The invited address (the name is not known yet: it is the address). */
      to: Person;
      /** Who invited, "Name" and their organization. */
      invitedByName: string;
      organizationName: string;
      /** The role's label in the recipient's language is looked up from this key. */
      role: string;
      /** The accept link, token included. */
      invitationUrl: string;
      /** ISO instant after which the link stops working. */
      expiresAt: string;
    }
  | {
      template: 'password-link';
      language: Language;
      to: Person;
      /** bootstrap: the platform's first operator; reset: "Forgot password?". */
      purpose: 'bootstrap' | 'reset';
      setPasswordUrl: string;
      /** ISO instant after which the link stops working. */
      expiresAt: string;
    }
  | {
      template: 'support-notice';
      language: Language;
      to: Person;
      caseId: string;
      caseUrl: string;
      event: 'created' | 'replied' | 'resolved';
      /** The reply or resolution text, quoted in the e-mail. */
      body?: string;
    };

export type EmailTemplate = EmailInput['template'];

export interface RenderedEmail {
  subject: string;
  html: string;
  /** Plain-text alternative with the same content and every URL in full. */
  text: string;
}

/** The input of one template, e.g. `TemplateInput<'welcome'>`. */
export type TemplateInput<T extends EmailTemplate> = Extract<EmailInput, { template: T }>;
