/**
 * The demo world for embedded mode: a distributor, two partners, a user of every role, a customer
 * organization and orders in every line state. Built through the real use cases with a clock set
 * in the past, so the history (e-mails, closes, mapping, a support case) is genuine. Idempotent.
 */
import { type AppDeps, hashToken, ManualClock } from '../app/deps.js';
import { hashPassword } from '../app/identity/hash-password.js';
import { cancelLine } from '../app/lines/cancel-line.js';
import { placeOrder, type PlaceOrderInput } from '../app/orders/place-order.js';
import { mapOrderToOrganization } from '../app/setup/map-order-to-organization.js';
import { openSupportCase } from '../app/support/open-support-case.js';
import type { Actor, Language, Role } from '../domain/types.js';
import { runDue } from '../jobs/run-due.js';
import { insertDemoRows } from '../store/demo-repository.js';
import { findOrganization } from '../store/user-repository.js';

export const DEMO_PASSWORD = 'onramp-demo';

export interface DemoUser {
  id: string;
  name: string;
  email: string;
  role: Role;
  organizationId: string;
  apiToken: string;
}

const ORGS = [
  { id: 'org_northwind', kind: 'distributor', name: 'Northwind Distribution' },
  { id: 'org_acme', kind: 'partner', name: 'Acme Reseller' },
  { id: 'org_brightlink', kind: 'partner', name: 'Brightlink Partners' },
  { id: 'org_globex', kind: 'customer', name: 'Globex Italia', country: 'IT', data_region: 'Europe' },
  { id: 'org_onramp', kind: 'operator', name: 'Onramp Support' },
] as const;

export const DEMO_USERS: DemoUser[] = [
  {
    id: 'usr_alice',
    name: 'Alice Rossi',
    email: 'alice@acme.example',
    role: 'partner_user',
    organizationId: 'org_acme',
    apiToken: 'demo_alice_partner_user',
  },
  {
    id: 'usr_marco',
    name: 'Marco Bianchi',
    email: 'marco@acme.example',
    role: 'partner_user',
    organizationId: 'org_acme',
    apiToken: 'demo_marco_partner_user',
  },
  {
    id: 'usr_paola',
    name: 'Paola Verdi',
    email: 'paola@acme.example',
    role: 'partner_admin',
    organizationId: 'org_acme',
    apiToken: 'demo_paola_partner_admin',
  },
  {
    id: 'usr_bob',
    name: 'Bob Smith',
    email: 'bob@brightlink.example',
    role: 'partner_user',
    organizationId: 'org_brightlink',
    apiToken: 'demo_bob_partner_user',
  },
  {
    id: 'usr_dana',
    name: 'Dana Lee',
    email: 'dana@northwind.example',
    role: 'distributor_user',
    organizationId: 'org_northwind',
    apiToken: 'demo_dana_distributor',
  },
  {
    id: 'usr_sam',
    name: 'Sam Agent',
    email: 'sam@support.onramp.example',
    role: 'support_agent',
    organizationId: 'org_onramp',
    apiToken: 'demo_sam_support_agent',
  },
  {
    id: 'usr_carla',
    name: 'Carla Neri',
    email: 'carla@globex.example',
    role: 'customer_admin',
    organizationId: 'org_globex',
    apiToken: 'demo_carla_customer_admin',
  },
  {
    id: 'usr_olga',
    name: 'Olga Ferri',
    email: 'olga@onramp.example',
    role: 'operator',
    organizationId: 'org_onramp',
    apiToken: 'demo_olga_operator',
  },
  {
    id: 'usr_dora',
    name: 'Dora Marchetti',
    email: 'dora@northwind.example',
    role: 'distributor_admin',
    organizationId: 'org_northwind',
    apiToken: 'demo_dora_distributor_admin',
  },
];

const DAY = 86_400_000;
const day = (d: Date) => d.toISOString().slice(0, 10);

function actorOf(u: DemoUser): Actor {
  return {
    userId: u.id,
    name: u.name,
    email: u.email,
    role: u.role,
    organizationId: u.organizationId,
    language: 'en',
  };
}

const line = (
  offerCode: string,
  quantity: number,
  name: string,
  email: string,
  language: Language = 'en',
) => ({
  offerCode,
  quantity,
  provisioningContact: { name, email, language },
});

