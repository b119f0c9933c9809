/** Strings of the partner workspace (namespace `workspace`), English and Italian with the same keys. */
import { workspaceEn } from './workspace-messages-en.js';
import { workspaceIt } from './workspace-messages-it.js';

export const workspaceMessages = { en: workspaceEn, it: workspaceIt } as const;
