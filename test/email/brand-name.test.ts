/**
 * BRAND_NAME: the installation's name replaces "Onramp" in the e-mails' header, subjects and
 * signature, in both languages; the default stays "Onramp". The worker, the pages and the API:
 * test/web/brand-name-pages.test.ts.
 */
import { describe, expect, it } from 'vitest';

import { ConfigError, loadConfig } from '../../src/config.js';
import { type EmailInput, type Language, renderEmail } from '../../src/email/index.js';
import { provisioningInput, supportNoticeInput, welcomeInput } from './email-fixtures.js';

const BRAND = 'Acme Cloud';
const CONTACT = { name: 'Irene Conti', email: 'irene@initech.example' };

function passwordLinkInput(language: Language, purpose: 'bootstrap' | 'reset'): EmailInput {
  return {
    template: 'password-link',
    language,
    to: CONTACT,
    purpose,
    secrets: { setPasswordUrl: 'https://cloud.acme.example/password/pw_1' },
    expiresAt: '2026-12-02T09:00:00.000Z',
  };
}

function invitationInput(language: Language): EmailInput {
  return {
    template: 'invitation',
    language,
    to: { name: CONTACT.email, email: CONTACT.email },
    invitedByName: 'Paola Verdi',
    organizationName: 'Initech Srl',
    role: 'partner_user',
    secrets: { invitationUrl: 'https://cloud.acme.example/invitations/inv_1' },
    expiresAt: '2026-12-08T09:00:00.000Z',
  };
}

describe('BRAND_NAME in the e-mails', () => {
  it.each([
    [
      'en',
      'Your Acme Cloud organization Acme Industries is ready',
      'Welcome to Acme Cloud',
      'The Acme Cloud team',
    ],
    [
      'it',
      'La Sua organizzazione Acme Industries su Acme Cloud è pronta',
      'Le diamo il benvenuto in Acme Cloud',
      'Il team di Acme Cloud',
    ],
  ] as const)(
    'the welcome e-mail in %s: subject, heading, header and signature',
    (language, subject, heading, team) => {
      const email = renderEmail(welcomeInput(language), { brand: BRAND });
      expect(email.subject).toBe(subject);
      for (const body of [email.html, email.text]) {
        expect(body).toContain(heading);
        expect(body).toContain(team);
        expect(body).not.toContain('Onramp');
      }
      // The header line above the heading.
      expect(email.html).toMatch(/<p [^>]*>Acme Cloud<\/p>/);
    },
  );

  it.each(['en', 'it'] as const)('every template in %s names the brand and never "Onramp"', (language) => {
    const inputs: EmailInput[] = [
      provisioningInput(language),
      welcomeInput(language),
      supportNoticeInput(language, 'created'),
      passwordLinkInput(language, 'bootstrap'),
      passwordLinkInput(language, 'reset'),
      invitationInput(language),
    ];
    for (const input of inputs) {
      const email = renderEmail(input, { brand: BRAND });
      expect(email.text, input.template).toContain(
        language === 'en' ? 'The Acme Cloud team' : 'Il team di Acme Cloud',
      );
      expect(`${email.subject}\n${email.html}\n${email.text}`, input.template).not.toContain('Onramp');
    }
    expect(renderEmail(passwordLinkInput(language, 'reset'), { brand: BRAND }).subject).toBe(
      language === 'en' ? 'Reset your Acme Cloud password' : 'Reimposti la password di Acme Cloud',
    );
    expect(renderEmail(invitationInput(language), { brand: BRAND }).subject).toBe(
      language === 'en'
        ? 'Paola Verdi invited you to Initech Srl on Acme Cloud'
        : 'Paola Verdi La invita in Initech Srl su Acme Cloud',
    );
  });

  it('is "Onramp" when BRAND_NAME is not set', () => {
    expect(renderEmail(welcomeInput('en')).subject).toBe('Your Onramp organization Acme Industries is ready');
    expect(renderEmail(welcomeInput('it')).text).toContain('Il team di Onramp');
  });
});

describe('BRAND_NAME in the configuration', () => {
  it('defaults to Onramp, is trimmed, and refuses what no name may hold', () => {
    expect(loadConfig({}).brandName).toBe('Onramp');
    expect(loadConfig({ BRAND_NAME: '  Acme Cloud ' }).brandName).toBe(BRAND);
    for (const bad of ['Acme\r\nBcc: x@evil.example', '<b>Acme</b>', 'Acme \u202Eduolc', 'x'.repeat(61)]) {
      expect(() => loadConfig({ BRAND_NAME: bad }), bad).toThrow(ConfigError);
      try {
        loadConfig({ BRAND_NAME: bad });
      } catch (e) {
        expect((e as ConfigError).issues.map((i) => i.variable)).toEqual(['BRAND_NAME']);
      }
    }
  });
});
