/**
 * The layer rule of `npm run lint`: dependencies point downward only. Each case lints a line of
 * code as if it were a file of the named folder, through the project's own eslint.config.js.
 */
import { fileURLToPath } from 'node:url';

import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

// The probe files do not exist, so no TypeScript program holds them: lint them without type
// information. The type-aware rules are not what these cases are about.
const eslint = new ESLint({
  cwd: root,
  overrideConfig: {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: false } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/switch-exhaustiveness-check': 'off',
    },
  },
});

/** The layer-rule messages ESLint reports for `importLine` written in `filePath`. */
async function layerErrors(filePath: string, importLine: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${importLine}\nexport const probe = [a];\n`, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => `${m.severity === 2 ? 'error' : 'warning'}: ${m.message}`);
}

describe('layer rule', () => {
  it.each([
    ['src/store/probe.ts', "import { a } from '../app/place-order.js';", 'src/store may not import'],
    ['src/store/probe.ts', "import { a } from '../jobs/run-due.js';", 'src/store may not import'],
    ['src/app/probe.ts', "import { a } from '../web/layout.js';", 'src/app may not import'],
    ['src/app/probe.ts', "import type { a } from '../http/auth.js';", 'src/app may not import'],
    ['src/app/orders/probe.ts', "import { a } from '../../cli/program.js';", 'src/app may not import'],
    ['src/domain/probe.ts', "import { a } from '../store/lines.js';", 'src/domain is pure'],
    ['src/domain/probe.ts', "export { a } from '../app/place-order.js';", 'src/domain is pure'],
    ['src/domain/probe.ts', "import { a } from 'kysely';", 'src/domain is pure'],
  ])('refuses a back-edge: %s %s', async (filePath, importLine, message) => {
    const errors = await layerErrors(filePath, importLine);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(new RegExp(`^error: .*${message}`));
  });

  it.each([
    ['src/app/probe.ts', "import { a } from '../store/lines.js';"],
    ['src/app/probe.ts', "import { a } from '../domain/errors.js';"],
    ['src/app/probe.ts', "import { a } from '../webhooks/sign-payload.js';"],
    ['src/app/orders/probe.ts', "import { a } from '../place-order.js';"],
    ['src/http/routes/probe.ts', "import { a } from '../../jobs/record-email-event.js';"],
    ['src/store/probe.ts', "import { a } from '../domain/types.js';"],
    ['src/domain/probe.ts', "import { a } from './errors.js';"],
    ['src/domain/probe.ts', "import { a } from 'zod';"],
    ['src/jobs/probe.ts', "import { a } from '../app/place-order.js';"],
  ])('allows a downward import: %s %s', async (filePath, importLine) => {
    expect(await layerErrors(filePath, importLine)).toEqual([]);
  });
});

/** The SQL-placement messages ESLint reports for `code` written in `filePath`. */
async function sqlErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\n`, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-syntax' || m.ruleId === 'no-restricted-imports')
    .map((m) => `${m.severity === 2 ? 'error' : 'warning'}: ${m.message}`);
}

describe('SQL stays in src/store', () => {
  const query = "export const probe = (db: any) => db.selectFrom('offer').selectAll().execute();";
  const raw = "import { sql } from 'kysely';\nexport const probe = sql`select 1`;";

  it.each([
    ['src/app/probe.ts', query, ['Kysely queries live in a src/store repository']],
    ['src/app/orders/probe.ts', query, ['Kysely queries live in a src/store repository']],
    ['src/jobs/probe.ts', query, ['Kysely queries live in a src/store repository']],
    ['src/web/pages/probe.tsx', query, ['Kysely queries live in a src/store repository']],
    [
      'src/app/probe.ts',
      raw,
      ['Raw SQL lives in a src/store repository', 'Raw SQL lives in a src/store repository; call'],
    ],
    [
      'src/http/probe.ts',
      raw,
      ['Raw SQL lives in a src/store repository', 'Raw SQL lives in a src/store repository; call'],
    ],
  ])('refuses a query outside the store: %s', async (filePath, code, messages) => {
    const errors = await sqlErrors(filePath, code);
    expect(errors).toHaveLength(messages.length);
    messages.forEach((message, i) => expect(errors[i]).toMatch(new RegExp(`^error: .*${message}`)));
  });

  it.each([
    ['src/store/probe.ts', query],
    ['src/store/probe.ts', raw],
    [
      'src/app/probe.ts',
      "import type { Transaction } from 'kysely';\nexport type Probe = Transaction<never>;",
    ],
  ])('allows it where it belongs: %s', async (filePath, code) => {
    expect(await sqlErrors(filePath, code)).toEqual([]);
  });

  it('keeps the layer rule beside it: one file of src/app breaks both', async () => {
    const errors = await sqlErrors(
      'src/app/probe.ts',
      `import { a } from '../web/layout.js';\n${raw}\nexport const b = [a];`,
    );
    expect(errors).toEqual([
      expect.stringMatching(/^error: .*src\/app may not import src\/\{web,http,cli,jobs\}/),
      expect.stringMatching(
        /^error: 'sql' import from 'kysely' .*Raw SQL lives in a src\/store repository\.$/,
      ),
      expect.stringMatching(/^error: Raw SQL lives in a src\/store repository; call/),
    ]);
  });
});
