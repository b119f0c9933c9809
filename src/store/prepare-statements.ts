/**
 * A pg client that prepares each parameterized statement once per connection and reuses it:
 * Kysely sends every query as unnamed, so PostgreSQL parsed and planned each one again. Naming
 * the statement by a hash of its text lets the server keep the parse and, after a few runs, a
 * generic plan. Measured on a resend (docs/benchmarks.md): the machine's CPU per resend went from
 * 3.2 to 2.0 ms, nearly all of the saving on PostgreSQL's side.
 *
 * Bounded: statements with many parameters (the worker's batch statements, whose text changes
 * with the batch size) stay unnamed, and a connection prepares at most MAX_STATEMENTS texts.
 * After a schema change a prepared `select *` can fail with "cached plan must not change result
 * type" (0A000); the client then starts a new generation of names, so that one query fails and
 * the next ones are prepared afresh.
 */
import { createHash } from 'node:crypto';

import pg from 'pg';

const MAX_PARAMS = 64;
const MAX_STATEMENTS = 500;

export class PreparingClient extends pg.Client {
  #names = new Map<string, string>();
  #generation = 0;

  // Kysely calls query(text, values) and awaits the promise; every other form passes through.
  override query(...args: unknown[]): never {
    const [text, values] = args;
    const name =
      typeof text === 'string' && Array.isArray(values) && args.length === 2
        ? this.#nameOf(text, values)
        : null;
    if (name === null) {
      const result: unknown = Reflect.apply(super.query, this, args);
      return (
        result instanceof Promise ? result.catch((err: unknown) => this.#failed(err)) : result
      ) as never;
    }
    const result = super.query({ name, text: text as string, values: values as unknown[] });
    return result.catch((err: unknown) => this.#failed(err)) as never;
  }

  #failed(err: unknown): never {
    if ((err as { code?: string }).code === '0A000') {
      this.#names.clear();
      this.#generation++;
    }
    // The client gave up waiting (query_timeout) but the statement stays active on this
    // connection, so every later query would queue behind it. end() marks the client ending at
    // once, so the pool drops it when it comes back; destroy() frees the socket now (a silent
    // network would keep it for minutes).
    if (err instanceof Error && err.message === 'Query read timeout') {
      this.end().catch(() => {});
      this.connection.stream.destroy();
    }
    throw err;
  }

  #nameOf(text: string, values: unknown[]): string | null {
    if (values.length === 0 || values.length > MAX_PARAMS) return null;
    let name = this.#names.get(text);
    if (name === undefined) {
      if (this.#names.size >= MAX_STATEMENTS) return null;
      name = `onramp_${this.#generation}_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
      this.#names.set(text, name);
    }
    return name;
  }
}
