/**
 * The outbox payload is typed by its topic and parsed when claimed. A misspelt field in an
 * e-mail's input fails the typecheck (the `@ts-expect-error` below is checked by `tsc --noEmit`);
 * a row that slips past the compiler anyway (older code, a hand-written row) fails at once with
 * the path of the bad field, is reported through the worker's logger, and does not hold up the
 * rows behind it.
 */
import { Writable } from 'node:stream';

import { sql } from 'kysely';
import { pino } from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';

import { createMailer, type Mailer } from '../../src/email/index.js';
import { dispatchOutbox } from '../../src/jobs/dispatch-outbox.js';
import { dispatchWebhooks } from '../../src/jobs/dispatch-webhooks.js';
import { listMigrations } from '../../src/store/migrate.js';
import { enqueueEmail } from '../../src/store/outbox-repository.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, type World } from '../support/world.js';
import { FROM, type Inbox, OUTBOX, startInbox } from './mail-harness.js';

const TO = { name: 'Maria Rossi', email: 'maria.rossi@globex.example' };

describeEachStore('typed outbox', (kind) => {
  let w: World;
  let inbox: Inbox;
  let mailer: Mailer;
  let logged: Record<string, unknown>[];
  beforeAll(async () => {
    w = await createWorld(kind);
    inbox = await startInbox();
    mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${inbox.port}`, from: FROM });
  });
  afterAll(async () => {
    mailer.close();
    await inbox.close();
    await w.close();
  });

  /** The worker's dispatch deps with a real pino logger whose lines this test reads back. */
  function workerDeps() {
    logged = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) logged.push(JSON.parse(line));
        done();
      },
    });
    return { ...w.deps, mailer, outbox: OUTBOX, log: pino({ level: 'info' }, sink) };
  }

  const outboxRow = (messageKey: string) =>
    w.store.db
      .selectFrom('outbox')
      .select(['status', 'attempts', 'last_error', 'payload'])
      .where('message_key', '=', messageKey)
      .executeTakeFirstOrThrow();

  it('a misspelt field fails the typecheck; a row that slips through fails with the path, and the next row goes out', async () => {
    const now = w.clock.now();
    const welcome = {
      language: 'en',
      to: TO,
      dataRegion: 'EU',
      secrets: { setPasswordUrl: 'http://onramp.test/set-password/tok_misspelt' },
      adminPortalUrl: 'http://onramp.test/admin',
      passwordLinkExpiresAt: '2026-12-08T09:00:00.000Z',
    } as const;
    await enqueueEmail(w.store.db, now, [
      {
        template: 'welcome',
        messageKey: 'wel_misspelt',
        input: {
          ...welcome,
          // @ts-expect-error: the welcome e-mail's field is `organizationName`
          organisationName: 'Globex Italia',
        },
      },
      {
        template: 'welcome',
        messageKey: 'wel_good',
        input: { ...welcome, organizationName: 'Globex Italia' },
      },
    ]);

    const deps = workerDeps();
    expect(await dispatchOutbox(deps)).toEqual({ claimed: 2, sent: 1, retrying: 0, failed: 1, withdrawn: 0 });
    const error =
      'email payload does not parse: input.organizationName: Invalid input: expected string, received undefined';
    expect(await outboxRow('wel_misspelt')).toEqual({
      status: 'failed',
      attempts: 1,
      last_error: error,
      // Its link could be anywhere in a shape that does not parse: nothing of it is kept.
      payload: { unparsed: true },
    });
    expect(await outboxRow('wel_good')).toMatchObject({ status: 'done', last_error: null });
    expect(inbox.messageIds()).toEqual(['<wel_good@onramp.test>']);
    expect(logged).toEqual([expect.objectContaining({ level: 50, messageKey: 'wel_misspelt', error })]);

    // Failed for good: later passes do not claim it again.
    w.clock.advance(OUTBOX.backoffMaxMs + OUTBOX.leaseMs);
    expect(await dispatchOutbox(deps)).toMatchObject({ claimed: 0 });
  });

  it('a row in the shape before `secrets` is moved into it by migration 012, then sent and scrubbed', async () => {
    const now = w.clock.now();
    const link = 'http://onramp.test/set-password/tok_written_before_012';
    await w.store.db
      .insertInto('outbox')
      .values({
        topic: 'email',
        message_key: 'pwl_legacy',
        available_at: now,
        created_at: now,
        payload: JSON.stringify({
          input: {
            template: 'password-link',
            language: 'en',
            to: TO,
            purpose: 'reset',
            setPasswordUrl: link,
            expiresAt: '2026-12-01T10:00:00.000Z',
          },
        }),
      })
      .execute();
    const migration = listMigrations().find((m) => m.version === 12)!;
    await sql.raw(migration.sql).execute(w.store.db);
    expect((await outboxRow('pwl_legacy')).payload).toMatchObject({
      input: { secrets: { setPasswordUrl: link } },
    });

    expect(await dispatchOutbox(workerDeps())).toMatchObject({ claimed: 1, sent: 1, failed: 0 });
    expect(inbox.to(TO.email).at(-1)!.links).toContain(link);
    const { payload } = await outboxRow('pwl_legacy');
    expect(payload).toMatchObject({ input: { template: 'password-link', purpose: 'reset', to: TO } });
    expect((payload as { input: object }).input).not.toHaveProperty('secrets');
    expect(JSON.stringify(payload)).not.toContain('tok_written_before_012');
  });

  it('a webhook delivery whose payload does not parse fails at once, in the delivery log, and is reported', async () => {
    const now = w.clock.now();
    const { id } = await w.store.db
      .insertInto('outbox')
      .values({
        topic: 'webhook',
        message_key: 'whd_unknown_type',
        available_at: now,
        created_at: now,
        payload: JSON.stringify({ eventType: 'subscription.exploded', eventId: 'evt_1', body: '{}' }),
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    expect(await dispatchWebhooks(workerDeps())).toMatchObject({ claimed: 1, failed: 1, retrying: 0 });
    const row = await outboxRow('whd_unknown_type');
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
    expect(row.last_error).toMatch(
      /^webhook payload does not parse: eventType: Invalid option: expected one of /,
    );
    const attempts = await w.store.db
      .selectFrom('webhook_attempt')
      .select(['attempt', 'error'])
      .where('outbox_id', '=', id)
      .execute();
    expect(attempts).toEqual([{ attempt: 1, error: row.last_error }]);
    expect(logged).toEqual([expect.objectContaining({ level: 50, deliveryId: 'whd_unknown_type' })]);
  });
});
