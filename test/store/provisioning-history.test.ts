/**
 * `addressesAlreadySent`: which (order, address) pairs already had a provisioning e-mail, the
 * question that decides whether a resend reads "replaces the earlier e-mail". Addresses compare in
 * any case, per order, and the answer names each pair once however often it was asked.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';

import type { ProvisioningContact } from '../../src/domain/types.js';
import { runDue } from '../../src/jobs/run-due.js';
import { addressesAlreadySent, orderAddressKey } from '../../src/store/provisioning-history-repository.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, type World } from '../support/world.js';

const irene: ProvisioningContact = { name: 'Irene', email: 'Irene@Initech.example', language: 'en' };
const carla: ProvisioningContact = { name: 'Carla', email: 'carla@globex.example', language: 'it' };

describeEachStore('addresses already sent', (kind) => {
  let w: World;
  beforeAll(async () => {
    w = await createWorld(kind);
  });
  afterAll(() => w.close());

  it('finds the pairs whose address had an e-mail on that order, in any case, once each', async () => {
    const line = (contact: ProvisioningContact) => ({
      offerCode: 'MEET-PRO',
      quantity: 1,
      provisioningContact: contact,
    });
    const sent = await w.order({ lines: [line(irene), line(carla)] });
    await runDue(w.deps);
    // An order whose RSD has not come: nothing sent on it yet.
    const later = await w.order({
      lines: [{ ...line(irene), rsd: '2027-06-01' }],
    });

    const found = await addressesAlreadySent(w.store.db, [
      { orderId: sent.orderId, email: 'irene@initech.example' },
      { orderId: sent.orderId, email: ' IRENE@initech.EXAMPLE ' },
      { orderId: sent.orderId, email: 'CARLA@globex.example' },
      { orderId: sent.orderId, email: 'nobody@globex.example' },
      { orderId: later.orderId, email: 'irene@initech.example' },
      { orderId: 'ord_missing', email: 'carla@globex.example' },
    ]);

    expect([...found].sort()).toEqual(
      [
        orderAddressKey(sent.orderId, 'irene@initech.example'),
        orderAddressKey(sent.orderId, 'carla@globex.example'),
      ].sort(),
    );
    expect(await addressesAlreadySent(w.store.db, [])).toEqual(new Set());
  });
});
