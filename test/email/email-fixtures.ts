import type { Language, TemplateInput } from '../../src/email/index.js';

/** The provisioning contact, later the customer admin. */
export const CONTACT = { name: 'Maria Rossi', email: 'maria.rossi@customer.example' };

/** One input per template, in the given language; override any field. */
export function provisioningInput(
  language: Language,
  overrides: Partial<TemplateInput<'provisioning'>> = {},
): TemplateInput<'provisioning'> {
  return {
    template: 'provisioning',
    language,
    to: CONTACT,
    webOrderId: 'W-1001',
    endCustomerName: 'Acme Industries',
    partnerName: 'Northwind Partners',
    lines: [
      { subscriptionId: 'Sub1001', offerCode: 'A-FLEX', offerName: 'Business Suite', quantity: 25 },
      { subscriptionId: 'Sub1002', offerCode: 'A-FLEX-3', offerName: 'Secure Backup', quantity: 1 },
    ],
    secrets: { setupUrl: 'https://onramp.example/setup/tok_4f9a2c' },
    deadline: '2026-12-02T09:00:00.000Z',
    helpUrl: 'https://onramp.example/help/setup',
    senderAddress: 'noreply@onramp.example',
    resend: false,
    ...overrides,
  };
}

export function reminderInput(language: Language, daysLeft: number): TemplateInput<'reminder'> {
  const { resend: _resend, ...rest } = provisioningInput(language);
  return { ...rest, template: 'reminder', daysLeft };
}

export function lineClosedInput(language: Language): TemplateInput<'line-closed'> {
  return {
    template: 'line-closed',
    language,
    to: { name: 'Paolo Bianchi', email: 'paolo@northwind.example' },
    webOrderId: 'W-1001',
    endCustomerName: 'Acme Industries',
    subscriptionId: 'Sub1002',
    offerName: 'Secure Backup',
    contactEmail: CONTACT.email,
    subscriptionsPageUrl: 'https://onramp.example/partner/subscriptions?order=W-1001',
  };
}

export function welcomeInput(language: Language): TemplateInput<'welcome'> {
  return {
    template: 'welcome',
    language,
    to: CONTACT,
    organizationName: 'Acme Industries',
    dataRegion: 'EU',
    secrets: { setPasswordUrl: 'https://onramp.example/password/pw_81bd' },
    adminPortalUrl: 'https://admin.onramp.example/',
    passwordLinkExpiresAt: '2026-11-26T14:30:00.000Z',
  };
}

export function supportNoticeInput(
  language: Language,
  event: 'created' | 'replied' | 'resolved',
  body?: string,
): TemplateInput<'support-notice'> {
  return {
    template: 'support-notice',
    language,
    to: CONTACT,
    caseId: 'CASE-42',
    secrets: { caseUrl: 'https://onramp.example/support/cases/CASE-42' },
    event,
    ...(body === undefined ? {} : { body }),
  };
}

/** A digest with one line closing soon and one whose e-mail bounced; `more` of each unlisted. */
export function dailyDigestInput(language: Language, more = 0): TemplateInput<'daily-digest'> {
  const line = {
    webOrderId: 'W-1001',
    endCustomerName: 'Acme Industries',
    offerName: 'Business Suite',
    contactEmail: CONTACT.email,
  };
  return {
    template: 'daily-digest',
    language,
    to: { name: 'Paolo Bianchi', email: 'paolo@northwind.example' },
    closingSoon: [
      {
        ...line,
        subscriptionId: 'Sub1001',
        closesAt: '2026-12-04T09:00:00.000Z',
        url: 'https://onramp.example/subscriptions/Sub1001',
      },
    ],
    deliveryProblems: [
      {
        ...line,
        subscriptionId: 'Sub1002',
        sendStatus: 'bounced',
        url: 'https://onramp.example/subscriptions/Sub1002',
      },
    ],
    moreClosingSoon: more,
    moreDeliveryProblems: 0,
    withinDays: 3,
    closingSoonUrl: 'https://onramp.example/subscriptions?closingWithinDays=3',
    deliveryProblemsUrl: 'https://onramp.example/subscriptions?deliveryProblem=true',
    accountUrl: 'https://onramp.example/settings/account',
  };
}

export function bounceNoticeInput(language: Language): TemplateInput<'bounce-notice'> {
  return {
    template: 'bounce-notice',
    language,
    to: { name: 'Paolo Bianchi', email: 'paolo@northwind.example' },
    webOrderId: 'W-1001',
    endCustomerName: 'Acme Industries',
    bouncedAddress: CONTACT.email,
    lines: [{ subscriptionId: 'Sub1001', offerName: 'Business Suite' }],
    detail: '550 5.1.1 user unknown',
    orderUrl: 'https://onramp.example/orders/ord_1',
  };
}
