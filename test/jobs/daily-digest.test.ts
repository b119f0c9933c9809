/**
 * The daily digest to the person who placed the order, through a real SMTP socket: lines closing
 * within 3 days and lines whose provisioning e-mail bounced, each with its page's absolute link,
 * in the recipient's language; nothing when nothing is listed; the opt-out; the partner admins when
 * the placer is deactivated; and exactly one digest per person and day, however many workers run.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';

import { changeUser } from '../../src/app/identity/change-user.js';
import { setDailyDigestSetting } from '../../src/app/identity/set-daily-digest.js';
import { recordEmailEvent } from '../../src/app/lines/record-email-event.js';
import type { ParsedMail } from '../../src/email/index.js';
import { runDue } from '../../src/jobs/run-due.js';
import { sendDailyDigests } from '../../src/jobs/send-daily-digests.js';
import { describeEachStore } from '../support/test-store.js';
import { START } from '../support/world.js';
import { closeMailWorld, DAY, type MailWorld, openMailWorld } from './mail-harness.js';

const irene = { name: 'Irene Conti', email: 'irene@initech.example', language: 'en' as const };
const typo = { name: 'Ugo Neri', email: 'ugo@initech.exampel', language: 'it' as const };
const ALICE = 'alice@acme.example';
/** 5 December, 10:00 UTC: an A-FLEX line e-mailed at START (1 December, 09:00) closes within 3 days. */
const DIGEST_AT = new Date(new Date(START).getTime() + 4 * DAY + 3_600_000);

const isDigest = (mail: ParsedMail) => mail.messageId?.startsWith('<digest_') === true;

