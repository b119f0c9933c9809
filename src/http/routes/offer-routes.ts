/** /api/v1/offers: the offer catalogue (read for every user; operators change it). */
import type { ApiApp, HttpDeps } from '../api-types.js';

export function registerOfferRoutes(_app: ApiApp, _deps: HttpDeps): void {}
