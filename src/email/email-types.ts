/**
 * What the e-mail module is asked to render and what it hands back. Pure data.
 *
 * Each template's input is a zod schema and its type is inferred from it: the outbox stores the
 * input and parses it again when a worker claims the row, so the type the code is checked against
 * and the shape the worker accepts cannot drift apart.
 *
 * Link secrets (a setup, password, invitation or case link carries its token) live in the input's
 * `secrets` part and nowhere else: the dispatcher drops that part once the row is finished, so a
 * new template with a link is scrubbed without anyone remembering a list of field names.
 */
import { z } from 'zod';

import { type Language, LANGUAGES } from '../domain/types.js';

/** Language of the recipient; every e-mail exists in each. */
const languageSchema = z.enum(LANGUAGES);
export type { Language };

/** A recipient: display name and address. */
const personSchema = z.object({ name: z.string(), email: z.string() });
export type Person = z.infer<typeof personSchema>;

/** An instant as `Date.toISOString()` writes it. */
const instantSchema = z.iso.datetime({ offset: true });

/** One subscription line of an order, as the e-mail shows it. */
const emailLineSchema = z.object({
  /** `Sub` + digits. */
  subscriptionId: z.string(),
  offerCode: z.string(),
  offerName: z.string(),
  quantity: z.number(),
});
export type EmailLine = z.infer<typeof emailLineSchema>;

/** Fields the provisioning e-mail and its reminder share. */
const setupLinkFields = {
  language: languageSchema,
  /** The provisioning contact. */
  to: personSchema,
  webOrderId: z.string(),
  endCustomerName: z.string(),
  partnerName: z.string(),
  lines: z.array(emailLineSchema),
  secrets: z.object({
    /** The one-time setup link, token included. */
    setupUrl: z.url(),
  }),
  /** ISO instant until which the link works: the line's close while it is open, never after the link's expiry. */
  deadline: instantSchema,
  helpUrl: z.url(),
  /** The From address the contact's IT should allow-list. */
  senderAddress: z.string(),
  /** The colleague who handed the setup to this contact (a delegation), when one did. */
  delegatedBy: z.string().optional(),
};

/** One line the daily digest lists, with the direct link to its page. */
const digestLineSchema = z.object({
  /** `Sub` + digits. */
  subscriptionId: z.string(),
  webOrderId: z.string(),
  endCustomerName: z.string(),
  offerName: z.string(),
  /** The provisioning contact's address (the one that bounced, for a delivery problem). */
  contactEmail: z.string(),
  /** Closing soon: the instant the line closes. */
  closesAt: instantSchema.optional(),
  /** A delivery problem: the newest provisioning e-mail's status. */
  sendStatus: z.enum(['bounced', 'failed']).optional(),
  /** The line's page, absolute (PUBLIC_URL). */
  url: z.url(),
});
export type DigestLine = z.infer<typeof digestLineSchema>;

