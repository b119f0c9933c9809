/**
 * npm run bench [-- --quick] [-- --postgres URL]
 * Measures Onramp's RSD burst (due claim, state change, token, outbox, render, SMTP) against the
 * SMTP ceiling measured in the same run (the same number of equivalent messages pushed straight
 * through nodemailer's pool into the same local sink), and prints the ratio. Absolute numbers
 * vary with the machine; the ratio is what to compare.
 */
import { parseArgs } from 'node:util';
import { ManualClock, randomIds, type AppDeps } from '../src/app/deps.js';
import { placeOrder } from '../src/app/place-order.js';
import { buildPolicy } from '../src/domain/policy.js';
import { createMailer, renderEmail, startMailSink, type EmailInput } from '../src/email/index.js';
import { dispatchOutbox } from '../src/jobs/dispatch-outbox.js';
import { runDue } from '../src/jobs/run-due.js';
import { migrate } from '../src/store/migrate.js';
import { openStore } from '../src/store/open-store.js';

const { values } = parseArgs({
  options: { quick: { type: 'boolean', default: false }, postgres: { type: 'string' } },
});
const LINES = values.quick ? 2_000 : 20_000;
const PER_ORDER = 10;
const NOW = new Date('2026-12-01T00:00:00Z');

const sample: EmailInput = {
  template: 'provisioning',
  language: 'en',
  to: { name: 'Irene Conti', email: 'irene@initech.example' },
  webOrderId: 'WO-BENCH',
  endCustomerName: 'Initech Srl',
  partnerName: 'Acme Reseller',
  lines: [{ subscriptionId: 'Sub100000001', offerCode: 'MEET-PRO', offerName: 'Meetings Pro', quantity: 10 }],
  setupUrl: 'http://localhost:3000/setup/' + 'x'.repeat(43),
  deadline: '2026-12-31T00:00:00Z',
  helpUrl: 'http://localhost:3000/help/provisioning',
  senderAddress: 'provisioning@onramp.localhost',
  resend: false,
};

async function main() {
  let received = 0;
  const sink = await startMailSink({ onMessage: async () => void received++ });
  const smtpUrl = `smtp://127.0.0.1:${sink.port}`;

  // 1. The ceiling: render + send straight through the pool, nothing else.
  const ceilingMailer = createMailer({
    smtpUrl,
    from: 'bench@onramp.localhost',
    pool: true,
    maxConnections: 5,
  });
  let t0 = performance.now();
  await Promise.all(
    Array.from({ length: LINES }, (_, i) =>
      ceilingMailer.send({ to: sample.to, ...renderEmail(sample), messageId: `<ceiling${i}@bench>` }),
    ),
  );
  const ceilingMs = performance.now() - t0;
  ceilingMailer.close();

  // 2. Onramp's real path.
  const store = await openStore({ databaseUrl: values.postgres, dataDir: ':memory:', poolSize: 10 });
  if (values.postgres)
    await store.db.schema
      .dropSchema('public')
      .ifExists()
      .cascade()
      .execute()
      .then(() => store.db.schema.createSchema('public').execute());
  await migrate(store.db);
  const clock = new ManualClock(NOW);
  const deps: AppDeps = {
    db: store.db,
    clock,
    ids: randomIds,
    settings: {
      policy: buildPolicy(),
      publicUrl: 'http://localhost:3000',
      adminPortalUrl: 'http://localhost:3000/admin',
      setupLinkTtlDays: 90,
      mailFrom: 'provisioning@onramp.localhost',
    },
  };
  await store.db
    .insertInto('organization')
    .values({ id: 'org_p', kind: 'partner', name: 'Acme Reseller', created_at: NOW })
    .execute();
  await store.db
    .insertInto('app_user')
    .values({
      id: 'usr_p',
      organization_id: 'org_p',
      role: 'partner_user',
      name: 'P',
      email: 'p@acme.example',
      language: 'en',
      created_at: NOW,
    })
    .execute();
  const actor = {
    userId: 'usr_p',
    name: 'P',
    email: 'p@acme.example',
    role: 'partner_user' as const,
    organizationId: 'org_p',
    language: 'en' as const,
  };
  for (let o = 0; o < LINES / PER_ORDER; o++) {
    await placeOrder(deps, actor, {
      webOrderId: `WO-${o}`,
      endCustomerName: 'Initech Srl',
      rsd: '2026-12-01',
      lines: Array.from({ length: PER_ORDER }, (_, i) => ({
        offerCode: 'MEET-PRO',
        quantity: 1,
        provisioningContact: { name: 'Irene', email: `c${o}-${i}@initech.example`, language: 'en' as const },
      })),
    });
  }
  const mailer = createMailer({
    smtpUrl,
    from: 'provisioning@onramp.localhost',
    pool: true,
    maxConnections: 5,
  });
  received = 0;
  t0 = performance.now();
  await runDue(deps);
  const dueMs = performance.now() - t0;
  const outbox = {
    batchSize: 200,
    maxAttempts: 5,
    backoffBaseMs: 1000,
    backoffMaxMs: 60_000,
    leaseMs: 120_000,
  };
  while ((await dispatchOutbox({ ...deps, mailer, outbox })).claimed > 0);
  const onrampMs = performance.now() - t0;
  mailer.close();

  const rate = (ms: number) => Math.round((LINES / ms) * 1000);
  console.log(`store: ${store.kind}; lines: ${LINES}; accepted by the sink: ${received}`);
  console.log(`SMTP ceiling      ${ceilingMs.toFixed(0).padStart(7)} ms  ${rate(ceilingMs)} msg/s`);
  console.log(`Onramp RSD burst  ${onrampMs.toFixed(0).padStart(7)} ms  ${rate(onrampMs)} msg/s`);
  console.log(`  of which due claim + outbox writes ${dueMs.toFixed(0)} ms`);
  console.log(`ratio Onramp/ceiling (throughput): ${(ceilingMs / onrampMs).toFixed(2)} (goal >= 0.9)`);
  await store.close();
  await sink.close();
}

await main();
