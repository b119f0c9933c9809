/** onramp admin bootstrap: the platform's first operator account. */
import type { Command } from 'commander';
import type { WithDatabase } from './with-database.js';

export function registerBootstrapCommand(_admin: Command, _withDatabase: WithDatabase): void {}
