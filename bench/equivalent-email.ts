/**
 * The message every peer and the ceiling send: a provisioning e-mail like the one Onramp renders
 * for a line of a 10-line order (same template, same size), addressed to line `i`.
 */
import type { EmailInput } from '../src/email/index.js';
import { BENCH_PUBLIC_URL } from './bench-store.js';

export function equivalentEmail(i: number): EmailInput {
  return {
    template: 'provisioning',
    language: 'en',
    to: { name: 'Irene Conti', email: `c${i}@initech.example` },
    webOrderId: `WO-B${Math.floor(i / 10)}`,
    endCustomerName: 'Initech Srl',
    partnerName: 'Acme Reseller',
    lines: [
      {
        subscriptionId: `Sub${100000000 + i}`,
        offerCode: 'MEET-PRO',
        offerName: 'Meetings Pro',
        quantity: 1,
      },
    ],
    secrets: { setupUrl: `${BENCH_PUBLIC_URL}/setup/${'x'.repeat(43)}` },
    deadline: '2026-12-31T00:00:00.000Z',
    helpUrl: `${BENCH_PUBLIC_URL}/help/provisioning`,
    senderAddress: 'provisioning@onramp.localhost',
    resend: false,
  };
}
