/**
 * The approval of a join request is the point of no return, raced on both stores: an
 * administrator approves while the partner resends both lines' e-mails and the order's second
 * contact, already an administrator of the organization, maps it directly. Whatever the
 * interleaving: exactly one mapping, no provisioning e-mail committed after it, none of the
 * withdrawn ones reaches the SMTP server, and the losers are refused with the PONR's codes.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';

import { resendProvisioningEmail } from '../../src/app/lines/resend-provisioning-email.js';
import { completeSetup } from '../../src/app/setup/complete-setup.js';
import { confirmSetup } from '../../src/app/setup/confirm-setup.js';
import { decideJoinRequestByLink } from '../../src/app/setup/decide-join-request.js';
import { AppError } from '../../src/domain/errors.js';
import { runDue } from '../../src/jobs/run-due.js';
import { initechWithAdmins, joinTokenIn } from '../app/join-fixtures.js';
import { freshContact, setupTokenOf } from '../app/setup-fixtures.js';
import { describeEachStore } from '../support/test-store.js';
import type { World } from '../support/world.js';
import { closeMailWorld, type MailWorld, openMailWorld } from './mail-harness.js';

const ROUNDS = 8;

/** Yields to the event loop `n` times: other calls' queries get answered meanwhile. */
async function turns(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
}

describeEachStore('join request approval races the partner and a direct mapping', (kind) => {
  let mw: MailWorld;
  let w: World;
  beforeAll(async () => {
    mw = await openMailWorld(kind);
    w = mw.w;
  });
  afterAll(() => closeMailWorld(mw));

  it(`${ROUNDS} rounds: exactly one mapping, 0 e-mails committed after it`, async () => {
    const tally = { approvals: 0, directMappings: 0, resendsBefore: 0, resendsRefused: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      const org = await initechWithAdmins(w);
      const [ugo, vera] = org.admins as [string, string];
      const irene = freshContact();
      const placed = await w.order({
        lines: [
          { offerCode: 'MEET-PRO', quantity: 2, provisioningContact: irene },
          {
            offerCode: 'CALL-STD',
            quantity: 5,
            provisioningContact: { name: 'Ugo', email: ugo, language: 'it' },
          },
        ],
      });
      const [ireneLine, ugoLine] = placed.subscriptionIds as [string, string];
      await runDue(w.deps);
      const [ireneToken, ugoToken] = [await setupTokenOf(w, ireneLine), await setupTokenOf(w, ugoLine)];
      await confirmSetup(w.deps, ireneToken, { organization: { organizationId: org.organizationId } });
      await mw.worker.drain();
      const approveToken = joinTokenIn(mw.inbox.to(vera).at(-1)!);

      const calls: { kind: 'approve' | 'direct' | 'resend'; run: () => Promise<unknown> }[] = [
        { kind: 'approve', run: () => decideJoinRequestByLink(w.deps, approveToken, 'approve') },
        {
          kind: 'resend',
          run: () => resendProvisioningEmail(w.deps, w.actors.alice, { subscriptionId: ireneLine }),
        },
        {
          kind: 'resend',
          run: () => resendProvisioningEmail(w.deps, w.actors.alice, { subscriptionId: ugoLine }),
        },
        {
          kind: 'direct',
          run: () =>
            completeSetup(w.deps, ugoToken, { organization: { organizationId: org.organizationId } }),
        },
      ];
      for (let i = calls.length - 1; i > 0; i--) {
        const j = Math.floor(Math.random() * (i + 1));
        [calls[i], calls[j]] = [calls[j]!, calls[i]!];
      }
      // Each call waits a random number of event-loop turns before it starts (no clock involved),
      // and the approval or the direct mapping, by turns, gets a head start: both must win sometimes.
      const favoured = round % 2 === 0 ? 'approve' : 'direct';
      const results = await Promise.allSettled(
        calls.map(async (c) => {
          await turns(c.kind === favoured ? 0 : 20 + Math.floor(Math.random() * 400));
          return c.run();
        }),
      );
      const of = (k: string) => results.filter((_, i) => calls[i]!.kind === k);
      const refusedCode = (r: PromiseSettledResult<unknown>) =>
        r.status === 'rejected' ? (r.reason instanceof AppError ? r.reason.code : String(r.reason)) : null;

      const mappings = [...of('approve'), ...of('direct')].filter((r) => r.status === 'fulfilled');
      expect(mappings).toHaveLength(1);
      for (const r of [...of('approve'), ...of('direct')].filter((x) => x.status === 'rejected'))
        expect(['ALREADY_MAPPED', 'TOKEN_INVALID']).toContain(refusedCode(r));
      for (const r of of('resend').filter((x) => x.status === 'rejected'))
        expect(refusedCode(r)).toBe('PAST_PONR');
      if (of('approve')[0]!.status === 'fulfilled') tally.approvals++;
      else tally.directMappings++;
      tally.resendsBefore += of('resend').filter((r) => r.status === 'fulfilled').length;
      tally.resendsRefused += of('resend').filter((r) => r.status === 'rejected').length;

      // Audit ids follow commit order here: every writer holds the order's row lock while it writes.
      const events = await w.store.db
        .selectFrom('audit_event')
        .select(['id', 'action'])
        .where('order_id', '=', placed.orderId)
        .where('action', 'in', ['order.mapped', 'provisioning_email.queued'])
        .orderBy('id')
        .execute();
      const mapped = events.filter((e) => e.action === 'order.mapped');
      expect(mapped).toHaveLength(1);
      expect(events.filter((e) => Number(e.id) > Number(mapped[0]!.id))).toEqual([]);

      // The request ends approved when its approval won, withdrawn when the direct mapping did.
      const request = await w.store.db
        .selectFrom('join_request')
        .select('status')
        .where('order_id', '=', placed.orderId)
        .executeTakeFirstOrThrow();
      expect(request.status).toBe(of('approve')[0]!.status === 'fulfilled' ? 'approved' : 'withdrawn');

      // Nothing still waiting to go out, and nothing withdrawn went out.
      await mw.worker.drain();
      const sends = await w.store.db
        .selectFrom('provisioning_email')
        .select(['id', 'status'])
        .where('subscription_id', 'in', placed.subscriptionIds)
        .execute();
      expect(sends.filter((s) => s.status === 'queued')).toEqual([]);
      const delivered = new Set(mw.inbox.messageIds());
      expect(sends.filter((s) => s.status === 'withdrawn' && delivered.has(`<${s.id}@onramp.test>`))).toEqual(
        [],
      );
      const live = await w.store.db
        .selectFrom('setup_token')
        .select('subscription_id')
        .where('subscription_id', 'in', placed.subscriptionIds)
        .where('revoked_at', 'is', null)
        .where('used_at', 'is', null)
        .execute();
      expect(live).toEqual([]);
    }
    console.log(`[reliability] join-request PONR race (${kind}), ${ROUNDS} rounds: ${JSON.stringify(tally)}`);
    expect(tally.approvals + tally.directMappings).toBe(ROUNDS);
  });
});
