/**
 * The real HTTP app on a test world, driven with `app.request` (no port), plus the small helpers
 * the API tests share: authenticated requests, an order body, and row counts that prove a refusal
 * wrote nothing.
 */
import { createApi } from '../../src/http/create-api.js';
import type { Database } from '../../src/store/schema.js';
import type { UserKey, World } from '../support/world.js';
import { type ContractChecker, contractChecker, type ContractReply } from './contract-checker.js';

export const MAX_BODY_BYTES = 100_000;

export type Api = ReturnType<typeof createApi>;

export function apiOf(world: World): Api {
  return createApi(
    { ...world.deps, store: world.store, maxBodyBytes: MAX_BODY_BYTES },
    { logError: () => {} },
  );
}

/** The `{ error }` body every refusal carries. */
export interface ErrorBody {
  error: {
    code: string;
    message: string;
    issues?: { path: string; message: string }[];
    [detail: string]: unknown;
  };
}

export interface CallOptions {
  as?: UserKey | null;
  body?: unknown;
  /** Sent as is, instead of JSON-encoding `body`. */
  rawBody?: string;
  headers?: Record<string, string>;
}

export interface Reply<T> {
  status: number;
  headers: Headers;
  body: T;
}

/** One request as `as` (alice by default; null for none); the reply body is parsed as JSON. */
export async function call<T = Record<string, unknown>>(
  api: Api,
  world: World,
  method: string,
  path: string,
  opts: CallOptions = {},
): Promise<Reply<T>> {
  const who = opts.as === undefined ? 'alice' : opts.as;
  const headers: Record<string, string> = {
    ...(who ? { authorization: `Bearer ${world.tokens[who]}` } : {}),
    ...(opts.body !== undefined || opts.rawBody !== undefined ? { 'content-type': 'application/json' } : {}),
    ...opts.headers,
  };
  const body = opts.rawBody ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body));
  const res = await checkedRequest(api, path, { method, headers, ...(body === undefined ? {} : { body }) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: (text === '' ? null : JSON.parse(text)) as T };
}

/** `api.request`, its reply checked against the OpenAPI document (below) before it is returned. */
export async function checkedRequest(api: Api, path: string, init: RequestInit = {}): Promise<Response> {
  const res = await api.request(path, init);
  const text = await res.text();
  const method = init.method ?? 'GET';
  await checkContract(api, { method, path, status: res.status, headers: res.headers, text });
  return new Response(text === '' ? null : text, { status: res.status, headers: res.headers });
}

/** One checker per app, on the document it serves (read once, as a client would). */
const checkers = new WeakMap<Api, Promise<ContractChecker>>();

/** The contract checker of `api`'s replies to `call`: what it validated and found. */
export function checkerOf(api: Api): Promise<ContractChecker> {
  let checker = checkers.get(api);
  if (!checker) {
    checker = Promise.resolve(api.request('/api/v1/openapi.json')).then(async (r) =>
      contractChecker(await r.json()),
    );
    checkers.set(api, checker);
  }
  return checker;
}

/**
 * Every reply of `call` is checked against the OpenAPI document the app serves
 * (contract-checker.ts): a mismatch fails the test that made the request. CONTRACT_CHECK=0 turns
 * this off, but for an app whose checker a test asked for (openapi-contract.test.ts).
 */
async function checkContract(api: Api, reply: ContractReply): Promise<void> {
  if (process.env['CONTRACT_CHECK'] === '0' && !checkers.has(api)) return;
  const problems = (await checkerOf(api)).check(reply);
  if (problems.length > 0) throw new Error(`[contract] ${problems.join('\n')}`);
}

export const contact = (name: string, email: string, language: 'en' | 'it' = 'en') => ({
  name,
  email,
  language,
});

export interface OrderLineBody {
  offerCode: string;
  quantity: number;
  rsd?: string;
  provisioningContact: { name: string; email: string; language?: string };
}

/** A valid order body; one MEET-PRO line for Irene unless `lines` says otherwise. */
export function orderBody(
  webOrderId: string,
  over: { endCustomerName?: string; rsd?: string; distributorId?: string; lines?: OrderLineBody[] } = {},
) {
  return {
    webOrderId,
    endCustomerName: over.endCustomerName ?? 'Initech Srl',
    rsd: over.rsd ?? '2026-12-01',
    ...(over.distributorId ? { distributorId: over.distributorId } : {}),
    lines: over.lines ?? [
      {
        offerCode: 'MEET-PRO',
        quantity: 10,
        provisioningContact: contact('Irene Conti', 'irene@initech.example'),
      },
    ],
  };
}

export interface PlacedReply {
  orderId: string;
  webOrderId: string;
  subscriptionIds: string[];
}

/** Places an order through the API and insists it worked. */
export async function placeViaApi(
  api: Api,
  world: World,
  body: ReturnType<typeof orderBody>,
  as: UserKey = 'alice',
): Promise<PlacedReply> {
  const reply = await call<PlacedReply>(api, world, 'POST', '/api/v1/orders', { as, body });
  if (reply.status !== 201) throw new Error(`placing ${body.webOrderId}: ${JSON.stringify(reply.body)}`);
  return reply.body;
}

const COUNTED = [
  'purchase_order',
  'subscription_line',
  'audit_event',
  'outbox',
  'provisioning_email',
  'setup_token',
] as const;

export type RowCounts = Record<(typeof COUNTED)[number], number>;

/** Rows in one table (a refusal must leave it as it was). */
export async function countRows(world: World, table: keyof Database): Promise<number> {
  const row = await world.store.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Rows in every table a write could touch. */
export async function rowCounts(world: World): Promise<RowCounts> {
  const entries = await Promise.all(
    COUNTED.map(async (table) => {
      const row = await world.store.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return [table, Number(row.n)] as const;
    }),
  );
  return Object.fromEntries(entries) as RowCounts;
}

/** The pieces of a refusal the tests look at, in one comparable shape. */
export function refusal(reply: Reply<ErrorBody>) {
  return {
    status: reply.status,
    code: reply.body.error.code,
    paths: (reply.body.error.issues ?? []).map((i) => i.path),
  };
}
