#!/usr/bin/env node
// Launcher: registers tsx's loader in this process and runs the TypeScript CLI, so `npx onramp`
// works without a build step and signals reach the server directly (no child process).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
