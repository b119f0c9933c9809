/**
 * Names are one line of visible text (src/domain/display-name.ts): a contact, end customer,
 * delegate or organization name with a line break, a control character, a bidi override or
 * < > is refused at the edge with INVALID_INPUT naming the field, and nothing is written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { NAME_CHARACTERS_MESSAGE } from '../../src/domain/display-name.js';
import { messagesEn } from '../../src/i18n/locales/en/app.js';
import { messagesIt } from '../../src/i18n/locales/it/app.js';
import { awaitingOrder, setupTokenOf } from '../app/setup-fixtures.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, type World } from '../support/world.js';
import {
  type Api,
  apiOf,
  call,
  contact,
  countRows,
  type ErrorBody,
  orderBody,
  refusal,
  rowCounts,
} from './api-harness.js';

const HOSTILE: [string, string][] = [
  ['a CR/LF header injection', 'Irene\r\nBcc: everyone@evil.example'],
  ['markup', 'Irene <script>alert(1)</script>'],
  ['a right-to-left override', 'Irene \u202Etxt.exe'],
];

describeEachStore('REST API: names refuse line breaks, controls, bidi overrides and < >', (kind) => {
  let w: World;
  let api: Api;
  let seq = 0;
  beforeAll(async () => {
    w = await createWorld(kind);
    api = apiOf(w);
  });
  afterAll(() => w.close());

  /** Sends the request and insists on 400 INVALID_INPUT naming `path`, with nothing written. */
  async function expectRefused(method: string, url: string, body: unknown, path: string, as?: 'olga') {
    const before = await rowCounts(w);
    const organizations = await countRows(w, 'organization');
    const reply = await call<ErrorBody>(api, w, method, url, { body, ...(as ? { as } : {}) });
    expect(refusal(reply)).toEqual({ status: 400, code: 'INVALID_INPUT', paths: [path] });
    expect(reply.body.error.issues![0]!.message).toBe(NAME_CHARACTERS_MESSAGE);
    expect(await rowCounts(w)).toEqual(before);
    expect(await countRows(w, 'organization')).toBe(organizations);
    return reply;
  }

  describe.each(HOSTILE)('%s', (_what, name) => {
    it('in a provisioning contact: POST /orders → 400, nothing written', async () => {
      const body = orderBody(`WO-NAME-${++seq}`, {
        lines: [
          { offerCode: 'MEET-PRO', quantity: 1, provisioningContact: contact(name, 'irene@initech.example') },
        ],
      });
      await expectRefused('POST', '/api/v1/orders', body, 'lines.0.provisioningContact.name');
    });

    it('as the end customer: POST /orders → 400, nothing written', async () => {
      const body = orderBody(`WO-NAME-${++seq}`, { endCustomerName: name });
      await expectRefused('POST', '/api/v1/orders', body, 'endCustomerName');
    });

    it('in a contact change, a delegation and a new organization → 400, nothing written', async () => {
      const { subscriptionIds } = await awaitingOrder(w);
      const line = subscriptionIds[0]!;
      await expectRefused(
        'PUT',
        `/api/v1/subscriptions/${line}/provisioning-contact`,
        { ...contact(name, 'nora@initech.example'), applyToAllLines: false },
        'name',
      );
      const token = await setupTokenOf(w, line);
      await expectRefused(
        'POST',
        `/api/v1/setup/${token}/delegate`,
        contact(name, 'd@initech.example'),
        'name',
      );
      await expectRefused(
        'POST',
        `/api/v1/setup/${token}/complete`,
        { newOrganization: { name: `Initech ${name}`, country: 'IT' } },
        'newOrganization.name',
      );
      await expectRefused(
        'POST',
        `/api/v1/setup/${token}/complete`,
        { newOrganization: { name: 'Initech Srl', country: 'IT' }, confirmedBy: { name } },
        'confirmedBy.name',
      );
      await expectRefused(
        'POST',
        '/api/v1/organizations',
        { kind: 'partner', name: `Acme ${name}` },
        'name',
        'olga',
      );
    });
  });

  it('says what is wrong in English and Italian', async () => {
    const body = orderBody(`WO-NAME-${++seq}`, { endCustomerName: 'Initech\r\nBcc: x@evil.example' });
    const en = await call<ErrorBody>(api, w, 'POST', '/api/v1/orders', { body });
    expect(en.body.error.message).toBe(messagesEn.errors.INVALID_INPUT);
    const it_ = await call<ErrorBody>(api, w, 'POST', '/api/v1/orders', {
      body,
      headers: { 'accept-language': 'it' },
    });
    expect(it_.body.error.message).toBe(messagesIt.errors.INVALID_INPUT);
  });

  it('still accepts names from every script, with apostrophes and accents', async () => {
    const reply = await call(api, w, 'POST', '/api/v1/orders', {
      body: orderBody(`WO-NAME-${++seq}`, {
        endCustomerName: 'Università & Co. (IT)',
        lines: [
          {
            offerCode: 'MEET-PRO',
            quantity: 1,
            provisioningContact: contact("Zoë O'Brien", 'zoe@initech.example'),
          },
          {
            offerCode: 'CALL-STD',
            quantity: 1,
            provisioningContact: contact('山田 太郎', 'taro@initech.example'),
          },
        ],
      }),
    });
    expect(reply.status).toBe(201);
  });
});
