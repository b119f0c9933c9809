/** The operator's organization pages (/operator): list, create, rename, deactivate. */
import type { WebApp, WebDeps } from '../web-env.js';

export function registerOrganizationPages(_app: WebApp, _deps: WebDeps): void {}
