/** onramp admin create-token / revoke-token: API tokens for any user. */
import type { Command } from 'commander';
import type { WithDatabase } from './with-database.js';

export function registerTokenCommands(_admin: Command, _withDatabase: WithDatabase): void {}