export const emailInputSchema = z.discriminatedUnion('template', [
  z.object({
    template: z.literal('provisioning'),
    ...setupLinkFields,
    /** True when this send replaces an earlier one whose link no longer works. */
    resend: z.boolean(),
  }),
  z.object({ template: z.literal('reminder'), ...setupLinkFields, daysLeft: z.number().int() }),
  z.object({
    template: z.literal('line-closed'),
    language: languageSchema,
    /** The partner user who placed the order. */
    to: personSchema,
    webOrderId: z.string(),
    endCustomerName: z.string(),
    subscriptionId: z.string(),
    offerName: z.string(),
    /** E-mail of the provisioning contact who did not complete the setup. */
    contactEmail: z.string(),
    subscriptionsPageUrl: z.url(),
  }),
  z.object({
    template: z.literal('daily-digest'),
    language: languageSchema,
    /** The person who placed the orders, or a partner admin when the placer is deactivated. */
    to: personSchema,
    /** Open lines closing within the digest's horizon, earliest first (at most DIGEST_LIST_MAX). */
    closingSoon: z.array(digestLineSchema),
    /** Lines whose newest provisioning e-mail bounced or failed (at most DIGEST_LIST_MAX). */
    deliveryProblems: z.array(digestLineSchema),
    /** How many more of each the e-mail does not list; the Subscriptions page filtered shows them all. */
    moreClosingSoon: z.number().int(),
    moreDeliveryProblems: z.number().int(),
    /** Days ahead counted as "closing soon". */
    withinDays: z.number().int(),
    closingSoonUrl: z.url(),
    deliveryProblemsUrl: z.url(),
    /** The account page, where the digest is turned off. */
    accountUrl: z.url(),
  }),
  z.object({
    template: z.literal('bounce-notice'),
    language: languageSchema,
    /** The person who placed the order, or a partner admin when the placer is deactivated. */
    to: personSchema,
    webOrderId: z.string(),
    endCustomerName: z.string(),
    /** The provisioning contact's address that bounced. */
    bouncedAddress: z.string(),
    /** The lines the bounced e-mail was about. */
    lines: z.array(z.object({ subscriptionId: z.string(), offerName: z.string() })),
    /** The mail provider's words, when it gave some. */
    detail: z.string().nullable(),
    /** The order's page, where the contact is changed (absolute). */
    orderUrl: z.url(),
  }),
  z.object({
    template: z.literal('welcome'),
    language: languageSchema,
    /** The new customer admin. */
    to: personSchema,
    organizationName: z.string(),
    dataRegion: z.string(),
    secrets: z.object({ setPasswordUrl: z.url() }),
    adminPortalUrl: z.url(),
    /** ISO instant after which the set-password link stops working. */
    passwordLinkExpiresAt: instantSchema,
  }),
  z.object({
    template: z.literal('invitation'),
    language: languageSchema,
    /** The invited address (the name is not known yet: it is the address). */
    to: personSchema,
    /** Who invited, "Name" and their organization. */
    invitedByName: z.string(),
    organizationName: z.string(),
    /** The role's label in the recipient's language is looked up from this key. */
    role: z.string(),
    secrets: z.object({
      /** The accept link, token included. */
      invitationUrl: z.url(),
    }),
    /** ISO instant after which the link stops working. */
    expiresAt: instantSchema,
  }),
  z.object({
    template: z.literal('password-link'),
    language: languageSchema,
    to: personSchema,
    /** bootstrap: the platform's first operator; reset: "Forgot password?". */
    purpose: z.enum(['bootstrap', 'reset']),
    secrets: z.object({ setPasswordUrl: z.url() }),
    /** ISO instant after which the link stops working. */
    expiresAt: instantSchema,
  }),
  z.object({
    template: z.literal('support-notice'),
    language: languageSchema,
    to: personSchema,
    caseId: z.string(),
    secrets: z.object({
      /** A provisioning contact's link carries the case's access key. */
      caseUrl: z.url(),
    }),
    event: z.enum(['created', 'replied', 'resolved', 'closed']),
    /** The reply or resolution text, quoted in the e-mail. */
    body: z.string().optional(),
    /** Resolved or closed: until when (ISO) a reply on the case page reopens it. */
    reopenableUntil: z.string().optional(),
  }),
  z.object({
    template: z.literal('join-request'),
    language: languageSchema,
    /** One administrator of the organization. */
    to: personSchema,
    /** The provisioning contact asking to join. */
    contact: personSchema,
    organizationName: z.string(),
    webOrderId: z.string(),
    endCustomerName: z.string(),
    partnerName: z.string(),
    lines: z.array(emailLineSchema),
    secrets: z.object({
      /** The administrator's single-use link, token included; each opens a page with a button. */
      approveUrl: z.url(),
      declineUrl: z.url(),
    }),
    /** ISO instant when the request expires unanswered. */
    expiresAt: instantSchema,
    /** True for the reminder sent before the request expires. */
    reminder: z.boolean(),
  }),
  z.object({
    template: z.literal('join-request-outcome'),
    language: languageSchema,
    /** The provisioning contact who asked to join. */
    to: personSchema,
    organizationName: z.string(),
    webOrderId: z.string(),
    /** Approval maps the order and sends the welcome e-mail instead. */
    outcome: z.enum(['declined', 'expired']),
  }),
]);

export type EmailInput = z.infer<typeof emailInputSchema>;

export type EmailTemplate = EmailInput['template'];

export interface RenderedEmail {
  subject: string;
  html: string;
  /** Plain-text alternative with the same content and every URL in full. */
  text: string;
}

/** The input of one template, e.g. `TemplateInput<'welcome'>`. */
export type TemplateInput<T extends EmailTemplate> = Extract<EmailInput, { template: T }>;

/** What a caller fills in for template `T`: its input without the tag (see `enqueueEmail`). */
export type TemplateFields<T extends EmailTemplate> = T extends EmailTemplate
  ? Omit<TemplateInput<T>, 'template'>
  : never;