/** Seeds once; returns the demo users (with their API tokens) whether it seeded or not. */
export async function seedDemoData(deps: AppDeps): Promise<{ seeded: boolean; users: DemoUser[] }> {
  const exists = await findOrganization(deps.db, 'org_acme');
  if (exists) return { seeded: false, users: DEMO_USERS };

  const now = deps.clock.now();
  const past = new ManualClock(new Date(now.getTime() - 40 * DAY));
  const at = { ...deps, clock: past };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await deps.db.transaction().execute((trx) =>
    insertDemoRows(trx, {
      organizations: ORGS.map((o) => ({ country: null, data_region: null, ...o, created_at: past.now() })),
      users: DEMO_USERS.map((u) => ({
        id: u.id,
        organization_id: u.organizationId,
        role: u.role,
        name: u.name,
        email: u.email,
        language: 'en' as const,
        password_hash: passwordHash,
        created_at: past.now(),
      })),
      apiTokens: DEMO_USERS.map((u) => ({
        id: `tok_demo_${u.id.slice(4)}`,
        token_hash: hashToken(u.apiToken),
        user_id: u.id,
        label: 'demo',
        created_at: past.now(),
      })),
    }),
  );

  const [alice, , , bob] = DEMO_USERS.map(actorOf);
  const place = (actor: Actor, input: PlaceOrderInput) => placeOrder(at, actor, input);

  // 40 days ago: two orders whose RSD was that day. One gets set up; one A-FLEX line closes pending.
  const mapped = await place(alice!, {
    webOrderId: 'WO-1001',
    endCustomerName: 'Globex Italia',
    rsd: day(past.now()),
    distributorId: 'org_northwind',
    lines: [
      line('MEET-PRO', 50, 'Carla Neri', 'carla@globex.example', 'it'),
      line('CALL-STD', 20, 'Carla Neri', 'carla@globex.example', 'it'),
    ],
  });
  const initech = await place(alice!, {
    webOrderId: 'WO-1002',
    endCustomerName: 'Initech Srl',
    rsd: day(past.now()),
    lines: [
      line('A-FLEX', 10, 'Irene Conti', 'irene@initech.example', 'it'),
      line('MSG-ENT', 10, 'Irene Conti', 'irene@initech.example', 'it'),
    ],
  });
  await runDue(at);
  past.set(new Date(past.now().getTime() + 2 * DAY));
  await mapOrderToOrganization(at, {
    orderId: mapped.orderId,
    organization: { organizationId: 'org_globex' },
    confirmedBy: { name: 'Carla Neri', email: 'carla@globex.example', language: 'it' },
  });
  past.set(new Date(now.getTime() - 5 * DAY));
  await runDue(at); // WO-1002: A-FLEX closed pending after 7 days; MSG-ENT still awaiting (30 days)

  // 3 days ago: an order awaiting provisioning details, one line cancelled.
  past.set(new Date(now.getTime() - 3 * DAY));
  const awaiting = await place(bob!, {
    webOrderId: 'WO-2001',
    endCustomerName: 'Umbrella Corp',
    rsd: day(past.now()),
    distributorId: 'org_northwind',
    lines: [
      line('CONTACT-CTR', 5, 'Ursula Park', 'ursula@umbrella.example'),
      line('MEET-PRO', 25, 'Ursula Park', 'ursula@umbrella.example'),
    ],
  });
  await runDue(at);
  await cancelLine(at, bob!, { subscriptionId: awaiting.subscriptionIds[0]!, reason: 'ordered twice' });

  // Yesterday: Alice escalates the Initech line that is still awaiting setup (sam answers it).
  past.set(new Date(now.getTime() - DAY));
  await openSupportCase(
    at,
    { actor: alice! },
    {
      type: 'resend_provisioning_email',
      reference: initech.subscriptionIds[1]!,
      description:
        'Irene Conti says the provisioning e-mail never arrived, not even in her spam folder. Resending from the order page did not help; we also tried another browser.',
      screenshots: [],
    },
  );

  // Today: a booked order for next week, and one whose RSD is today (due on the first run).
  past.set(now);
  await place(alice!, {
    webOrderId: 'WO-3001',
    endCustomerName: 'Hooli Italia',
    rsd: day(new Date(now.getTime() + 7 * DAY)),
    lines: [line('A-FLEX-3', 15, 'Gavin Belson', 'gavin@hooli.example')],
  });
  await place(alice!, {
    webOrderId: 'WO-3002',
    endCustomerName: 'Stark Industries',
    rsd: day(now),
    lines: [line('MEET-PRO', 100, 'Pepper Potts', 'pepper@stark.example')],
  });
  return { seeded: true, users: DEMO_USERS };
}
