/**
 * A small world for scenario tests: a distributor, two partners, a customer organization and a
 * user of every role (with API tokens), on a fresh database, with a manual clock.
 */
import { type AppDeps, hashToken, ManualClock, randomIds } from '../../src/app/deps.js';
import { hashPassword } from '../../src/app/identity/hash-password.js';
import { type PlacedOrder, placeOrder, placeOrderSchema } from '../../src/app/orders/place-order.js';
import { DEFAULT_BRAND_NAME } from '../../src/domain/display-name.js';
import { buildPolicy } from '../../src/domain/policy.js';
import type { Actor, Role } from '../../src/domain/types.js';
import type { StoreKind } from '../../src/store/open-store.js';
import { openTestStore, type TestStore } from './test-store.js';

export const START = '2026-12-01T09:00:00.000Z';

const ORGS = [
  { id: 'org_dist', kind: 'distributor', name: 'Northwind Distribution' },
  { id: 'org_dist2', kind: 'distributor', name: 'Southwind Distribution' },
  { id: 'org_acme', kind: 'partner', name: 'Acme Reseller' },
  { id: 'org_bright', kind: 'partner', name: 'Brightlink Partners' },
  { id: 'org_globex', kind: 'customer', name: 'Globex Italia' },
  { id: 'org_ops', kind: 'operator', name: 'Onramp Support' },
] as const;

const USERS: { key: string; name: string; role: Role; org: string }[] = [
  { key: 'alice', name: 'Alice Rossi', role: 'partner_user', org: 'org_acme' },
  { key: 'marco', name: 'Marco Bianchi', role: 'partner_user', org: 'org_acme' },
  { key: 'paola', name: 'Paola Verdi', role: 'partner_admin', org: 'org_acme' },
  { key: 'bob', name: 'Bob Smith', role: 'partner_user', org: 'org_bright' },
  { key: 'brenda', name: 'Brenda Admin', role: 'partner_admin', org: 'org_bright' },
  { key: 'dana', name: 'Dana Lee', role: 'distributor_user', org: 'org_dist' },
  { key: 'dino', name: 'Dino Other', role: 'distributor_user', org: 'org_dist2' },
  { key: 'sam', name: 'Sam Agent', role: 'support_agent', org: 'org_ops' },
  { key: 'olga', name: 'Olga Operator', role: 'operator', org: 'org_ops' },
  { key: 'dora', name: 'Dora Admin', role: 'distributor_admin', org: 'org_dist' },
  { key: 'carla', name: 'Carla Neri', role: 'customer_admin', org: 'org_globex' },
];

export type UserKey =
  'alice' | 'marco' | 'paola' | 'bob' | 'brenda' | 'dana' | 'dino' | 'sam' | 'carla' | 'olga' | 'dora';

export interface World {
  store: TestStore;
  clock: ManualClock;
  deps: AppDeps;
  actors: Record<UserKey, Actor>;
  /** API bearer token of each user. */
  tokens: Record<UserKey, string>;
  /** Places an order as `by` (alice by default); lines default to one MEET-PRO line. */
  order(
    overrides?: Partial<Parameters<typeof placeOrderSchema.parse>[0]>,
    by?: UserKey,
  ): Promise<PlacedOrder>;
  close(): Promise<void>;
}

let counter = 0;

export async function createWorld(
  kind: StoreKind,
  opts: {
    publicUrl?: string;
    brandName?: string;
    /** Every user signs in with this password (hashed once); without it nobody has one. */
    password?: string;
  } = {},
): Promise<World> {
  const store = await openTestStore(kind);
  const clock = new ManualClock(new Date(START));
  const deps: AppDeps = {
    db: store.db,
    clock,
    ids: randomIds,
    settings: {
      policy: buildPolicy(),
      publicUrl: opts.publicUrl ?? 'http://onramp.test',
      adminPortalUrl: 'http://onramp.test/admin',
      setupLinkTtlDays: 90,
      mailFrom: 'Onramp Provisioning <provisioning@onramp.test>',
      brandName: opts.brandName ?? DEFAULT_BRAND_NAME,
    },
  };
  const now = clock.now();
  const passwordHash = opts.password === undefined ? null : await hashPassword(opts.password);
  await store.db
    .insertInto('organization')
    .values(ORGS.map((o) => ({ ...o, created_at: now })))
    .execute();
  await store.db
    .insertInto('app_user')
    .values(
      USERS.map((u) => ({
        id: `usr_${u.key}`,
        organization_id: u.org,
        role: u.role,
        name: u.name,
        email: `${u.key}@${u.org.slice(4)}.example`,
        language: 'en' as const,
        created_at: now,
        password_hash: passwordHash,
      })),
    )
    .execute();
  const tokens = Object.fromEntries(USERS.map((u) => [u.key, `tok_${u.key}_${'x'.repeat(20)}`])) as Record<
    UserKey,
    string
  >;
  await store.db
    .insertInto('api_token')
    .values(
      USERS.map((u) => ({
        id: `tok_${u.key}`,
        token_hash: hashToken(tokens[u.key as UserKey]),
        user_id: `usr_${u.key}`,
        label: 'test',
        created_at: now,
      })),
    )
    .execute();
  const actors = Object.fromEntries(
    USERS.map((u) => [
      u.key,
      {
        userId: `usr_${u.key}`,
        name: u.name,
        email: `${u.key}@${u.org.slice(4)}.example`,
        role: u.role,
        organizationId: u.org,
        language: 'en' as const,
      },
    ]),
  ) as Record<UserKey, Actor>;

  return {
    store,
    clock,
    deps,
    actors,
    tokens,
    order: (overrides = {}, by = 'alice') =>
      placeOrder(
        deps,
        actors[by],
        placeOrderSchema.parse({
          webOrderId: `WO-${process.pid}-${++counter}`,
          endCustomerName: 'Initech Srl',
          rsd: clock.now().toISOString().slice(0, 10),
          lines: [
            {
              offerCode: 'MEET-PRO',
              quantity: 10,
              provisioningContact: { name: 'Irene Conti', email: 'irene@initech.example', language: 'en' },
            },
          ],
          ...overrides,
        }),
      ),
    close: () => store.close(),
  };
}
