/**
 * The message every peer and the ceiling send: a provisioning e-mail like the one Onramp renders
 * in a burst (same template, same size), addressed to e-mail `i`. It lists one line, as for a
 * one-line order; with `linesPerEmail` 10, ten, as for a ten-line order whose lines share their
 * contact (the ceiling of the ten-line burst).
 */
import type { EmailInput } from '../src/email/index.js';
import { BENCH_PUBLIC_URL } from './bench-store.js';

export function equivalentEmail(i: number, linesPerEmail = 1): EmailInput {
  return {
    template: 'provisioning',
    language: 'en',
    to: { name: 'Irene Conti', email: `c${i}@initech.example` },
    webOrderId: `WO-B${Math.floor(i / 10)}`,
    endCustomerName: 'Initech Srl',
    partnerName: 'Acme Reseller',
    lines: Array.from({ length: linesPerEmail }, (_, k) => ({
      subscriptionId: `Sub${100000000 + i * linesPerEmail + k}`,
      offerCode: 'MEET-PRO',
      offerName: 'Meetings Pro',
      quantity: 1,
    })),
    secrets: { setupUrl: `${BENCH_PUBLIC_URL}/setup/${'x'.repeat(43)}` },
    deadline: '2026-12-31T00:00:00.000Z',
    helpUrl: `${BENCH_PUBLIC_URL}/help/provisioning`,
    senderAddress: 'provisioning@onramp.localhost',
    resend: false,
  };
}
