/**
 * The embedded store's driver: PGlite runs a statement on this thread and settles its promise at
 * once, so the driver must let the event loop serve sockets between statements. Without that, a
 * due pass over a large backlog kept an embedded server from answering anything for ~45 s.
 */
import { once } from 'node:events';
import { connect, createServer, type Server } from 'node:net';

import { PGlite } from '@electric-sql/pglite';
import { Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { PGliteDialect } from '../../src/store/pglite-dialect.js';

const STATEMENTS = 200;

let pglite: PGlite;
let db: Kysely<Record<string, never>>;
let server: Server;

beforeAll(async () => {
  pglite = await PGlite.create();
  db = new Kysely({ dialect: new PGliteDialect(pglite) });
  server = createServer((socket) => socket.end('hello\n'));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
});

afterAll(async () => {
  server.close();
  await db.destroy();
  await pglite.close();
});

/** Runs `STATEMENTS` statements one after the other; returns how many had run when `seen()` first held. */
async function statementsBefore(seen: () => boolean, inTransaction: boolean): Promise<number | null> {
  let at: number | null = null;
  const chain = async (q: Kysely<Record<string, never>>) => {
    for (let i = 0; i < STATEMENTS; i++) {
      if (at === null && seen()) at = i;
      await sql`select ${i}::int as i`.execute(q);
    }
  };
  if (inTransaction) await db.transaction().execute(chain);
  else await chain(db);
  return at;
}

describe('PGlite driver', () => {
  it.each([
    ['one statement after another', false],
    ['the statements of one transaction', true],
  ])('serves a socket while %s run', async (_, inTransaction) => {
    const { port } = server.address() as { port: number };
    let greeted = false;
    const client = connect(port, '127.0.0.1');
    client.on('data', () => (greeted = true));
    try {
      // The greeting needs a connect, an accept and a read: several turns of the event loop.
      const at = await statementsBefore(() => greeted, inTransaction);
      expect(at).not.toBeNull();
      expect(at!).toBeLessThan(STATEMENTS);
    } finally {
      client.destroy();
    }
  });
});
