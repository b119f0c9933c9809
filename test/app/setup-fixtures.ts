/**
 * Helpers the setup wizard's app tests share: orders whose e-mails went out, the setup and
 * set-password links those e-mails carry (read from the outbox, as the mailer would), and
 * customer organizations with their admins.
 */
import { sql } from 'kysely';

import type { TemplateInput } from '../../src/email/index.js';
import { runDue } from '../../src/jobs/run-due.js';
import { openedEmailInput } from '../support/queries.js';
import type { World } from '../support/world.js';

export interface LineSpec {
  offerCode?: string;
  quantity?: number;
  contact?: { name: string; email: string; language?: 'en' | 'it' };
  rsd?: string;
}

let contactCounter = 0;

/**
 * A provisioning contact nobody has used yet: whoever confirms a setup becomes a customer admin,
 * and the finder then offers them their own organization only.
 */
export function freshContact(local = 'irene', domain = 'initech.example') {
  return {
    name: 'Irene Conti',
    email: `${local}.${process.pid}.${++contactCounter}@${domain}`,
    language: 'en' as const,
  };
}

/**
 * Places an order (end customer Initech Srl unless told) and runs due work, so its e-mails are
 * queued. Lines without a contact share one fresh contact, returned as `contact`.
 */
export async function awaitingOrder(w: World, lines: LineSpec[] = [{}], endCustomerName = 'Initech Srl') {
  const contact = freshContact();
  const placed = await w.order({
    endCustomerName,
    lines: lines.map((l) => ({
      offerCode: l.offerCode ?? 'MEET-PRO',
      quantity: l.quantity ?? 10,
      ...(l.rsd ? { rsd: l.rsd } : {}),
      provisioningContact: { language: 'en' as const, ...(l.contact ?? contact) },
    })),
  });
  await runDue(w.deps);
  return { ...placed, contact };
}

const lastSegment = (url: string) => url.slice(url.lastIndexOf('/') + 1);

/** The token of the newest provisioning e-mail queued for a line (its own or the one it shares). */
export async function setupTokenOf(w: World, subscriptionId: string): Promise<string> {
  const row = await w.store.db
    .selectFrom('outbox as o')
    .innerJoin('provisioning_email as s', (j) =>
      j.on(sql<boolean>`o.send_id = coalesce(s.lead_send_id, s.id)`),
    )
    .select('o.payload')
    .where('s.subscription_id', '=', subscriptionId)
    .orderBy('o.id', 'desc')
    .executeTakeFirstOrThrow();
  return lastSegment(openedEmailInput<TemplateInput<'provisioning'>>(row.payload).secrets.setupUrl);
}

/**
 * Lets the links of a line's contact run out (a link is the order's, held by an address): their
 * expiry moves to a second ago. (The world's clock is shared by the file's tests; moving it 90
 * days would close every other test's lines.)
 */
export async function expireSetupLinks(w: World, subscriptionId: string): Promise<void> {
  await sql`
    update setup_token t set expires_at = ${new Date(w.clock.now().getTime() - 1000)}
    from provisioning_email s, subscription_line tl, subscription_line mine
    where s.id = t.send_id and tl.subscription_id = t.subscription_id
      and mine.subscription_id = ${subscriptionId} and tl.order_id = mine.order_id
      and lower(s.to_email) = lower(mine.contact_email)`.execute(w.store.db);
}

/** The token of the newest welcome e-mail queued for an address. */
export async function passwordTokenOf(w: World, email: string): Promise<string> {
  const rows = await w.store.db
    .selectFrom('outbox')
    .select('payload')
    .where('message_key', 'like', 'wel_%')
    .orderBy('id', 'desc')
    .execute();
  const input = rows
    .map((r) => openedEmailInput<TemplateInput<'welcome'>>(r.payload))
    .find((i) => i.to.email.toLowerCase() === email.toLowerCase());
  if (!input) throw new Error(`no welcome e-mail for ${email}`);
  return lastSegment(input.secrets.setPasswordUrl);
}

/** The stored inputs of the e-mails already sent (their rows are done). */
export async function sentEmailInputs(w: World): Promise<object[]> {
  const rows = await w.store.db
    .selectFrom('outbox')
    .select('payload')
    .where('topic', '=', 'email')
    .where('status', '=', 'done')
    .execute();
  return rows.map((r) => (r.payload as { input: object }).input);
}

let orgCounter = 0;

/** A customer organization with customer admins at the given addresses. */
export async function customerOrganization(
  w: World,
  name: string,
  admins: string[],
  region: { country: string; dataRegion: string } | null = { country: 'IT', dataRegion: 'Europe' },
): Promise<string> {
  const id = `org_c${process.pid}_${++orgCounter}`;
  const now = w.clock.now();
  await w.store.db
    .insertInto('organization')
    .values({
      id,
      kind: 'customer',
      name,
      country: region?.country ?? null,
      data_region: region?.dataRegion ?? null,
      created_at: now,
    })
    .execute();
  if (admins.length > 0)
    await w.store.db
      .insertInto('app_user')
      .values(
        admins.map((email, i) => ({
          id: `usr_${id}_${i}`,
          organization_id: id,
          role: 'customer_admin' as const,
          name: `Admin ${i}`,
          email,
          language: 'en' as const,
          created_at: now,
        })),
      )
      .execute();
  return id;
}