describeEachStore('the daily digest e-mail', (kind) => {
  let m: MailWorld;
  beforeEach(async () => {
    m = await openMailWorld(kind);
  });
  afterEach(() => closeMailWorld(m));

  /**
   * An order by `by` with an A-FLEX line (closes 7 days after its first e-mail) for Irene and a
   * MEET-PRO line (30 days) for an address that bounces; both e-mailed at START, the bounce reported.
   */
  async function orderNeedingAttention(by: 'alice' | 'marco' | 'bob' = 'alice') {
    const placed = await m.w.order(
      {
        lines: [
          { offerCode: 'A-FLEX', quantity: 3, provisioningContact: irene },
          { offerCode: 'MEET-PRO', quantity: 10, provisioningContact: typo },
        ],
      },
      by,
    );
    await runDue(m.w.deps);
    await m.worker.drain();
    const bounced = m.inbox.to(typo.email).at(-1)!;
    await recordEmailEvent(m.w.deps, {
      type: 'bounced',
      ref: { messageId: bounced.messageId! },
      detail: '550 5.1.1 user unknown',
    });
    const [flex, meet] = placed.subscriptionIds as [string, string];
    return { ...placed, flex, meet };
  }

  const digestsTo = (address: string) => m.inbox.to(address).filter(isDigest);
  const digestRows = () => m.w.store.db.selectFrom('digest_sent').selectAll().orderBy('user_id').execute();

  async function digestAt(at: Date) {
    m.w.clock.set(at);
    const summary = await sendDailyDigests(m.w.deps);
    await m.worker.drain();
    return summary;
  }

  it('lists the lines closing within 3 days and the bounced ones, each with its absolute link (English)', async () => {
    const { webOrderId, flex, meet } = await orderNeedingAttention();
    expect(await digestAt(DIGEST_AT)).toMatchObject({ due: true, sent: 1, complete: true });

    const [digest, ...more] = digestsTo(ALICE);
    expect(more).toHaveLength(0);
    expect(digest!.subject).toBe('2 subscriptions need your attention');
    expect(digest!.text).toContain(
      `${flex} (Active Flex), order ${webOrderId} for Initech Srl: closes on 8 December 2026, 09:00 UTC, contact ${irene.email}.\nhttp://onramp.test/subscriptions/${flex}`,
    );
    expect(digest!.text).toContain(
      `${meet} (Meetings Pro), order ${webOrderId} for Initech Srl: the e-mail to ${typo.email} bounced.\nhttp://onramp.test/subscriptions/${meet}`,
    );
    expect(digest!.text).toContain('1 subscription closes within 3 days');
    expect(digest!.text).toContain('The provisioning e-mail of 1 subscription did not arrive');
    expect(digest!.links).toEqual(
      expect.arrayContaining([
        `http://onramp.test/subscriptions/${flex}`,
        `http://onramp.test/subscriptions/${meet}`,
        'http://onramp.test/settings/account',
      ]),
    );
    expect(digest!.html).toContain(`href="http://onramp.test/subscriptions/${flex}"`);
    expect(await digestRows()).toMatchObject([{ user_id: 'usr_alice', day: '2026-12-05', lines: 2 }]);
  });

  it('speaks the recipient’s language (Italian)', async () => {
    await m.w.store.db
      .updateTable('app_user')
      .set({ language: 'it' })
      .where('id', '=', 'usr_marco')
      .execute();
    const { webOrderId, flex, meet } = await orderNeedingAttention('marco');
    await digestAt(DIGEST_AT);
    const [digest] = digestsTo('marco@acme.example');
    expect(digest!.subject).toBe('2 abbonamenti richiedono la Sua attenzione');
    expect(digest!.text).toContain(
      `${flex} (Active Flex), ordine ${webOrderId} per Initech Srl: data di chiusura 8 dicembre 2026, 09:00 UTC, contatto ${irene.email}.`,
    );
    expect(digest!.text).toContain(
      `${meet} (Meetings Pro), ordine ${webOrderId} per Initech Srl: l’e-mail a ${typo.email} è stata respinta.`,
    );
    expect(digest!.text).toContain('Il team di Onramp');
    expect(digest!.text).not.toMatch(/Hello|closes on/);
  });

  it('sends nothing when nothing is listed, and nothing before the send hour', async () => {
    // MEET-PRO closes 30 days after its e-mail, which arrived: nothing to say on 4 December.
    await m.w.order({ lines: [{ offerCode: 'MEET-PRO', quantity: 1, provisioningContact: irene }] });
    await runDue(m.w.deps);
    await m.worker.drain();
    expect(await digestAt(DIGEST_AT)).toMatchObject({ due: true, sent: 0, complete: true });
    expect(await digestRows()).toEqual([]);

    // Something to say, but at 06:59 UTC the next day (the default hour is 07): not yet; at 07:00 it goes.
    await orderNeedingAttention();
    expect(await digestAt(new Date('2026-12-06T06:59:59.000Z'))).toMatchObject({ due: false, sent: 0 });
    expect(await digestAt(new Date('2026-12-06T07:00:00.000Z'))).toMatchObject({ due: true, sent: 1 });
    expect(digestsTo(ALICE)).toHaveLength(1);
  });

  it('respects the opt-out, which is audited, and sends again once turned back on', async () => {
    await orderNeedingAttention();
    expect(await setDailyDigestSetting(m.w.deps, m.w.actors.alice, { dailyDigest: false })).toEqual({
      dailyDigest: false,
      changed: true,
    });
    expect(await digestAt(DIGEST_AT)).toMatchObject({ sent: 0, complete: true });
    expect(digestsTo(ALICE)).toHaveLength(0);
    expect(await digestRows()).toEqual([]);

    await setDailyDigestSetting(m.w.deps, m.w.actors.alice, { dailyDigest: true });
    // Setting what is set writes nothing.
    expect(await setDailyDigestSetting(m.w.deps, m.w.actors.alice, { dailyDigest: true })).toEqual({
      dailyDigest: true,
      changed: false,
    });
    const audit = await m.w.store.db
      .selectFrom('audit_event')
      .select(['action', 'actor_user_id', 'organization_id'])
      .where('action', 'like', 'user.digest%')
      .orderBy('id')
      .execute();
    expect(audit).toEqual([
      { action: 'user.digest_turned_off', actor_user_id: 'usr_alice', organization_id: 'org_acme' },
      { action: 'user.digest_turned_on', actor_user_id: 'usr_alice', organization_id: 'org_acme' },
    ]);
    expect(await digestAt(new Date(DIGEST_AT.getTime() + 60_000))).toMatchObject({ sent: 1 });
    expect(digestsTo(ALICE)).toHaveLength(1);
  });

  it('goes to the partner admins when the placer is deactivated, and to nobody of another partner', async () => {
    const { flex } = await orderNeedingAttention('bob');
    await changeUser(m.w.deps, m.w.actors.brenda, 'usr_bob', { active: false });
    expect(await digestAt(DIGEST_AT)).toMatchObject({ sent: 1 });
    expect(digestsTo('bob@bright.example')).toHaveLength(0);
    const [digest] = digestsTo('brenda@bright.example');
    expect(digest!.text).toContain(`http://onramp.test/subscriptions/${flex}`);
    // Acme's admin and users hear nothing of Brightlink's order.
    expect(m.inbox.received.filter((r) => isDigest(r.mail)).map((r) => r.envelope.to)).toEqual([
      ['brenda@bright.example'],
    ]);
  });

  it('sends exactly one digest per person and day, with two workers at once and after a restart', async () => {
    await orderNeedingAttention('alice');
    await orderNeedingAttention('marco');
    await orderNeedingAttention('bob');
    m.w.clock.set(DIGEST_AT);
    // Small batches, so the two runs interleave their claims.
    const [a, b] = await Promise.all([
      sendDailyDigests(m.w.deps, { batchSize: 1 }),
      sendDailyDigests({ ...m.w.deps }, { batchSize: 1 }),
    ]);
    expect(a.sent + b.sent).toBe(3);
    // A worker restarted later that day finds everyone served.
    m.w.clock.set(new Date(DIGEST_AT.getTime() + 5 * 3_600_000));
    expect(await sendDailyDigests(m.w.deps)).toMatchObject({ sent: 0, complete: true });
    await m.worker.drain();
    for (const address of [ALICE, 'marco@acme.example', 'bob@bright.example'])
      expect(digestsTo(address)).toHaveLength(1);
    expect((await digestRows()).map((r) => r.user_id)).toEqual(['usr_alice', 'usr_bob', 'usr_marco']);

    // The next day is a new digest (the bounced lines are still there).
    expect(await digestAt(new Date(DIGEST_AT.getTime() + DAY))).toMatchObject({ sent: 3 });
    expect(digestsTo(ALICE)).toHaveLength(2);
  });
});
