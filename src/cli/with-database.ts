import type { Config } from '../config.js';
import type { Store } from '../store/open-store.js';

/** Opens the database for a one-shot command and always closes it (see cli/main.ts). */
export type WithDatabase = <T>(
  fn: (ctx: { store: Store; cfg: Config; out: NodeJS.WritableStream }) => Promise<T>,
) => Promise<T>;
