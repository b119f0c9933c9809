/**
 * `onramp admin …`: what an operator needs before anyone can sign in, and for any user later.
 * Every command prints JSON on success; refusals use the shared error vocabulary and exit codes.
 */
import type { Command } from 'commander';

import { registerBootstrapCommand } from './admin-bootstrap-command.js';
import { registerOfferCommands } from './admin-offer-commands.js';
import { registerTokenCommands } from './admin-token-commands.js';
import type { WithDatabase } from './with-database.js';

export function registerAdminCommands(program: Command, withDatabase: WithDatabase): void {
  const admin = program
    .command('admin')
    .description('operator commands: the first operator, API tokens for any user, the offer catalogue');
  registerBootstrapCommand(admin, withDatabase);
  registerTokenCommands(admin, withDatabase);
  registerOfferCommands(admin, withDatabase);
}
