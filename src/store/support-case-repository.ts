/** Support cases, their screenshots and their events. */
import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';

import type { CaseStatus, CaseType, CheckedScreenshot } from '../domain/support-case.js';
import type { AuditActor } from './audit-repository.js';
import type { Database, SupportCaseEventTable, SupportCaseTable } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;
export type SupportCaseRow = Selectable<SupportCaseTable>;
export type SupportCaseEventRow = Selectable<SupportCaseEventTable>;

/** Whether a case number is already given (new numbers are random, so one may come twice). */
export async function caseIdTaken(db: Db, id: string): Promise<boolean> {
  const row = await db.selectFrom('support_case').select('id').where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}

export async function insertCase(db: Db, row: Omit<SupportCaseRow, 'status' | 'closed_at'>): Promise<void> {
  await db.insertInto('support_case').values(row).execute();
}

/** A new key for the case's link (only its hash is kept); the previous link stops working. */
export async function setCaseAccessKeyHash(db: Db, caseId: string, keyHash: Buffer): Promise<void> {
  await db.updateTable('support_case').set({ access_key_hash: keyHash }).where('id', '=', caseId).execute();
}

export async function insertScreenshots(
  db: Db,
  caseId: string,
  files: (CheckedScreenshot & { id: string })[],
  now: Date,
): Promise<void> {
  if (files.length === 0) return;
  await db
    .insertInto('support_case_screenshot')
    .values(
      files.map((f) => ({
        id: f.id,
        case_id: caseId,
        filename: f.filename,
        content_type: f.contentType,
        size_bytes: f.bytes.byteLength,
        content: f.bytes,
        width: f.width,
        height: f.height,
        created_at: now,
      })),
    )
    .execute();
}

export async function appendCaseEvent(
  db: Db,
  caseId: string,
  at: Date,
  actor: AuditActor,
  event: { kind: SupportCaseEventRow['kind']; body?: string | null; data?: Record<string, unknown> },
): Promise<void> {
  await db
    .insertInto('support_case_event')
    .values({
      case_id: caseId,
      at,
      actor_user_id: actor.userId,
      actor_label: actor.label,
      kind: event.kind,
      body: event.body ?? null,
      data: JSON.stringify(event.data ?? {}),
    })
    .execute();
}

export async function findCase(db: Db, id: string): Promise<SupportCaseRow | undefined> {
  return db.selectFrom('support_case').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Locks the case row: actions on one case are applied one after the other. */
export async function lockCase(trx: Transaction<Database>, id: string): Promise<SupportCaseRow | undefined> {
  return trx.selectFrom('support_case').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** A new status (null keeps it) and, when given, when the case was closed (null: it is open again). */
export async function setCaseStatus(
  db: Db,
  id: string,
  status: CaseStatus | null,
  now: Date,
  closedAt?: Date | null,
): Promise<void> {
  await db
    .updateTable('support_case')
    .set({
      ...(status ? { status } : {}),
      ...(closedAt !== undefined ? { closed_at: closedAt } : {}),
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
}

/** The next screenshot number of a case: ids keep the upload order across replies (CS…-1, CS…-2, …). */
export async function screenshotCount(db: Db, caseId: string): Promise<number> {
  const row = await db
    .selectFrom('support_case_screenshot')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('case_id', '=', caseId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface CaseListRow {
  id: string;
  type: CaseType;
  status: CaseStatus;
  web_order_id: string;
  subscription_id: string | null;
  requester_name: string;
  requester_email: string;
  updated_at: Date;
  created_at: Date;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Cases newest-updated first; `requesterUserId` for a requester's own list, filters for the queue. */
export async function listCases(
  db: Db,
  filter: {
    requesterUserId?: string;
    status?: CaseStatus;
    type?: CaseType;
    q?: string;
    /** Keyset paging: only cases after this one in the list's order. */
    after?: { updatedAt: Date; id: string } | undefined;
    limit: number;
  },
): Promise<CaseListRow[]> {
  let q = db
    .selectFrom('support_case as c')
    .innerJoin('purchase_order as po', 'po.id', 'c.order_id')
    .select([
      'c.id',
      'c.type',
      'c.status',
      'po.web_order_id',
      'c.subscription_id',
      'c.requester_name',
      'c.requester_email',
      'c.updated_at',
      'c.created_at',
    ]);
  if (filter.requesterUserId !== undefined) q = q.where('c.requester_user_id', '=', filter.requesterUserId);
  if (filter.status !== undefined) q = q.where('c.status', '=', filter.status);
  if (filter.type !== undefined) q = q.where('c.type', '=', filter.type);
  if (filter.q) {
    const like = `%${escapeLike(filter.q.toLowerCase())}%`;
    q = q.where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['c.id']), 'like', like),
        eb(eb.fn('lower', ['po.web_order_id']), 'like', like),
        eb(eb.fn('lower', ['c.subscription_id']), 'like', like),
        eb(eb.fn('lower', ['c.requester_email']), 'like', like),
      ]),
    );
  }
  const after = filter.after;
  if (after)
    q = q.where((eb) =>
      eb.or([
        eb('c.updated_at', '<', after.updatedAt),
        eb.and([eb('c.updated_at', '=', after.updatedAt), eb('c.id', '<', after.id)]),
      ]),
    );
  return q.orderBy('c.updated_at', 'desc').orderBy('c.id', 'desc').limit(filter.limit).execute();
}

export async function screenshotsOf(db: Db, caseId: string) {
  return (
    db
      .selectFrom('support_case_screenshot')
      .select(['id', 'filename', 'content_type', 'size_bytes', 'width', 'height'])
      .where('case_id', '=', caseId)
      // Upload order: CS…-2 before CS…-10.
      .orderBy(sql`length(id)`)
      .orderBy('id')
      .execute()
  );
}

export async function findScreenshot(db: Db, caseId: string, id: string) {
  return db
    .selectFrom('support_case_screenshot')
    .select(['filename', 'content_type', 'content', 'width', 'height'])
    .where('case_id', '=', caseId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function eventsOf(db: Db, caseId: string): Promise<SupportCaseEventRow[]> {
  return db
    .selectFrom('support_case_event')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('id')
    .execute();
}
