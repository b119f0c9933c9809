/**
 * The line timeline (partner workspace and agent console) in words: every line event type, in
 * English and Italian, with its values and no raw action name or untranslated key; a row in a
 * shape we do not know (older data) reads as a plain sentence.
 */
import { describe, expect, it } from 'vitest';

import type { SubscriptionDetail } from '../../src/app/orders/get-subscription.js';
import { LINE_EVENT_TYPES, type LineEventOf, type LineEventType } from '../../src/domain/line-events.js';
import type { Language } from '../../src/domain/types.js';
import { t } from '../../src/i18n/i18n.js';
import { Timeline } from '../../src/web/workspace/timeline.js';

const NORA = { name: 'Nora Gialli', email: 'nora@initech.example', language: 'it' as const };
const IRENE = { name: 'Irene Conti', email: 'irene@initech.example', language: 'en' as const };
const outcome = { sendId: 'snd_1', to: 'irene@initech.example', detail: '550 5.1.1 User unknown' };

/** At least one example of each line event, one per way it reads; a new type must add its own. */
const EXAMPLES: { [T in LineEventType]: [LineEventOf<T>['data'], ...LineEventOf<T>['data'][]] } = {
  'order.placed': [{ webOrderId: 'WEB-1', lines: ['Sub100000001'] }],
  'line.created': [{ offerCode: 'MEET-PRO', quantity: 12, rsd: '2026-12-01' }],
  'provisioning_email.queued': [
    { sendId: 'snd_1', reason: 'rsd', to: 'irene@initech.example' },
    { sendId: 'snd_1', reason: 'resend', to: 'irene@initech.example' },
    { sendId: 'snd_1', reason: 'contact_change', to: 'irene@initech.example' },
    { sendId: 'snd_1', reason: 'reminder', to: 'irene@initech.example' },
  ],
  'provisioning_email.waiting': [
    { sendId: 'snd_1', to: 'irene@initech.example', limit: 6, until: '2026-12-01T14:05:00.000Z' },
  ],
  'provisioning_email.sent': [{ ...outcome, detail: '250 OK' }],
  'provisioning_email.delivered': [{ ...outcome, detail: null }],
  'provisioning_email.failed': [outcome],
  'provisioning_email.bounced': [outcome],
  'provisioning_email.withdrawn': [{ ...outcome, detail: 'withdrawn: the order was set up' }],
  'provisioning_contact.changed': [
    { from: IRENE, to: NORA, applyToAllLines: false, via: 'partner', sendId: 'snd_1' },
    { from: IRENE, to: NORA, applyToAllLines: true, via: 'partner', sendId: 'snd_1' },
    { from: IRENE, to: NORA, applyToAllLines: false, via: 'support', sendId: null },
    { from: IRENE, to: NORA, applyToAllLines: false, via: 'delegation', sendId: 'snd_1' },
  ],
  'line.closed': [{ pendingProvisioning: true }],
  'line.cancelled': [{ reason: null }, { reason: 'customer withdrew' }],
  'order.mapped': [{ organizationId: 'org_globex' }],
  'line.provisioned': [{ organizationId: 'org_globex' }],
};

const ACTOR = 'Alice Rossi <alice@acme.example>';

/** The timeline's text (tags dropped, entities undone) with one row. */
async function rendered(language: Language, action: string, data: unknown): Promise<string> {
  const detail = {
    sends: [
      {
        sendId: 'snd_1',
        reason: 'rsd',
        requestedBy: 'Onramp',
        to: 'irene@initech.example',
        status: 'sent',
        statusDetail: null,
        createdAt: '2026-12-01T09:00:00.000Z',
        statusAt: '2026-12-01T09:00:00.000Z',
      },
    ],
    timeline: [
      { at: '2026-12-01T09:00:00.000Z', action, actor: ACTOR, data: data as Record<string, unknown> },
    ],
  } as SubscriptionDetail;
  const ctx = {
    t: (key: string, vars?: Record<string, unknown>) => t(language, key, vars),
    language,
    brand: 'Onramp',
    user: null,
    csrfToken: '',
    path: '/',
  };
  const html = await (<Timeline ctx={ctx} detail={detail} />).toString();
  return html
    .replace(/<[^>]+>/g, ' ')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&')
    .replace(/\s+/g, ' ')
    .trim();
}

