/** What the numbers were measured on: cores, memory, load, Node and PostgreSQL versions. */
import { cpus, loadavg, totalmem } from 'node:os';

import pg from 'pg';

export interface Machine {
  cores: number;
  cpu: string;
  memoryGb: number;
  loadAverage: number[];
  node: string;
  postgres: string;
}

export async function describeMachine(adminUrl: string): Promise<Machine> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ version: string }>('select version()');
    return {
      cores: cpus().length,
      cpu: cpus()[0]?.model ?? 'unknown',
      memoryGb: Math.round(totalmem() / 2 ** 30),
      loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
      node: process.version,
      postgres: rows[0]!.version.split(' on ')[0]!,
    };
  } finally {
    await client.end();
  }
}
