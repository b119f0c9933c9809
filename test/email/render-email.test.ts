import { describe, expect, it } from 'vitest';

import { type EmailInput, type Language, type RenderedEmail, renderEmail } from '../../src/email/index.js';
import {
  bounceNoticeInput,
  dailyDigestInput,
  lineClosedInput,
  provisioningInput,
  reminderInput,
  supportNoticeInput,
  welcomeInput,
} from './email-fixtures.js';

const LANGUAGES: Language[] = ['en', 'it'];

/** Every URL the HTML links to, with attribute escaping undone. */
function hrefs(html: string): string[] {
  return [...html.matchAll(/href="([^"]*)"/g)].map((m) => (m[1] ?? '').replaceAll('&amp;', '&'));
}

function urlsInText(text: string): string[] {
  return [...text.matchAll(/https?:\/\/\S+/g)].map((m) => m[0]);
}

function expectWellFormedEmail(email: RenderedEmail, input: EmailInput): void {
  expect(email.html).toMatch(new RegExp(`^<!DOCTYPE html><html lang="${input.language}"`));
  expect(email.html).toContain(`<title>${email.subject}</title>`);
  expect(email.html).not.toMatch(/<(script|style|img|link)\b/i);
  expect(email.html).toContain(`<h1 `);
  // Layout tables are presentation; only a data table (with a caption) may omit the role.
  for (const table of email.html.match(/<table[^>]*>(<caption)?/g) ?? []) {
    if (!table.endsWith('<caption')) expect(table).toContain('role="presentation"');
  }
  // The plain text carries every link of the HTML, in full, and no other.
  expect(new Set(urlsInText(email.text))).toEqual(new Set(hrefs(email.html)));
  expect(email.text).not.toMatch(/<[a-z]/i);
  expect(email.subject).not.toMatch(/\n/);
}

describe('renderEmail: provisioning', () => {
  it.each([
    [
      'en',
      'Provisioning information required for order W-1001',
      '2 December 2026, 09:00 UTC',
      'Set up your service',
    ],
    [
      'it',
      'Informazioni richieste per l’attivazione dell’ordine W-1001',
      '2 dicembre 2026, 09:00 UTC',
      'Configura il servizio',
    ],
  ] as const)('renders in %s', (language, subject, deadline, button) => {
    const input = provisioningInput(language);
    const email = renderEmail(input);

    expect(email.subject).toBe(subject);
    expectWellFormedEmail(email, input);
    for (const body of [email.html, email.text]) {
      expect(body).toContain(input.secrets.setupUrl);
      expect(body).toContain(deadline);
      expect(body).toContain(input.helpUrl);
      expect(body).toContain('noreply@onramp.example');
      expect(body).toContain('Sub1001');
      expect(body).toContain('Business Suite (A-FLEX)');
      expect(body).toContain('Northwind Partners');
    }
    // A real link styled as a button, then the same URL in full for copying.
    expect(email.html).toMatch(
      new RegExp(`<a href="${input.secrets.setupUrl}" style="[^"]*display:inline-block[^"]*">${button}</a>`),
    );
    expect(hrefs(email.html).filter((url) => url === input.secrets.setupUrl)).toHaveLength(2);
    expect(email.html).toContain(`>${input.secrets.setupUrl}</a>`);
    expect(email.html).toContain('<th scope="col"');
    expect(email.text).toContain(`${button}:\n${input.secrets.setupUrl}`);
  });

  it('says the sender to allow-list and greets the contact in English', () => {
    const { html, text } = renderEmail(provisioningInput('en'));
    expect(text).toContain('Hello Maria Rossi,');
    expect(text).toContain('ask your IT administrator to allow noreply@onramp.example');
    expect(html).toContain('Please complete the setup by 2 December 2026, 09:00 UTC.');
    expect(text).toContain('- Subscription: Sub1001\n  Offer: Business Suite (A-FLEX)\n  Quantity: 25');
  });

  it('says so when it replaces an earlier e-mail, whose link still works', () => {
    const note = 'The link in that e-mail also still works';
    expect(renderEmail(provisioningInput('en', { resend: true })).text).toContain(note);
    expect(renderEmail(provisioningInput('en', { resend: false })).text).not.toContain(note);
    expect(renderEmail(provisioningInput('it', { resend: true })).html).toContain('resta valido');
  });

  it('escapes a hostile end-customer name in the HTML and keeps it verbatim in the text', () => {
    const hostile = '<script>alert("x")</script> & <img src=x onerror=alert(1)>';
    const { html, text } = renderEmail(provisioningInput('en', { endCustomerName: hostile }));
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img');
    expect(text).toContain(`Set up the subscriptions for ${hostile}`);
  });

  it('does not interpret i18next syntax inside values', () => {
    const { text } = renderEmail(
      provisioningInput('en', { endCustomerName: '{{partnerName}} $t(common.brand)' }),
    );
    expect(text).toContain('for {{partnerName}} $t(common.brand)');
  });

  it('keeps the subject on one line', () => {
    const { subject } = renderEmail(provisioningInput('en', { webOrderId: 'W-1\r\nBcc: x@evil.example' }));
    expect(subject).toBe('Provisioning information required for order W-1 Bcc: x@evil.example');
  });
});

