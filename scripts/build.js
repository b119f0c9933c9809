#!/usr/bin/env node
// `npm ci` runs this (the `prepare` script): compiles src/ to dist/ so `npm start` loads plain
// JavaScript instead of transpiling ~200 TypeScript files on every start, and prepares a migrated
// PGlite image so the first embedded start copies a database instead of running initdb.
// Both are accelerators only: bin/onramp.js falls back to tsx when dist/ is missing or older than
// src/, and an embedded start without the image runs initdb and the migrations itself.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const require = createRequire(import.meta.url);

let tsc;
try {
  tsc = require.resolve('typescript/bin/tsc');
} catch {
  console.warn('onramp build: typescript is not installed (production install?); bin/onramp.js will use tsx');
  process.exit(0);
}

rmSync(dist, { recursive: true, force: true });
const compiled = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], {
  stdio: 'inherit',
});
if (compiled.status !== 0) process.exit(compiled.status ?? 1);

// Files the code reads next to itself (SQL migrations, static assets) go along.
cpSync(join(root, 'src'), dist, {
  recursive: true,
  filter: (src) => statSync(src).isDirectory() || !/\.tsx?$/.test(src),
});

const { buildPgliteImage } = await import(pathToFileURL(join(dist, 'store/pglite-image.js')).href);
await buildPgliteImage(join(dist, 'pglite-image'));

writeFileSync(join(dist, 'build-stamp.json'), JSON.stringify({ builtAt: new Date().toISOString() }) + '\n');
const files = readdirSync(dist, { recursive: true }).filter((f) => String(f).endsWith('.js')).length;
console.log(
  `onramp build: ${files} modules in dist/, PGlite image ${existsSync(join(dist, 'pglite-image', 'PG_VERSION')) ? 'ready' : 'missing'}`,
);
