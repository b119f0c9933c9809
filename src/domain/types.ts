/**
 * Glossary types of Onramp (see docs/architecture.md). Pure data, no behaviour beyond narrowing.
 */

/** The languages of the UI, the e-mails and provisioning contacts. */
export const LANGUAGES = ['en', 'it'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Narrows an untrusted value (query, cookie, header, form field) to a language we speak. */
export function isLanguage(value: unknown): value is Language {
  return (LANGUAGES as readonly unknown[]).includes(value);
}

/** How each language writes dates and numbers (British English, not American). */
export const INTL_LOCALES: Record<Language, string> = { en: 'en-GB', it: 'it-IT' };

/** Each language's name in itself, for language pickers: the same whatever the page speaks. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', it: 'Italiano' };

/** A tenant; 'operator' is the company running Onramp (its support agents). */
export type OrganizationKind = 'partner' | 'distributor' | 'customer' | 'operator';

export type Role =
  | 'partner_user'
  | 'partner_admin'
  | 'distributor_user'
  | 'distributor_admin'
  | 'support_agent'
  | 'operator'
  | 'customer_admin';
export const ROLES: readonly Role[] = [
  'partner_user',
  'partner_admin',
  'distributor_user',
  'distributor_admin',
  'support_agent',
  'operator',
  'customer_admin',
];

export interface Actor {
  userId: string;
  name: string;
  email: string;
  role: Role;
  /** The organization the user belongs to. */
  organizationId: string;
  language: Language;
}

/** Name, e-mail and language of the person who receives the setup link. */
export interface ProvisioningContact {
  name: string;
  email: string;
  language: Language;
}

/** Line states. `closed` lines that were never set up carry `pendingProvisioning`. */
export const LINE_STATUSES = [
  'booked',
  'awaiting_provisioning_details',
  'provisioned',
  'closed',
  'cancelled',
] as const;
export type LineStatus = (typeof LINE_STATUSES)[number];

/** The part of a subscription line the state machine reasons about. */
export interface LineState {
  status: LineStatus;
  /** "Provisioning still pending": closed by policy, never set up. */
  pendingProvisioning: boolean;
  offerCode: string;
  /** The policy period (days after the first e-mail until it closes) the line was ordered with. */
  policyDays: number;
  /** First instant the provisioning e-mail is due (RSD at the configured hour, UTC). */
  rsdAt: Date;
  /** When the first provisioning e-mail was queued; the policy period counts from here. */
  firstEmailAt: Date | null;
  /** How many reminders have been queued so far. */
  remindersSent: number;
  /** Set once the order is mapped to a customer organization: the point of no return. */
  mappedAt: Date | null;
}

/**
 * Which delivery state a provisioning e-mail send is in: `queued` (in the outbox, possibly held
 * back by the address cap: "waiting"), `sent` (accepted by the mail server; a provider's
 * "delivered" report keeps it so), `failed`, `bounced`, `superseded` (a newer link replaced it
 * before it went out), `withdrawn` (the order was set up before it went out).
 */
export const SEND_STATUSES = ['queued', 'sent', 'failed', 'bounced', 'superseded', 'withdrawn'] as const;
export type SendStatus = (typeof SEND_STATUSES)[number];

/** Why a provisioning e-mail was sent. */
export const SEND_REASONS = ['rsd', 'resend', 'contact_change', 'reminder'] as const;
export type SendReason = (typeof SEND_REASONS)[number];
