/** Personal API tokens (/settings/tokens): create, list, roll, revoke. */
import type { WebApp, WebDeps } from '../web-env.js';

export function registerTokenPages(_app: WebApp, _deps: WebDeps): void {}
