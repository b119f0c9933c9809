/** The operator's offer catalogue (/operator/offers): add, change the policy period, retire. */
import type { WebApp, WebDeps } from '../web-env.js';

export function registerOfferPages(_app: WebApp, _deps: WebDeps): void {}
