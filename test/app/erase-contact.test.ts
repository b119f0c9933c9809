/**
 * `onramp erase-contact` (issue 21, item 2): a contact who was e-mailed (through the built-in
 * sink, so mail was captured), has another e-mail still waiting, opened a support case and is also
 * a user is pseudonymized everywhere. A dump of every table (row_to_json) holds neither the address
 * nor the name afterwards; the other contact on the same order is untouched; the audit trail says
 * "contact.erased" without the address and still refuses ordinary updates; a rerun changes nothing.
 */
import { createHash } from 'node:crypto';

import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';

import { hashToken } from '../../src/app/deps.js';
import { eraseContact } from '../../src/app/privacy/erase-contact.js';
import { AppError } from '../../src/domain/errors.js';
import { captureMailInto } from '../../src/email/capture-mail.js';
import { type MailSink, startMailSink } from '../../src/email/start-mail-sink.js';
import { runDue } from '../../src/jobs/run-due.js';
import { appendAudit } from '../../src/store/audit-repository.js';
import { dispatcher } from '../jobs/mail-harness.js';
import { runOnramp } from '../support/run-onramp.js';
import { useTestKeyRing } from '../support/secret-keys.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, type World } from '../support/world.js';

useTestKeyRing();

const ADDRESS = 'Ottavia.Pellegrini@Initech.example';
const NAME = 'Ottavia Pellegrini';
const OTHER = { name: 'Bruno Galli', email: 'bruno@initech.example', language: 'en' as const };

/** Every row of every table of the schema, as JSON text: what a grep of a dump would see. */
async function dump(w: World): Promise<string> {
  const { rows: tables } = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(w.store.db);
  expect(tables.length).toBeGreaterThan(20);
  const parts: string[] = [];
  for (const { table_name } of tables) {
    const { rows } = await sql<{
      j: string;
    }>`select row_to_json(t)::text as j from ${sql.table(table_name)} t`.execute(w.store.db);
    parts.push(...rows.map((r) => `${table_name} ${r.j}`));
  }
  return parts.join('\n');
}

const hits = (text: string, word: string) =>
  text.split('\n').filter((line) => line.toLowerCase().includes(word.toLowerCase()));

