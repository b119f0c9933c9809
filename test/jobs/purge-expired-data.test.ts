/**
 * Retention (issue 21, item 2): the worker's due loop deletes only what is past its age, a batch
 * of at most 500 rows per kind and pass, and keeps what is still needed: pending e-mails, failed
 * e-mails that may still be retried, live links, live sessions, open support cases, and the sends
 * themselves (the line's history; followers point to their lead).
 */
import { sql } from 'kysely';
import pino from 'pino';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';

import { hashToken } from '../../src/app/deps.js';
import { loadConfig } from '../../src/config.js';
import { DEFAULT_RETENTION } from '../../src/domain/retention.js';
import { createMailer } from '../../src/email/index.js';
import { purgeExpiredData } from '../../src/jobs/purge-expired-data.js';
import { runDue } from '../../src/jobs/run-due.js';
import { startWorker } from '../../src/jobs/start-worker.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, type World } from '../support/world.js';
import { DAY, FROM, OUTBOX, unusedPort } from './mail-harness.js';

describeEachStore('retention', (kind) => {
  let w: World;
  beforeEach(async () => {
    w = await createWorld(kind);
  });
  afterEach(() => w.close());

  const ago = (days: number) => new Date(w.clock.now().getTime() - days * DAY);
  const count = async (table: string, where = sql`true`) =>
    Number(
      (
        await sql<{ n: string }>`select count(*) as n from ${sql.table(table)} where ${where}`.execute(
          w.store.db,
        )
      ).rows[0]!.n,
    );

  /** `n` finished outbox rows of `topic`, finished `days` ago, keyed `prefix-i`. */
  async function finishedRows(topic: string, n: number, days: number, prefix: string, status = 'done') {
    await sql`
      insert into outbox (topic, payload, message_key, status, attempts, available_at, created_at, done_at)
      select ${topic}, '{}'::jsonb, ${prefix} || '-' || i, ${status}, 1, ${ago(days)}, ${ago(days)}, ${ago(days)}
      from generate_series(1, ${n}) as i`.execute(w.store.db);
  }

  it('deletes 1,200 finished e-mails older than 30 days in 3 passes of at most 500, keeping what is needed', async () => {
    // A real send (lead of one e-mail) whose outbox row finished long ago: the row goes, the send stays.
    const { subscriptionIds } = await w.order({
      lines: [1, 2].map(() => ({
        offerCode: 'MEET-PRO',
        quantity: 1,
        provisioningContact: { name: 'Irene Conti', email: 'irene@initech.example', language: 'en' as const },
      })),
    });
    await runDue(w.deps);
    expect(await count('provisioning_email', sql`lead_send_id is not null`)).toBe(1);
    await sql`update outbox set status = 'done', done_at = ${ago(40)} where topic = 'email'`.execute(
      w.store.db,
    );
    await finishedRows('email', 1_197, 31, 'old');
    await finishedRows('email', 1, 40, 'gave-up', 'failed'); // retry_until null: never retried
    await finishedRows('email', 1, 40, 'superseded', 'superseded');
    // Kept: younger than 30 days, still pending (however old), failed but retried while its link works.
    await finishedRows('email', 3, 29, 'young');
    await sql`
      insert into outbox (topic, payload, message_key, status, available_at, created_at)
      values ('email', '{}', 'pending-old', 'pending', ${ago(60)}, ${ago(60)})`.execute(w.store.db);
    await finishedRows('email', 1, 40, 'retryable', 'failed');
    await sql`update outbox set retry_until = ${ago(-5)} where message_key = 'retryable-1'`.execute(
      w.store.db,
    );
    const sendsBefore = await count('provisioning_email');

    const retention = { ...DEFAULT_RETENTION, outboxDays: 30 };
    const passes = [];
    for (let i = 0; i < 4; i++) passes.push(await purgeExpiredData(w.store.db, w.clock.now(), retention));
    expect(passes.map((p) => [p.deleted.outbox, p.more])).toEqual([
      [500, true],
      [500, true],
      [200, false],
      [0, false],
    ]);
    expect(
      (await w.store.db.selectFrom('outbox').select('message_key').orderBy('message_key').execute()).map(
        (r) => r.message_key,
      ),
    ).toEqual(['pending-old', 'retryable-1', 'young-1', 'young-2', 'young-3']);
    expect(await count('provisioning_email')).toBe(sendsBefore);
    expect(subscriptionIds).toHaveLength(2);
  });

  it("deletes old webhook deliveries with their attempts, sessions, links, captured mail and closed cases' screenshots", async () => {
    const { orderId, subscriptionIds } = await w.order();
    const sub = subscriptionIds[0]!;
    const now = w.clock.now();
    await finishedRows('webhook', 2, 31, 'hook-old');
    await finishedRows('webhook', 1, 10, 'hook-young');
    await sql`
      insert into webhook_attempt (outbox_id, attempt, at, response_status)
      select id, 1, done_at, 200 from outbox where topic = 'webhook'`.execute(w.store.db);

    const session = (id: string, expires: Date) => ({
      id_hash: hashToken(id),
      user_id: 'usr_alice',
      created_at: ago(60),
      expires_at: expires,
    });
    await w.store.db
      .insertInto('web_session')
      .values([session('expired-10d', ago(10)), session('expired-3d', ago(3)), session('live', ago(-1))])
      .execute();

    const setupToken = (id: string, expires: Date, revoked: Date | null) => ({
      token_hash: hashToken(id),
      subscription_id: sub,
      send_id: `snd_${id}`,
      created_at: ago(200),
      expires_at: expires,
      revoked_at: revoked,
      revoked_reason: revoked ? 'replaced' : null,
      used_at: null,
    });
    await w.store.db
      .insertInto('setup_token')
      .values([setupToken('expired-40d', ago(40), null), setupToken('replaced-yesterday', ago(-60), ago(1))])
      .execute();
    const liveLinks = await count('setup_token', sql`expires_at > ${now}`);
    await w.store.db
      .insertInto('password_token')
      .values([
        {
          token_hash: hashToken('pw-old'),
          user_id: 'usr_alice',
          created_at: ago(41),
          expires_at: ago(40),
          used_at: null,
        },
        {
          token_hash: hashToken('pw-live'),
          user_id: 'usr_alice',
          created_at: now,
          expires_at: ago(-1),
          used_at: null,
        },
      ])
      .execute();
    const invitation = (id: string, expires: Date) => ({
      id,
      organization_id: 'org_acme',
      email: `${id}@acme.example`,
      role: 'partner_user' as const,
      language: 'en' as const,
      invited_by_label: 'Paola Verdi',
      token_hash: hashToken(id),
      created_at: ago(60),
      sent_at: ago(60),
      expires_at: expires,
    });
    await w.store.db
      .insertInto('invitation')
      .values([invitation('inv_old', ago(31)), invitation('inv_live', ago(-3))])
      .execute();

    const mail = (subject: string, at: Date) => ({
      received_at: at,
      message_id: null,
      mail_from: 'a@onramp.test',
      rcpt_to: ['b@initech.example'],
      subject,
      text_body: '',
      html_body: '',
      links: '[]',
    });
    await w.store.db
      .insertInto('captured_mail')
      .values([mail('old', ago(15)), mail('young', ago(13))])
      .execute();

    const supportCase = (id: string, status: 'closed' | 'open', updated: Date) => ({
      id,
      type: 'other' as const,
      status,
      order_id: orderId,
      subscription_id: sub,
      description: 'x',
      requester_user_id: 'usr_alice',
      requester_name: 'Alice Rossi',
      requester_email: 'alice@acme.example',
      requester_language: 'en' as const,
      created_at: ago(200),
      updated_at: updated,
    });
    await w.store.db
      .insertInto('support_case')
      .values([
        supportCase('case_closed_old', 'closed', ago(91)),
        supportCase('case_closed_young', 'closed', ago(89)),
        supportCase('case_open_old', 'open', ago(200)),
      ])
      .execute();
    await w.store.db
      .insertInto('support_case_screenshot')
      .values(
        ['case_closed_old', 'case_closed_young', 'case_open_old'].map((caseId) => ({
          id: `shot_${caseId}`,
          case_id: caseId,
          filename: 'a.png',
          content_type: 'image/png' as const,
          size_bytes: 4,
          content: new Uint8Array([1, 2, 3, 4]),
          created_at: ago(200),
          width: 1,
          height: 1,
        })),
      )
      .execute();

    const summary = await purgeExpiredData(w.store.db, now, DEFAULT_RETENTION);
    expect(summary).toEqual({
      deleted: {
        outbox: 0,
        webhookDeliveries: 2,
        sessions: 1,
        setupTokens: 1,
        passwordTokens: 1,
        invitations: 1,
        capturedMail: 1,
        screenshots: 1,
      },
      more: false,
    });
    expect(await count('outbox', sql`topic = 'webhook'`)).toBe(1);
    expect(await count('webhook_attempt')).toBe(1);
    expect(await count('web_session')).toBe(2);
    expect(await count('setup_token', sql`expires_at > ${now}`)).toBe(liveLinks);
    expect(await count('setup_token', sql`expires_at <= ${now}`)).toBe(0);
    expect(await w.store.db.selectFrom('password_token').select('used_at').execute()).toHaveLength(1);
    expect((await w.store.db.selectFrom('invitation').select('id').execute()).map((r) => r.id)).toEqual([
      'inv_live',
    ]);
    expect(
      (await w.store.db.selectFrom('captured_mail').select('subject').execute()).map((r) => r.subject),
    ).toEqual(['young']);
    expect(
      (await w.store.db.selectFrom('support_case_screenshot').select('id').orderBy('id').execute()).map(
        (r) => r.id,
      ),
    ).toEqual(['shot_case_closed_young', 'shot_case_open_old']);
    expect(await count('support_case')).toBe(3);

    // 0 keeps a kind forever; a second pass finds nothing more.
    const forever = await purgeExpiredData(w.store.db, ago(-1000), {
      ...DEFAULT_RETENTION,
      capturedMailDays: 0,
      sessionsDays: 0,
      webhookDeliveriesDays: 0,
      linksDays: 0,
      screenshotsDays: 0,
      outboxDays: 0,
    });
    expect(Object.values(forever.deleted).every((n) => n === 0)).toBe(true);
  });

  it("runs in the worker's due loop, pass after pass while a backlog remains", async () => {
    await sql`
      insert into captured_mail (received_at, mail_from, rcpt_to, subject, text_body, html_body, links)
      select ${ago(15)}, 'a@onramp.test', array['b@initech.example'], 'old ' || i, '', '', '[]'
      from generate_series(1, 1200) as i`.execute(w.store.db);
    await w.store.db
      .insertInto('captured_mail')
      .values({
        received_at: ago(1),
        mail_from: 'a@onramp.test',
        rcpt_to: [],
        subject: 'young',
        text_body: '',
        html_body: '',
        links: '[]',
      })
      .execute();
    const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${await unusedPort()}`, from: FROM });
    const worker = startWorker(
      { ...w.deps, mailer, outbox: OUTBOX },
      {
        dueIntervalMs: 20,
        outboxIntervalMs: 3_600_000,
        log: pino({ level: 'silent' }),
        retention: DEFAULT_RETENTION,
      },
    );
    try {
      // The bound only fails rather than hangs; a pass without backlog waits 10 minutes, so three
      // passes of 500 within it show the loop came back at once while batches were full.
      await vi.waitFor(async () => expect(await count('captured_mail')).toBe(1), {
        timeout: 60_000,
        interval: 50,
      });
    } finally {
      await worker.stop();
      mailer.close();
    }
    expect((await w.store.db.selectFrom('captured_mail').select('subject').execute())[0]!.subject).toBe(
      'young',
    );
  });

  it('reads RETENTION_*_DAYS, 0 meaning forever', () => {
    expect(loadConfig({}).retention).toEqual(DEFAULT_RETENTION);
    const cfg = loadConfig({ RETENTION_OUTBOX_DAYS: '0', RETENTION_CAPTURED_MAIL_DAYS: '2' });
    expect(cfg.retention).toMatchObject({ outboxDays: 0, capturedMailDays: 2 });
    expect(() => loadConfig({ RETENTION_SESSIONS_DAYS: '-1' })).toThrow();
  });
});