describe('renderEmail: reminder', () => {
  it.each([
    ['en', 3, '3 days left to set up your service'],
    ['en', 1, '1 day left to set up your service'],
    ['en', 0, 'Last day to set up your service'],
    ['it', 3, 'Mancano 3 giorni per configurare il servizio'],
    ['it', 1, 'Manca 1 giorno per configurare il servizio'],
    ['it', 0, 'Oggi è l’ultimo giorno per configurare il servizio'],
  ] as const)('renders in %s with %i days left', (language, daysLeft, heading) => {
    const input = reminderInput(language, daysLeft);
    const email = renderEmail(input);
    expectWellFormedEmail(email, input);
    expect(email.subject).toMatch(language === 'en' ? /^Reminder: .*W-1001$/ : /^Promemoria: .*W-1001$/);
    expect(email.html).toContain(`>${heading}</h1>`);
    expect(email.text.split('\n')[0]).toBe(heading);
    expect(email.text).toContain(input.secrets.setupUrl);
    expect(email.text).toContain(language === 'en' ? '2 December 2026' : '2 dicembre 2026');
  });
});

describe('renderEmail: line-closed', () => {
  it.each([
    [
      'en',
      'Order W-1001: subscription Sub1002 closed, provisioning still pending',
      'Open the Subscriptions page',
    ],
    [
      'it',
      'Ordine W-1001: abbonamento Sub1002 chiuso, provisioning ancora in sospeso',
      'Apra la pagina Abbonamenti',
    ],
  ] as const)('renders in %s', (language, subject, button) => {
    const input = lineClosedInput(language);
    const email = renderEmail(input);
    expectWellFormedEmail(email, input);
    expect(email.subject).toBe(subject);
    expect(email.html).toContain(`>${button}</a>`);
    for (const body of [email.html.replaceAll('&amp;', '&'), email.text]) {
      expect(body).toContain(input.subscriptionsPageUrl);
      expect(body).toContain(input.contactEmail);
      expect(body).toContain('Secure Backup');
      expect(body).toContain('Paolo Bianchi');
    }
  });
});

describe('renderEmail: welcome', () => {
  it.each([
    ['en', 'Your Onramp organization Acme Industries is ready', '26 November 2026 at 14:30 UTC'],
    ['it', 'La Sua organizzazione Acme Industries su Onramp è pronta', '26 novembre 2026 alle ore 14:30 UTC'],
  ] as const)('renders in %s', (language, subject, expiresAt) => {
    const input = welcomeInput(language);
    const email = renderEmail(input);
    expectWellFormedEmail(email, input);
    expect(email.subject).toBe(subject);
    for (const body of [email.html, email.text]) {
      expect(body).toContain(input.secrets.setPasswordUrl);
      expect(body).toContain(input.adminPortalUrl);
      expect(body).toContain(expiresAt);
    }
    expect(email.text).toContain(language === 'en' ? 'Data region: EU' : 'Regione dei dati: EU');
  });
});

describe('renderEmail: support-notice', () => {
  it.each([
    ['en', 'created', 'Support case CASE-42 opened'],
    ['en', 'replied', 'New reply on support case CASE-42'],
    ['en', 'resolved', 'Support case CASE-42 resolved'],
    ['it', 'created', 'Richiesta di assistenza CASE-42 aperta'],
    ['it', 'replied', 'Nuova risposta alla richiesta di assistenza CASE-42'],
    ['it', 'resolved', 'Richiesta di assistenza CASE-42 risolta'],
  ] as const)('renders in %s when %s', (language, event, subject) => {
    const input = supportNoticeInput(language, event);
    const email = renderEmail(input);
    expectWellFormedEmail(email, input);
    expect(email.subject).toBe(subject);
    expect(email.text).toContain(input.secrets.caseUrl);
    expect(email.html).not.toContain('<blockquote');
  });

  it('quotes the reply, escaped in HTML and line by line in the text', () => {
    const email = renderEmail(supportNoticeInput('en', 'replied', 'We resent it.\n<b>Check spam</b>'));
    expect(email.html).toContain('We resent it.\n&lt;b&gt;Check spam&lt;/b&gt;</blockquote>');
    expect(email.text).toContain('> We resent it.\n> <b>Check spam</b>');
  });
});

describe('renderEmail: both languages', () => {
  it.each(LANGUAGES)('renders every template in %s with that language throughout', (language) => {
    const other = language === 'en' ? 'Gentile' : 'Hello';
    for (const input of [
      provisioningInput(language),
      reminderInput(language, 5),
      lineClosedInput(language),
      welcomeInput(language),
      supportNoticeInput(language, 'created'),
      dailyDigestInput(language),
      bounceNoticeInput(language),
    ]) {
      const { html, text } = renderEmail(input);
      expect(html).toContain(`lang="${language}"`);
      expect(text).not.toContain(other);
      expect(text).toContain(language === 'en' ? 'The Onramp team' : 'Il team di Onramp');
    }
  });
});

describe('renderEmail: the daily digest and the bounce notice', () => {
  it('links every listed line, counts the unlisted ones and links the filtered list', () => {
    const { subject, html, text } = renderEmail(dailyDigestInput('en', 25));
    expect(subject).toBe('27 subscriptions need your attention');
    expect(text).toContain('26 subscriptions close within 3 days');
    expect(text).toContain(
      'Sub1001 (Business Suite), order W-1001 for Acme Industries: closes on 4 December 2026, 09:00 UTC, contact maria.rossi@customer.example.\nhttps://onramp.example/subscriptions/Sub1001',
    );
    expect(text).toContain(
      'and 25 more: see them all on the Subscriptions page\nhttps://onramp.example/subscriptions?closingWithinDays=3',
    );
    for (const url of urlsInText(text)) expect(hrefs(html)).toContain(url);
  });

  it('names the bounced address, the mail server’s words and the order to open', () => {
    const { subject, text } = renderEmail(bounceNoticeInput('it'));
    expect(subject).toBe(
      'Ordine W-1001: l’e-mail di provisioning a maria.rossi@customer.example è stata respinta',
    );
    expect(text).toContain('Risposta del server di posta: 550 5.1.1 user unknown');
    expect(text).toContain('https://onramp.example/orders/ord_1');
  });
});