describeEachStore('erase-contact', (kind) => {
  let w: World;
  let sink: MailSink;
  beforeEach(async () => {
    w = await createWorld(kind);
    sink = await startMailSink({ port: 0, onMessage: captureMailInto(w.store.db, () => w.clock.now()) });
  });
  afterEach(async () => {
    await sink.close();
    await w.close();
  });

  async function givenAContactWithHistory() {
    const contact = { name: NAME, email: ADDRESS, language: 'en' as const };
    const sent = await w.order({
      lines: [
        { offerCode: 'MEET-PRO', quantity: 1, provisioningContact: contact },
        { offerCode: 'MEET-PRO', quantity: 2, provisioningContact: OTHER },
      ],
    });
    await runDue(w.deps);
    const d = dispatcher(w.deps, sink.port);
    await d.drain();
    d.close();
    // A second order whose e-mail to her still waits in the outbox.
    await w.order({ lines: [{ offerCode: 'MEET-PRO', quantity: 1, provisioningContact: contact }] });
    await runDue(w.deps);
    // She is also a user, signed in, who acted (the audit names her) and opened a support case.
    const now = w.clock.now();
    await w.store.db
      .insertInto('app_user')
      .values({
        id: 'usr_c7',
        organization_id: 'org_acme',
        role: 'partner_user',
        name: NAME,
        email: ADDRESS.toLowerCase(),
        language: 'en',
        created_at: now,
      })
      .execute();
    await w.store.db
      .insertInto('web_session')
      .values({
        id_hash: hashToken('session-c7'),
        user_id: 'usr_c7',
        created_at: now,
        expires_at: new Date(now.getTime() + 3_600_000),
      })
      .execute();
    await w.store.db
      .insertInto('invitation')
      .values({
        id: 'inv_c7',
        organization_id: 'org_bright',
        email: ADDRESS,
        role: 'partner_user',
        language: 'en',
        invited_by_label: 'Brenda Admin',
        token_hash: hashToken('invitation-c7'),
        created_at: now,
        sent_at: now,
        expires_at: new Date(now.getTime() + 86_400_000),
      })
      .execute();
    // Two failed sign-ins as her: the limiter keys them by the address's SHA-256.
    const addressHash = createHash('sha256').update(ADDRESS.toLowerCase()).digest('hex');
    await w.store.db
      .insertInto('sign_in_failure')
      .values({
        key: `sign-in:address:${addressHash}`,
        failures: 2,
        last_failure_at: now,
        blocked_until: now,
      })
      .execute();
    await appendAudit(w.store.db, now, { userId: 'usr_c7', label: `${NAME} <${ADDRESS}>` }, [
      { action: 'password.set', organizationId: 'org_acme' },
    ]);
    await w.store.db
      .insertInto('support_case')
      .values({
        id: 'case_c7',
        type: 'other',
        order_id: sent.orderId,
        subscription_id: sent.subscriptionIds[0]!,
        description: `Hello, this is ${NAME} (${ADDRESS}): the link did not work.`,
        requester_user_id: 'usr_c7',
        requester_name: NAME,
        requester_email: ADDRESS,
        requester_language: 'en',
        created_at: now,
        updated_at: now,
      })
      .execute();
    await w.store.db
      .insertInto('support_case_event')
      .values({
        case_id: 'case_c7',
        at: now,
        actor_user_id: null,
        actor_label: 'Sam Agent',
        kind: 'reply',
        body: `Dear Ottavia, we sent a new link.`,
        data: '{}',
      })
      .execute();
    return sent;
  }

  it(
    'leaves no trace of the address or the name in any table, and reruns change nothing',
    { timeout: 60_000 },
    async () => {
      const sent = await givenAContactWithHistory();
      const before = await dump(w);
      // The scenario really spread her data around: e-mails, captured mail, audit, sends.
      for (const table of [
        'subscription_line',
        'provisioning_email',
        'outbox',
        'audit_event',
        'captured_mail',
        'support_case',
        'app_user',
      ])
        expect(
          hits(before, ADDRESS).some((l) => l.startsWith(`${table} `)),
          table,
        ).toBe(true);

      const report = await eraseContact(w.deps, { email: ` ${ADDRESS.toUpperCase()} ` });
      expect(report.pseudonym.email).toMatch(/^erased-[0-9a-f]{16}@erased\.invalid$/);
      expect(Object.keys(report.changed)).toEqual(
        expect.arrayContaining([
          'subscription_line',
          'provisioning_email',
          'outbox',
          'audit_event',
          'captured_mail',
          'support_case',
          'support_case_event',
          'app_user',
          'web_session',
          'invitation',
        ]),
      );

      // Her one captured e-mail goes; Bruno's stays.
      expect(report.changed).toMatchObject({ sign_in_failure: 1, captured_mail: 1, app_user: 1 });
      expect(await w.store.db.selectFrom('captured_mail').select('rcpt_to').execute()).toEqual([
        { rcpt_to: [OTHER.email] },
      ]);
      const after = await dump(w);
      expect(hits(after, ADDRESS)).toEqual([]);
      expect(hits(after, NAME)).toEqual([]);
      expect(hits(after, 'ottavia')).toEqual([]);
      expect(hits(after, 'pellegrini')).toEqual([]);
      // The other contact of the same order keeps their data.
      const bruno = await w.store.db
        .selectFrom('subscription_line')
        .select(['contact_name', 'contact_email'])
        .where('subscription_id', '=', sent.subscriptionIds[1]!)
        .executeTakeFirstOrThrow();
      expect(bruno).toEqual({ contact_name: OTHER.name, contact_email: OTHER.email });
      expect(hits(after, OTHER.email).length).toBeGreaterThan(0);
      // Her waiting e-mail was withdrawn, not sent to the pseudonym; the user is kept, deactivated.
      expect(
        await w.store.db
          .selectFrom('outbox')
          .select('id')
          .where('status', '=', 'pending')
          .where('topic', '=', 'email')
          .execute(),
      ).toEqual([]);
      const withdrawn = await w.store.db
        .selectFrom('outbox')
        .select('payload')
        .where('status', '=', 'superseded')
        .execute();
      expect(withdrawn).toEqual([{ payload: { superseded: true } }]); // its link's sealed token gone too
      const user = await w.store.db
        .selectFrom('app_user')
        .selectAll()
        .where('id', '=', 'usr_c7')
        .executeTakeFirstOrThrow();
      expect(user).toMatchObject({
        email: report.pseudonym.email,
        name: report.pseudonym.name,
        password_hash: null,
      });
      expect(user.deactivated_at).not.toBeNull();
      const invitation = await w.store.db
        .selectFrom('invitation')
        .selectAll()
        .where('id', '=', 'inv_c7')
        .executeTakeFirstOrThrow();
      expect(invitation.revoked_at).not.toBeNull();

      // One audit entry says so, by the pseudonym.
      const erased = await w.store.db
        .selectFrom('audit_event')
        .selectAll()
        .where('action', '=', 'contact.erased')
        .execute();
      expect(erased).toHaveLength(1);
      expect(JSON.stringify(erased[0]!.data)).toContain(report.pseudonym.email);

      // The trail is append-only again: no update, no delete, outside the erasure's transaction.
      await expect(sql`update audit_event set actor_label = 'x'`.execute(w.store.db)).rejects.toThrow(
        /append-only/,
      );
      await expect(sql`delete from audit_event`.execute(w.store.db)).rejects.toThrow(/append-only/);
      // Even with the redaction switch on, only the words may change, never which event it was.
      await expect(
        w.store.db.transaction().execute(async (trx) => {
          await sql`select set_config('onramp.redaction', 'on', true)`.execute(trx);
          await sql`update audit_event set action = 'password.set'`.execute(trx);
        }),
      ).rejects.toThrow(/append-only/);

      // Idempotent: nothing left to change, no second audit entry.
      const again = await eraseContact(w.deps, { email: ADDRESS });
      expect(again).toEqual({ pseudonym: report.pseudonym, changed: {} });
      if (kind === 'postgres') {
        const cli = await runOnramp(['erase-contact', '--email', ADDRESS], { DATABASE_URL: w.store.url! });
        expect(cli.code).toBe(0);
        expect(JSON.parse(cli.stdout)).toEqual({ pseudonym: report.pseudonym, changed: {} });
      }
      expect(
        await w.store.db
          .selectFrom('audit_event')
          .select('id')
          .where('action', '=', 'contact.erased')
          .execute(),
      ).toHaveLength(1);
    },
  );

  it('refuses to erase the last administrator of an organization, and changes nothing', async () => {
    const before = await dump(w);
    const refusal = await eraseContact(w.deps, { email: 'carla@globex.example' }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({ code: 'INVALID_INPUT', details: { rule: 'last_admin' } });
    expect(await dump(w)).toEqual(before);
    if (kind === 'postgres') {
      const cli = await runOnramp(['erase-contact', '--email', 'carla@globex.example'], {
        DATABASE_URL: w.store.url!,
      });
      expect(cli.code).toBe(4);
      expect(cli.stderr).toContain('last active administrator of Globex Italia');
    }
  });
});
