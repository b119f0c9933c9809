#!/usr/bin/env node
// Launcher for the `onramp` command. It runs in this process (no child), so signals reach the
// server directly. It loads dist/ (compiled by `npm ci`'s prepare step, scripts/build.js) when
// that build is newer than every file in src/, and otherwise the TypeScript sources through tsx,
// so an edited checkout never runs stale code and no build step is ever required.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const stamp = join(root, 'dist', 'build-stamp.json');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const built = existsSync(stamp) && statSync(stamp).mtimeMs >= newestSource(join(root, 'src'));
if (built && process.env.ONRAMP_FROM_SOURCE !== '1') {
  await import('../dist/cli/main.js');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
