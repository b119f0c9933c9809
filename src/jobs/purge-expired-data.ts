/**
 * Retention: the worker's due loop deletes, kind by kind, what has been kept long enough (see
 * docs/architecture.md, "What is kept, and for how long"). One pass runs one statement of at most
 * `batchSize` rows per kind, so a backlog is worked off over several passes and no statement holds
 * locks for long; `more` says a kind filled its batch and the next pass should come soon.
 */
import type { Kysely } from 'kysely';

import type { Retention } from '../domain/retention.js';
import {
  deleteCapturedMail,
  deleteExpiredInvitations,
  deleteExpiredPasswordTokens,
  deleteExpiredSessions,
  deleteExpiredSetupTokens,
  deleteFinishedOutboxRows,
  deleteScreenshotsOfClosedCases,
} from '../store/purge-repository.js';
import type { Database } from '../store/schema.js';

export type PurgeKind =
  | 'outbox'
  | 'webhookDeliveries'
  | 'sessions'
  | 'setupTokens'
  | 'passwordTokens'
  | 'invitations'
  | 'capturedMail'
  | 'screenshots';

export interface PurgeSummary {
  deleted: Record<PurgeKind, number>;
  /** Some kind deleted a full batch: more of it is due. */
  more: boolean;
}

const DAY_MS = 86_400_000;

export async function purgeExpiredData(
  db: Kysely<Database>,
  now: Date,
  retention: Retention,
  opts: { batchSize?: number } = {},
): Promise<PurgeSummary> {
  const limit = opts.batchSize ?? 500;
  const before = (days: number) => new Date(now.getTime() - days * DAY_MS);
  const kinds: [PurgeKind, number, (cutoff: Date) => Promise<number>][] = [
    ['outbox', retention.outboxDays, (c) => deleteFinishedOutboxRows(db, 'email', c, now, limit)],
    [
      'webhookDeliveries',
      retention.webhookDeliveriesDays,
      (c) => deleteFinishedOutboxRows(db, 'webhook', c, now, limit),
    ],
    ['sessions', retention.sessionsDays, (c) => deleteExpiredSessions(db, c, limit)],
    ['setupTokens', retention.linksDays, (c) => deleteExpiredSetupTokens(db, c, limit)],
    ['passwordTokens', retention.linksDays, (c) => deleteExpiredPasswordTokens(db, c, limit)],
    ['invitations', retention.linksDays, (c) => deleteExpiredInvitations(db, c, limit)],
    ['capturedMail', retention.capturedMailDays, (c) => deleteCapturedMail(db, c, limit)],
    ['screenshots', retention.screenshotsDays, (c) => deleteScreenshotsOfClosedCases(db, c, limit)],
  ];
  const summary: PurgeSummary = {
    deleted: Object.fromEntries(kinds.map(([kind]) => [kind, 0])) as Record<PurgeKind, number>,
    more: false,
  };
  // One statement per kind, each in its own implicit transaction: nothing waits on a long one.
  for (const [kind, days, purge] of kinds) {
    if (days === 0) continue;
    const count = await purge(before(days));
    summary.deleted[kind] = count;
    if (count === limit) summary.more = true;
  }
  return summary;
}
