import js from '@eslint/js';
import simpleImportSort from 'eslint-plugin-simple-import-sort';
import tseslint from 'typescript-eslint';

/**
 * Layer rule: dependencies point downward only (docs/architecture.md, "Layers"). ESLint's own
 * `no-restricted-imports` matches the import text, not the resolved file, so the rule is spelt
 * per folder depth: from `src/app/x.ts` the web layer is `../web/…`, from `src/app/orders/x.ts`
 * it is `../../web/…`. Files more than MAX_DEPTH folders below a layer's root are not covered;
 * the bound is generous (the deepest folder today is one level).
 */
const MAX_DEPTH = 4;
const SOURCE = '{ts,tsx}';

/** The folder prefix that climbs from a file `depth` folders below `src/<layer>/` back to `src/`. */
const upToSrc = (depth) => `(\\.\\./){${depth + 1}}`;
const filesAt = (layer, depth) => [`src/${layer}/${'*/'.repeat(depth)}*.${SOURCE}`];

/**
 * SQL lives in src/store (repositories own it): elsewhere no Kysely query builder and no raw `sql`.
 * The import half is `no-restricted-imports`, which the layer rules below also set; in flat config
 * a later block's options replace an earlier block's for the same rule, so every layer block that
 * covers code outside src/store repeats KYSELY_SQL in its own list.
 */
const KYSELY_SQL = {
  name: 'kysely',
  importNames: ['sql'],
  message: 'Raw SQL lives in a src/store repository.',
};
const sqlStaysInStore = {
  files: [`src/**/*.${SOURCE}`],
  ignores: ['src/store/**'],
  rules: {
    'no-restricted-syntax': [
      'error',
      {
        selector:
          'CallExpression[callee.property.name=/^(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto|selectNoFrom)$/]',
        message: 'Kysely queries live in a src/store repository; call a repository function instead.',
      },
      {
        selector: "TaggedTemplateExpression[tag.name='sql'], CallExpression[callee.object.name='sql']",
        message: 'Raw SQL lives in a src/store repository; call a repository function instead.',
      },
    ],
    'no-restricted-imports': ['error', { paths: [KYSELY_SQL] }],
  },
};

/**
 * `layer` may not import the sibling folders of `src/` named in `forbidden`; `paths` are the
 * imports by name it may not use either (see KYSELY_SQL).
 */
function layerMayNotImport(layer, forbidden, why, paths = []) {
  return Array.from({ length: MAX_DEPTH + 1 }, (_, depth) => ({
    files: filesAt(layer, depth),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths,
          patterns: [
            {
              regex: `^${upToSrc(depth)}(${forbidden.join('|')})(/|$)`,
              message: `src/${layer} may not import src/{${forbidden.join(',')}}: ${why}`,
            },
          ],
        },
      ],
    },
  }));
}

/**
 * The domain is pure: nothing of ours outside src/domain, and no package but the pure ones (so no
 * kysely at all: KYSELY_SQL need not be repeated here). image-size reads dimensions from bytes.
 */
const DOMAIN_PACKAGES = ['zod', 'node:net', 'image-size'];
const domainIsPure = Array.from({ length: MAX_DEPTH + 1 }, (_, depth) => ({
  files: filesAt('domain', depth),
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            regex: `^${upToSrc(depth)}`,
            message: 'src/domain is pure: it imports nothing of ours outside src/domain.',
          },
          {
            regex: `^(?!\\.{1,2}/|(${DOMAIN_PACKAGES.join('|')})(/|$))`,
            message: `src/domain is pure: the only packages it may import are ${DOMAIN_PACKAGES.join(', ')}.`,
          },
        ],
      },
    ],
  },
}));

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'data', 'coverage', 'test-results', 'docs', 'scratch'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // Type-aware rules: every TypeScript file is in tsconfig.json (src, test, bench, root configs).
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: false },
      ],
    },
  },
  // First: the layer blocks after it replace its `no-restricted-imports` for their files.
  sqlStaysInStore,
  ...domainIsPure,
  ...layerMayNotImport(
    'app',
    ['web', 'http', 'cli', 'jobs'],
    'use cases are called by the edges, never the other way round.',
    [KYSELY_SQL],
  ),
  ...layerMayNotImport(
    'store',
    ['app', 'web', 'http', 'cli', 'jobs'],
    'repositories are called by use cases and jobs, never the other way round.',
  ),
  {
    files: ['src/web/static/**/*.js'],
    languageOptions: {
      globals: {
        document: 'readonly',
        window: 'readonly',
        HTMLFormElement: 'readonly',
        HTMLDialogElement: 'readonly',
        HTMLSelectElement: 'readonly',
        HTMLInputElement: 'readonly',
        Element: 'readonly',
      },
    },
  },
  {
    files: ['bin/**/*.js', 'scripts/**/*.js'],
    languageOptions: {
      globals: { process: 'readonly', URL: 'readonly', console: 'readonly', Blob: 'readonly' },
    },
  },
  { files: ['src/cli/**', 'bench/**', 'bin/**', 'scripts/**', 'test/**'], rules: { 'no-console': 'off' } },
  // One import order everywhere (packages, then ours by distance), fixed by `eslint --fix`.
  {
    plugins: { 'simple-import-sort': simpleImportSort },
    rules: { 'simple-import-sort/imports': 'error', 'simple-import-sort/exports': 'error' },
  },
);
