/**
 * The help page follows the reference article, in English and Italian: a table of contents whose
 * links reach every section by its id (`/help#send-statuses` included), the policy periods read
 * from the offer catalogue, "Apply to all lines", the Subscriptions page for closed lines, the
 * cache / other browser / private window advice under "resending fails" (after the PONR section,
 * before the support case), and every send status explained. /help/provisioning (where the
 * e-mails link) is the same page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { changeOffer } from '../../src/app/orders/change-offer.js';
import { groupPeriods } from '../../src/app/orders/describe-close-policy.js';
import { createWeb } from '../../src/web/create-web.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, type World } from '../support/world.js';

const IDS = [
  'no-email',
  'setup-link',
  'no-access',
  'resend',
  'closed-lines',
  'ponr',
  'send-statuses',
  'resend-fails',
  'support-case',
];

/** The page's words: tags dropped, entities undone, spaces collapsed. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replaceAll('&amp;', '&')
    .replaceAll('&#39;', "'")
    .replaceAll('&quot;', '"')
    .replace(/\s+/g, ' ');

const WORDS = {
  en: {
    toc: 'On this page',
    policy:
      'the line closes: 7 days for Active Flex (A-FLEX) and Active Flex 3-year (A-FLEX-3), 30 days for the other offers.',
    applyAll: 'Tick “Apply to all lines” to give every line of the order the same contact.',
    pending: 'Such a line is marked “Provisioning still pending”',
    ask: 'Contact the person who placed the order',
    sees: 'sees “This order exists — ask” followed by the name and e-mail',
    ponr: 'Resend and Edit show a popup saying the order is already onboarded',
    cache: [
      'Clear your browser’s cache and cookies.',
      'Try another browser.',
      'Try a private (incognito) window.',
    ],
    caseType: 'open a support case of type “Resend provisioning email”',
    statuses: [
      'Queued',
      'Queued, waiting (address limit)',
      'already had 6 provisioning e-mails in the last hour',
      'Sent',
      'Delivered',
      'Delivery failed',
      'Bounced',
      'Withdrawn',
      'A newer e-mail to this line (a resend or a contact change) replaced it',
      'Withdrawn (order set up)',
    ],
    period14: '14 days for Meetings Pro (MEET-PRO)',
  },
  it: {
    toc: 'In questa pagina',
    policy:
      'la riga si chiude: 7 giorni per Active Flex (A-FLEX) e Active Flex 3-year (A-FLEX-3), 30 giorni per le altre offerte.',
    applyAll:
      'Selezioni «Applica a tutte le righe» per dare lo stesso contatto a tutte le righe dell’ordine.',
    pending: 'Una riga così è contrassegnata «Provisioning ancora in sospeso»',
    ask: 'Contatti la persona che ha effettuato l’ordine',
    sees: 'vede «Questo ordine esiste — lo chieda a» seguito dal nome',
    ponr: 'Invia di nuovo e Modifica mostrano un messaggio che dice che l’ordine è già integrato',
    cache: [
      'Provi a cancellare la cache e i cookie del browser.',
      'Provi un browser diverso.',
      'Provi una finestra privata (in incognito).',
    ],
    caseType: 'apra una richiesta di assistenza di tipo «Reinvio e-mail di provisioning»',
    statuses: [
      'In coda',
      'In coda, in attesa (limite per indirizzo)',
      'ha già ricevuto 6 e-mail di provisioning nell’ultima ora',
      'Inviata',
      'Consegnata',
      'Consegna non riuscita',
      'Respinta',
      'Ritirata',
      'Un’e-mail più recente per questa riga (un nuovo invio o un cambio di contatto) l’ha sostituita',
      'Ritirata (ordine configurato)',
    ],
    period14: '14 giorni per Meetings Pro (MEET-PRO)',
  },
} as const;

describe('the policy periods, grouped', () => {
  it('names the exceptions and calls the most common period "the others"', () => {
    const offer = (code: string, policyDays: number, active = true) => ({
      code,
      name: code,
      policyDays,
      active,
    });
    expect(
      groupPeriods(
        [offer('A', 7), offer('B', 30), offer('C', 30), offer('D', 7), offer('E', 30), offer('X', 3, false)],
        30,
      ),
    ).toEqual({
      otherDays: 30,
      exceptions: [
        {
          days: 7,
          offers: [
            { code: 'A', name: 'A' },
            { code: 'D', name: 'D' },
          ],
        },
      ],
    });
    expect(groupPeriods([], 30)).toEqual({ otherDays: 30, exceptions: [] });
  });
});

describeEachStore('pages: help', (kind) => {
  let w: World;
  let web: ReturnType<typeof createWeb>;
  const page = async (path: string) => {
    const res = await web.request(path);
    return { status: res.status, html: await res.text() };
  };

  beforeAll(async () => {
    w = await createWorld(kind);
    web = createWeb({ ...w.deps, secureCookies: false }, { demoMode: false, https: false });
  });
  afterAll(() => w.close());

  it.each(['en', 'it'] as const)(
    'in %s: every section has an id, in the article’s order, and the contents link each',
    async (lang) => {
      const { status, html } = await page(`/help?lang=${lang}`);
      expect(status).toBe(200);
      const ids = [...html.matchAll(/<h2 id="([a-z-]+)"/g)]
        .map((m) => m[1])
        .filter((id) => id !== 'help-toc');
      expect(ids).toEqual(IDS);
      const toc = html.slice(
        html.indexOf('<nav class="card toc"'),
        html.indexOf('</nav>', html.indexOf('class="card toc"')),
      );
      expect([...toc.matchAll(/href="#([a-z-]+)"/g)].map((m) => m[1])).toEqual(IDS);
      expect(textOf(toc)).toContain(WORDS[lang].toc);
      // The e-mails' link shows the same page.
      const main = (h: string) => h.slice(h.indexOf('<main'), h.indexOf('</main>'));
      expect(main((await page(`/help/provisioning?lang=${lang}`)).html)).toBe(main(html));
    },
  );

  it.each(['en', 'it'] as const)('in %s: the article’s cases, in its words', async (lang) => {
    const words = WORDS[lang];
    const { html } = await page(`/help?lang=${lang}`);
    const text = textOf(html);
    const section = (id: string) => {
      const from = html.indexOf(`<h2 id="${id}"`);
      return textOf(html.slice(from, html.indexOf('</section>', from)));
    };
    expect(section('no-access')).toContain(words.ask);
    expect(section('no-access')).toContain(words.sees);
    expect(section('resend')).toContain(words.applyAll);
    expect(section('closed-lines')).toContain(words.policy);
    expect(section('closed-lines')).toContain(words.pending);
    expect(html).toContain('href="/subscriptions?pendingProvisioning=true"');
    expect(section('ponr')).toContain(words.ponr);
    expect(section('ponr')).toContain('http://onramp.test/admin');
    // Cache, another browser, private window: the partner's "resending fails", not the contact's link section.
    for (const advice of words.cache) {
      expect(section('resend-fails')).toContain(advice);
      expect(section('setup-link')).not.toContain(advice);
    }
    expect(section('support-case')).toContain(words.caseType);
    expect(html).toContain('href="/support/new?type=resend_provisioning_email"');
    for (const status of words.statuses) expect(section('send-statuses')).toContain(status);
    expect(text).toContain('provisioning@onramp.test');
  });

  it('the periods are the offer catalogue’s: an operator’s change shows at once', async () => {
    await changeOffer(w.deps, 'cli', 'MEET-PRO', { policyDays: 14 });
    for (const lang of ['en', 'it'] as const)
      expect(textOf((await page(`/help?lang=${lang}`)).html)).toContain(WORDS[lang].period14);
    await changeOffer(w.deps, 'cli', 'MEET-PRO', { policyDays: 30 });
  });
});
