/** onramp admin offers list|add|set|retire: the offer catalogue. */
import type { Command } from 'commander';
import type { WithDatabase } from './with-database.js';

export function registerOfferCommands(_admin: Command, _withDatabase: WithDatabase): void {}