const examples = Object.entries(EXAMPLES).flatMap(([type, list]) =>
  (list as unknown[]).map((data, i) => ({ name: `${type} #${i + 1}`, type, data })),
);

describe('timeline', () => {
  it('has an example of every line event type', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual([...LINE_EVENT_TYPES].sort());
  });

  const unknown = { en: '', it: '' };
  it('reads a row it does not know (older data) as a plain sentence in each language, not its action', async () => {
    for (const language of ['en', 'it'] as const) {
      unknown[language] = await rendered(language, 'setup.delegated', { from: 'a@x', to: 'b@x', lines: [] });
      expect(unknown[language]).not.toContain('setup.delegated');
      expect(unknown[language]).not.toMatch(/timeline\.|\{\{/);
    }
    expect(unknown.en).toContain('earlier format');
    expect(unknown.it).toContain('formato precedente');
  });

  it.each(examples)('renders $name in English and Italian', async ({ type, data }) => {
    const [en, it] = [await rendered('en', type, data), await rendered('it', type, data)];
    for (const text of [en, it]) {
      expect(text).not.toContain(type);
      // i18next answers the key itself for a missing message; {{…}} is a value left out.
      expect(text).not.toMatch(/timeline\.|\{\{|\bundefined\b|\bnull\b/);
      expect(text).toContain(ACTOR);
      // It parsed: not the sentence for rows in an unknown shape.
      expect(text).not.toBe(unknown.en);
      expect(text).not.toBe(unknown.it);
    }
    expect(it).not.toBe(en);
    expect(it).toContain(`da ${ACTOR}`);
    const values = data as Record<string, unknown>;
    for (const value of [values['to'], values['offerCode'], type === 'line.cancelled' && values['reason']])
      if (typeof value === 'string') expect(en).toContain(value);
    if (type === 'provisioning_contact.changed') {
      const { from, to } = data as LineEventOf<'provisioning_contact.changed'>['data'];
      expect(en).toContain(`${from.name} <${from.email}>`);
      expect(en).toContain(`${to.name} <${to.email}>`);
    }
    // The mail server's words when something went wrong, not on success.
    if (type === 'provisioning_email.failed' || type === 'provisioning_email.bounced')
      expect(en).toContain(outcome.detail);
    if (type === 'provisioning_email.sent') expect(en).not.toContain('250 OK');
    // Held back by the per-address cap: how many e-mails the address had, and when this one goes.
    if (type === 'provisioning_email.waiting') {
      expect(en).toContain('had 6 e-mails in the last hour');
      expect(en).toContain('goes out at 1 Dec 2026, 14:05 UTC');
      expect(it).toContain('6 e-mail nell’ultima ora');
      expect(it).toContain('14:05 UTC');
    }
  });

  it('says how a contact changed: partner, every line, support, or delegation each read differently', async () => {
    const texts = await Promise.all(
      EXAMPLES['provisioning_contact.changed'].map((data) =>
        rendered('en', 'provisioning_contact.changed', data),
      ),
    );
    expect(new Set(texts).size).toBe(texts.length);
    expect(texts[3]).toMatch(/Irene Conti <irene@initech\.example> handed the setup over to Nora Gialli/);
  });

  it('shows the current delivery status of a queued e-mail beside it', async () => {
    const text = await rendered('it', 'provisioning_email.queued', EXAMPLES['provisioning_email.queued'][1]);
    expect(text).toContain('Inviata');
  });
});
